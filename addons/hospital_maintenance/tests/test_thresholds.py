from odoo.addons.hospital_logistics.tests.common import HospitalLogisticsCase


class TestThresholds(HospitalLogisticsCase):
    """The service desk declares the thresholds it enforces, with the rule
    book's defaults (DOMAIN.md §1)."""

    def test_defaults_follow_domain(self):
        company = self.env["res.company"].create({"name": "Second Hospital"})
        self.assertEqual(company.hospital_response_hours, 4)
        self.assertEqual(company.hospital_critical_response_hours, 1)
        self.assertEqual(company.hospital_emergency_response_minutes, 15)
        self.assertEqual(company.hospital_repair_approval_amount, 1000)
        self.assertEqual(company.hospital_generator_test_days, 7)
        self.assertEqual(company.hospital_tool_inventory_months, 6)

    def test_declared_by_this_addon(self):
        kinds = self.env["res.company"]._hospital_threshold_kinds()
        for fname in (
            "hospital_response_hours",
            "hospital_critical_response_hours",
            "hospital_emergency_response_minutes",
            "hospital_resolution_hours",
            "hospital_report_back_hours",
            "hospital_autoclose_days",
            "hospital_repair_approval_amount",
            "hospital_generator_test_days",
            "hospital_tool_inventory_months",
        ):
            self.assertIn(fname, kinds)
            self.assertEqual(
                self.env["res.company"]._fields[fname]._module,
                "hospital_maintenance",
                fname,
            )
