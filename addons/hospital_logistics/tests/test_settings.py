from odoo.exceptions import ValidationError
from odoo.tests import Form

from .common import HospitalLogisticsCase


class TestSettings(HospitalLogisticsCase):
    def test_defaults_follow_domain(self):
        company = self.env["res.company"].create({"name": "Second Hospital"})
        self.assertEqual(company.hospital_response_hours, 4)
        self.assertEqual(company.hospital_tender_amount, 100000)
        self.assertEqual(company.hospital_tender_min_bidders, 4)
        self.assertEqual(company.hospital_negotiation_min_parties, 2)
        self.assertEqual(company.hospital_budget_estimate_amount, 1000)
        self.assertEqual(company.hospital_major_contract_amount, 1000000)
        self.assertEqual(company.hospital_major_contract_years, 5)
        self.assertEqual(company.hospital_archive_retention_years, 16)
        self.assertEqual(company.hospital_short_contract_keep_years, 2)
        self.assertEqual(company.hospital_vehicle_repair_deputy_limit, 1000)
        self.assertEqual(company.hospital_penalty_drunk_driving, 1000)
        self.assertEqual(company.hospital_penalty_wrong_parking, 20)
        self.assertEqual(company.hospital_accident_hospital_share, 30)
        self.assertEqual(company.hospital_vendor_kpi_target, 95)
        self.assertEqual(company.hospital_vendor_interruption_max, 3)
        self.assertEqual(company.hospital_vendor_satisfaction_target, 90)
        self.assertEqual(company.hospital_scrap_meeting_amount, 500)
        self.assertEqual(company.hospital_supply_timeliness_target, 98)
        self.assertEqual(company.hospital_ward_check_days, 7)

    def test_every_threshold_is_on_the_settings_page(self):
        settings = self.env["res.config.settings"]
        # the page as served, with the thresholds other addons add to it
        arch = settings.get_view(view_type="form")["arch"]
        for fname in self.env["res.company"]._hospital_threshold_kinds():
            self.assertIn(fname, settings._fields, fname)
            self.assertIn(f'name="{fname}"', arch, fname)

    def test_settings_form_saves_a_threshold(self):
        with Form(self.env["res.config.settings"]) as form:
            form.hospital_response_hours = 3
        form.save().execute()
        self.assertEqual(self.company.hospital_response_hours, 3)

    def _assert_refused(self, fname, value):
        before = self.company[fname]
        with self.assertRaises(ValidationError), self.cr.savepoint():
            self.env["res.config.settings"].create({fname: value}).execute()
        self.env.invalidate_all()
        self.assertEqual(self.company[fname], before, "nothing is half-written")

    def test_negative_amount_refused(self):
        self._assert_refused("hospital_tender_amount", -1)
        self._assert_refused("hospital_penalty_wrong_parking", -20)

    def test_zero_period_refused(self):
        self._assert_refused("hospital_response_hours", 0)
        self._assert_refused("hospital_ward_check_days", 0)
        self._assert_refused("hospital_archive_retention_years", -16)

    def test_count_below_one_refused(self):
        self._assert_refused("hospital_tender_min_bidders", 0)

    def test_percentage_out_of_range_refused(self):
        self._assert_refused("hospital_vendor_kpi_target", 101)
        self._assert_refused("hospital_accident_hospital_share", -5)

    def test_negotiation_cannot_need_more_parties_than_tender(self):
        with self.assertRaises(ValidationError):
            self.company.write(
                {
                    "hospital_tender_min_bidders": 2,
                    "hospital_negotiation_min_parties": 3,
                }
            )

    def test_demo_hospital_keeps_books_in_yuan(self):
        company = self.env["res.company"].create({"name": "Demo Hospital"})
        company._hospital_demo_identity()
        self.assertEqual(company.currency_id, self.env.ref("base.CNY"))
        self.assertEqual(company.name, "滨江市第一人民医院")

    def test_zero_amount_allowed(self):
        """An amount threshold of 0 means "always": it is a choice, not nonsense."""
        self.company.hospital_repair_approval_amount = 0
        self.assertEqual(self.company.hospital_repair_approval_amount, 0)

    def test_error_speaks_the_users_language(self):
        self.env["res.lang"]._activate_lang("zh_CN")
        self.env["ir.module.module"]._load_module_terms(
            ["hospital_logistics"], ["zh_CN"], overwrite=True
        )
        company = self.company.with_context(lang="zh_CN")
        with self.assertRaises(ValidationError) as caught:
            company.hospital_response_hours = 0
        self.assertIn("必须大于零", str(caught.exception))
