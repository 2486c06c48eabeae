from psycopg2 import IntegrityError

from odoo.exceptions import ValidationError
from odoo.tools import mute_logger

from .common import HospitalLogisticsCase


class TestDepartments(HospitalLogisticsCase):
    def test_user_departments(self):
        self.assertEqual(self.requester.hospital_department_ids, self.ward)
        self.assertEqual(self.head_nurse.hospital_department_ids, self.ward)
        self.assertEqual(self.head_nurse_icu.hospital_department_ids, self.icu)
        self.assertFalse(self.technician.hospital_department_ids)

    def test_search_users_by_department(self):
        users = self.env["res.users"].search(
            [("hospital_department_ids", "in", self.ward.ids)]
        )
        self.assertIn(self.requester, users)
        self.assertIn(self.head_nurse, users)
        self.assertNotIn(self.head_nurse_icu, users)

    def test_keeper_belongs_to_department(self):
        self.icu.keeper_id = self.technician
        self.technician.invalidate_recordset(["hospital_department_ids"])
        self.assertEqual(self.technician.hospital_department_ids, self.icu)

    def test_vendor_cannot_be_custodian(self):
        with self.assertRaises(ValidationError):
            self.ward.head_nurse_id = self.vendor
        with self.assertRaises(ValidationError):
            self.ward.keeper_id = self.vendor

    @mute_logger("odoo.sql_db")
    def test_department_code_unique(self):
        with self.assertRaises(IntegrityError), self.cr.savepoint():
            self.env["hr.department"].create(
                {"name": "Duplicate", "hospital_code": self.ward.hospital_code}
            )

    def test_department_code_length(self):
        with self.assertRaises(ValidationError):
            self.ward.hospital_code = "W" * 33
        self.ward.hospital_code = "W" * 32

    def test_custody_changes_are_tracked(self):
        self.env.cr.precommit.run()  # the ward's creation, as if committed
        self.ward.head_nurse_id = self.head_nurse_icu
        self.env.cr.precommit.run()
        self.ward.invalidate_recordset(["message_ids"])
        tracked = self.ward.message_ids.tracking_value_ids.filtered(
            lambda t: t.field_id.name == "head_nurse_id"
        )
        self.assertTrue(tracked)
