from odoo.exceptions import AccessError, UserError

from .common import HospitalStockCase


class TestAccess(HospitalStockCase):
    def test_head_nurse_sees_only_her_ward_locations(self):
        Location = self.env["stock.location"].with_user(self.head_nurse)
        visible = Location.search([("hospital_department_id", "!=", False)])
        self.assertIn(self.ward_location, visible)
        self.assertNotIn(self.icu_location, visible)
        with self.assertRaises(AccessError):
            self.icu_location.with_user(self.head_nurse).read(["name"])
        quants = self.env["stock.quant"].with_user(self.head_nurse).search([])
        self.assertTrue(quants)
        self.assertFalse(quants.filtered(lambda q: q.location_id == self.icu_location))

    def test_head_nurse_cannot_read_other_ward_documents(self):
        check = (
            self.env["hospital.stock.check"]
            .with_user(self.head_nurse_icu)
            .create({"department_id": self.icu.id})
        )
        with self.assertRaises(AccessError):
            check.with_user(self.head_nurse).read(["name"])
        self.assertFalse(
            self.env["hospital.stock.check"].with_user(self.head_nurse).search([])
        )
        # Logistics sees every ward.
        self.assertIn(
            check, self.env["hospital.stock.check"].with_user(self.keeper).search([])
        )

    def test_finance_reads_reconciliations_but_cannot_change_them(self):
        self.sign_check = (
            self.env["hospital.stock.check"]
            .with_user(self.head_nurse)
            .create({"department_id": self.ward.id})
        )
        rec = (
            self.env["hospital.stock.reconciliation"]
            .with_user(self.head_nurse)
            .create({"department_id": self.ward.id})
        )
        self.assertEqual(
            self.env["hospital.stock.reconciliation"]
            .with_user(self.finance)
            .search([]),
            rec,
        )
        with self.assertRaises(AccessError):
            rec.with_user(self.finance).write({"month": "2020-01-01"})
        with self.assertRaises(AccessError):
            self.env["hospital.stock.check"].with_user(self.finance).search([])

    def test_requester_cannot_count(self):
        with self.assertRaises(AccessError):
            self.env["hospital.stock.check"].with_user(self.requester).create(
                {"department_id": self.ward.id}
            )

    def test_documents_are_archived_not_deleted(self):
        check = (
            self.env["hospital.stock.check"]
            .with_user(self.head_nurse)
            .create({"department_id": self.ward.id})
        )
        with self.assertRaises(UserError):
            check.with_user(self.head_nurse).unlink()
        check.with_user(self.head_nurse).active = False
        self.assertFalse(check.active)

    def test_head_nurse_cannot_see_other_ward_requisitions(self):
        requisition = (
            self.env["hospital.stock.requisition"]
            .with_user(self.head_nurse_icu)
            .create({"department_id": self.icu.id})
        )
        with self.assertRaises(AccessError):
            requisition.with_user(self.head_nurse).read(["name"])
        with self.assertRaises(UserError):
            self.env["hospital.stock.requisition"].with_user(self.requester).create(
                {"department_id": self.icu.id}
            )
        self.assertIn(
            requisition,
            self.env["hospital.stock.requisition"].with_user(self.keeper).search([]),
        )

    def test_finance_reads_compensations_only(self):
        compensation = self.env["hospital.stock.compensation"].create(
            {
                "department_id": self.ward.id,
                "user_id": self.requester.id,
                "amount": 50,
            }
        )
        self.assertEqual(
            compensation.with_user(self.finance).read(["amount"])[0]["amount"], 50
        )
        with self.assertRaises(AccessError):
            compensation.with_user(self.finance).action_paid()
        with self.assertRaises(AccessError):
            compensation.with_user(self.head_nurse_icu).read(["amount"])
