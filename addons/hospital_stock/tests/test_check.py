from datetime import timedelta

from odoo import fields
from odoo.exceptions import UserError, ValidationError

from .common import HospitalStockCase


class TestWeeklyCheck(HospitalStockCase):
    def _check(self, user=None, department=None):
        return (
            self.env["hospital.stock.check"]
            .with_user(user or self.head_nurse)
            .create({"department_id": (department or self.ward).id})
        )

    def test_count_sign_and_record_differences(self):
        check = self._check()
        gauze = check.line_ids.filtered(lambda line: line.product_id == self.gauze)
        self.assertEqual(gauze.theoretical_qty, 40)
        gauze.counted_qty = 38
        self.sign(check, "custodian_signature", self.head_nurse)
        check.action_done()
        self.assertEqual(check.state, "done")
        self.assertEqual(gauze.difference, -2)
        self.assertEqual(check.difference_count, 1)
        self.assertTrue(self.ward_location.hospital_last_check_date)
        self.assertFalse(self.ward_location.hospital_check_overdue)
        with self.assertRaises(UserError):
            gauze.counted_qty = 40

    def test_cannot_count_another_ward(self):
        with self.assertRaises(UserError):
            self._check(department=self.icu)
        self.assertFalse(
            self.env["hospital.stock.check"].search(
                [("department_id", "=", self.icu.id)]
            )
        )

    def test_cannot_sign_for_the_custodian(self):
        check = self._check()
        with self.assertRaises(UserError):
            self.sign(check, "custodian_signature", self.requester)
        with self.assertRaises(UserError):
            check.action_done()

    def test_negative_count_refused(self):
        """Refused when typed, not when the check is closed."""
        check = self._check()
        with self.assertRefused(check.line_ids[0], ["counted_qty"], ValidationError):
            check.line_ids[0].counted_qty = -1
        self.assertEqual(check.state, "draft")

    def test_overdue_check_flagged_to_custodian_and_manager(self):
        self.company.hospital_ward_check_days = 7
        self.ward_location.hospital_last_check_date = fields.Datetime.now() - timedelta(
            days=8
        )
        self.icu_location.hospital_last_check_date = fields.Datetime.now() - timedelta(
            days=2
        )
        self.assertTrue(self.ward_location.hospital_check_overdue)
        self.assertFalse(self.icu_location.hospital_check_overdue)
        overdue = self.env["stock.location"].search(
            [("hospital_check_overdue", "in", [True])]
        )
        self.assertIn(self.ward_location, overdue)
        self.assertNotIn(self.icu_location, overdue)
        # The interval is a setting.
        self.company.hospital_ward_check_days = 10
        self.assertFalse(self.ward_location.hospital_check_overdue)
        self.company.hospital_ward_check_days = 7
        self.env["hospital.stock.check"]._cron_flag_overdue_checks()
        activities = self.env["mail.activity"].search(
            [("res_model", "=", "hr.department"), ("res_id", "=", self.ward.id)]
        )
        self.assertIn(self.head_nurse, activities.user_id)
        self.assertIn(self.manager, activities.user_id)
        self.assertFalse(
            self.env["mail.activity"].search(
                [("res_model", "=", "hr.department"), ("res_id", "=", self.icu.id)]
            )
        )
        # Run again: no duplicate reminders.
        self.env["hospital.stock.check"]._cron_flag_overdue_checks()
        self.assertEqual(
            len(
                self.env["mail.activity"].search(
                    [("res_model", "=", "hr.department"), ("res_id", "=", self.ward.id)]
                )
            ),
            len(activities),
        )
