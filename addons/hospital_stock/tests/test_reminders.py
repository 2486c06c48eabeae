from datetime import timedelta

from freezegun import freeze_time

from odoo import fields

from .common import SIGNATURE, HospitalStockCase

CHECK_OVERDUE = "hospital_stock.mail_act_hospital_stock_check_overdue"


class TestReminders(HospitalStockCase):
    """The crons write to each reader in her language and know their own
    reminders by their type, not by a translated text."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("zh_CN")
        cls.env["ir.module.module"]._load_module_terms(
            ["hospital_stock"], ["zh_CN"], overwrite=True
        )
        cls.head_nurse.lang = "zh_CN"
        cls.company.hospital_ward_check_days = 7
        cls.ward_location.hospital_last_check_date = fields.Datetime.now() - timedelta(
            days=8
        )

    def _check_reminders(self):
        return self.env["mail.activity"].search(
            [
                ("res_model", "=", "hr.department"),
                ("res_id", "=", self.ward.id),
                ("activity_type_id", "=", self.env.ref(CHECK_OVERDUE).id),
            ]
        )

    def test_overdue_check_in_the_readers_language(self):
        self.env["hospital.stock.check"].with_context(
            lang="en_US"
        )._cron_flag_overdue_checks()
        reminders = self._check_reminders()
        nurse = reminders.filtered(lambda a: a.user_id == self.head_nurse)
        manager = reminders.filtered(lambda a: a.user_id == self.manager)
        self.assertIn("周清点", nurse.summary)
        self.assertEqual(manager.summary, "Weekly stock check overdue")

    def test_no_duplicate_whatever_the_language(self):
        Check = self.env["hospital.stock.check"]
        Check._cron_flag_overdue_checks()
        reminders = self._check_reminders()
        self.head_nurse.lang = "en_US"
        Check.with_context(lang="zh_CN")._cron_flag_overdue_checks()
        self.assertEqual(self._check_reminders(), reminders)

    def test_signed_check_closes_the_reminders(self):
        self.env["hospital.stock.check"]._cron_flag_overdue_checks()
        self.assertTrue(self._check_reminders())
        check = (
            self.env["hospital.stock.check"]
            .with_user(self.head_nurse)
            .create({"department_id": self.ward.id})
        )
        self.sign(check, "custodian_signature", self.head_nurse)
        check.action_done()
        self.assertFalse(self._check_reminders())

    def test_overdue_loan_in_the_readers_language(self):
        loan = (
            self.env["hospital.stock.loan"]
            .with_user(self.head_nurse)
            .create(
                {
                    "department_id": self.ward.id,
                    "product_id": self.gauze.id,
                    "borrower_name": "Dr. Zhou",
                    "date_due": fields.Date.today(),
                    "borrower_signature": SIGNATURE,
                }
            )
        )
        loan.action_submit()
        loan.action_lend()
        with freeze_time(fields.Date.today() + timedelta(days=3)):
            Loan = self.env["hospital.stock.loan"].with_context(lang="en_US")
            Loan._cron_flag_overdue_loans()
            self.head_nurse.lang = "en_US"
            Loan._cron_flag_overdue_loans()
        self.assertEqual(len(loan.activity_ids), 1)
        self.assertIn("借", loan.activity_ids.summary)


class TestExpiry(HospitalStockCase):
    def test_near_expiry_reads_the_lots_own_company(self):
        branch = self.env["res.company"].create(
            {"name": "Branch Hospital", "hospital_expiry_warning_days": 365}
        )
        self.company.hospital_expiry_warning_days = 30
        lot = self.env["stock.lot"].create(
            {
                "name": "SY-BRANCH",
                "product_id": self.syringe.id,
                "company_id": branch.id,
                "expiration_date": fields.Datetime.now() + timedelta(days=200),
            }
        )
        # Working in both hospitals, from the main one.
        Lot = self.env["stock.lot"].with_context(
            allowed_company_ids=[self.company.id, branch.id]
        )
        self.assertEqual(lot.with_company(self.company).hospital_expiry_state, "near")
        self.assertEqual(self.lot_good.hospital_expiry_state, "ok")
        near = Lot.search([("hospital_expiry_state", "in", ["near"])])
        self.assertIn(lot, near)
        self.assertNotIn(self.lot_good, near)
        self.assertIn(
            self.lot_good, Lot.search([("hospital_expiry_state", "in", ["ok"])])
        )
        expired = Lot.search([("hospital_expiry_state", "in", ["expired"])])
        self.assertEqual(
            expired & (lot | self.lot_good | self.lot_expired), self.lot_expired
        )
