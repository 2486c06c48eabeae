from odoo.exceptions import ValidationError

from .common import HospitalLogisticsCase


class TestTierThreshold(HospitalLogisticsCase):
    """The threshold engine compares a document's number with a setting.

    Companies carry numbers of their own, so a company is the document here:
    the test needs no model of a later addon.
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.tier = cls.env["tier.definition"].create(
            {
                "name": "Repairs above the approval amount",
                "model_id": cls.env.ref("base.model_res_company").id,
                "definition_type": "hospital_threshold",
                "hospital_document_field": "hospital_budget_estimate_amount",
                "hospital_threshold_operator": ">",
                "hospital_threshold_field": "hospital_repair_approval_amount",
                "review_type": "group",
                "reviewer_group_id": cls.env.ref(
                    "hospital_logistics.hospital_logistics_group_manager"
                ).id,
            }
        )

    def test_threshold_follows_settings(self):
        self.company.write(
            {
                "hospital_budget_estimate_amount": 1500,
                "hospital_repair_approval_amount": 1000,
            }
        )
        self.assertTrue(
            self.tier._hospital_threshold_reached(self.company, self.company)
        )
        self.company.hospital_repair_approval_amount = 2000
        self.assertFalse(
            self.tier._hospital_threshold_reached(self.company, self.company)
        )

    def test_operator_bounds(self):
        self.company.write(
            {
                "hospital_budget_estimate_amount": 1000,
                "hospital_repair_approval_amount": 1000,
            }
        )
        self.assertFalse(
            self.tier._hospital_threshold_reached(self.company, self.company)
        )
        self.tier.hospital_threshold_operator = ">="
        self.assertTrue(
            self.tier._hospital_threshold_reached(self.company, self.company)
        )

    def test_document_value_must_be_a_number(self):
        with self.assertRaises(ValidationError):
            self.tier.hospital_document_field = "name"
        with self.assertRaises(ValidationError):
            self.tier.hospital_document_field = "no_such_field"

    def test_threshold_tier_needs_its_parts(self):
        with self.assertRaises(ValidationError):
            self.tier.hospital_threshold_field = False

    def test_only_amounts_durations_and_counts_are_offered(self):
        keys = dict(self.env["res.company"]._hospital_threshold_selection())
        self.assertIn("hospital_repair_approval_amount", keys)
        self.assertIn("hospital_major_contract_years", keys)
        self.assertNotIn("hospital_vendor_kpi_target", keys)
