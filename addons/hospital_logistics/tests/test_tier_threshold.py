from unittest import SkipTest

from odoo.exceptions import ValidationError

from .common import HospitalLogisticsCase


class TestTierThreshold(HospitalLogisticsCase):
    """The threshold engine compares a document's number with a setting.

    Companies carry numbers of their own, so a company is the document here,
    one amount threshold standing for the document's value and another for
    the threshold: the test needs no model of a later addon.
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        kinds = cls.env["res.company"]._hospital_threshold_kinds()
        amounts = [fname for fname, kind in kinds.items() if kind == "amount"]
        if len(amounts) < 2:
            raise SkipTest("the installed addons declare fewer than two amounts")
        cls.value, cls.threshold = amounts[:2]
        cls.tier = cls.env["tier.definition"].create(
            {
                "name": "Repairs above the approval amount",
                "model_id": cls.env.ref("base.model_res_company").id,
                "definition_type": "hospital_threshold",
                "hospital_document_field": cls.value,
                "hospital_threshold_operator": ">",
                "hospital_threshold_field": cls.threshold,
                "review_type": "group",
                "reviewer_group_id": cls.env.ref(
                    "hospital_logistics.hospital_logistics_group_manager"
                ).id,
            }
        )

    def test_threshold_follows_settings(self):
        self.company.write({self.value: 1500, self.threshold: 1000})
        self.assertTrue(
            self.tier._hospital_threshold_reached(self.company, self.company)
        )
        self.company[self.threshold] = 2000
        self.assertFalse(
            self.tier._hospital_threshold_reached(self.company, self.company)
        )

    def test_operator_bounds(self):
        self.company.write({self.value: 1000, self.threshold: 1000})
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
        kinds = self.env["res.company"]._hospital_threshold_kinds()
        self.assertEqual(
            set(keys),
            {f for f, kind in kinds.items() if kind in ("amount", "period", "count")},
        )
        self.assertIn(self.threshold, keys)
