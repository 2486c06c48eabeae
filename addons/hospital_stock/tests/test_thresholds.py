from odoo.addons.hospital_logistics.tests.common import HospitalLogisticsCase


class TestThresholds(HospitalLogisticsCase):
    """Ward custody declares the thresholds it enforces, with the rule book's
    defaults (DOMAIN.md §2)."""

    def test_defaults_follow_domain(self):
        company = self.env["res.company"].create({"name": "Second Hospital"})
        self.assertEqual(company.hospital_ward_check_days, 7)
        self.assertEqual(company.hospital_stocktake_months, 3)
        self.assertEqual(company.hospital_loss_approval_amount, 500)
        self.assertEqual(company.hospital_expiry_warning_days, 30)

    def test_declared_by_this_addon(self):
        kinds = self.env["res.company"]._hospital_threshold_kinds()
        for fname in (
            "hospital_ward_check_days",
            "hospital_expiry_warning_days",
            "hospital_loss_approval_amount",
            "hospital_stocktake_months",
        ):
            self.assertIn(fname, kinds)
            self.assertEqual(
                self.env["res.company"]._fields[fname]._module, "hospital_stock", fname
            )

    def test_manager_edits_ward_thresholds(self):
        self.company.with_user(self.manager).write({"hospital_ward_check_days": 14})
        self.assertEqual(self.company.hospital_ward_check_days, 14)
        change = self.env["hospital.threshold.change"].search(
            [("field_name", "=", "hospital_ward_check_days")]
        )
        self.assertEqual((change.old_value, change.new_value), ("7", "14"))
