from datetime import timedelta

from odoo import fields
from odoo.exceptions import UserError

from .common import SIGNATURE, HospitalStockCase


class TestLoan(HospitalStockCase):
    def _loan(self, product, qty=1, lot=None, due_days=3):
        return (
            self.env["hospital.stock.loan"]
            .with_user(self.head_nurse)
            .create(
                {
                    "department_id": self.ward.id,
                    "product_id": product.id,
                    "quantity": qty,
                    "lot_id": lot and lot.id,
                    "borrower_name": "Dr. Zhou (Surgery)",
                    "date_due": fields.Date.today() + timedelta(days=due_days),
                }
            )
        )

    def test_ordinary_item_lent_and_returned(self):
        loan = self._loan(self.gauze, 5)
        loan.action_submit()
        self.assertEqual(loan.state, "approved")
        with self.assertRaises(UserError):
            loan.action_lend()
        loan.borrower_signature = SIGNATURE
        loan.action_lend()
        self.assertEqual(loan.state, "lent")
        self.assertEqual(self.on_hand(self.gauze, self.ward_location), 35)
        loan.action_return()
        self.assertEqual(self.on_hand(self.gauze, self.ward_location), 40)

    def test_important_item_needs_head_nurse(self):
        loan = (
            self.env["hospital.stock.loan"]
            .with_user(self.head_nurse)
            .create(
                {
                    "department_id": self.ward.id,
                    "product_id": self.monitor.id,
                    "borrower_name": "ICU",
                    "date_due": fields.Date.today() + timedelta(days=1),
                    "borrower_signature": SIGNATURE,
                }
            )
            .sudo()
        )
        loan.with_user(self.head_nurse).action_submit()
        self.assertEqual(loan.state, "to_approve")
        with self.assertRaises(UserError):
            loan.with_user(self.head_nurse).action_lend()
        with self.assertRaises(UserError):
            loan.with_user(self.keeper).action_approve()
        loan.with_user(self.head_nurse).action_approve()
        loan.with_user(self.head_nurse).action_lend()
        self.assertEqual(loan.state, "lent")

    def test_bad_quantities(self):
        with self.assertRaises(UserError):
            self._loan(self.gauze, 0).action_submit()
        with self.assertRaises(UserError):
            self._loan(self.gauze, 41).action_submit()

    def test_overdue_loans_flagged(self):
        loan = self._loan(self.gauze, 1, due_days=0)
        loan.action_submit()
        loan.borrower_signature = SIGNATURE
        loan.action_lend()
        loan.sudo().date_due = fields.Date.today() - timedelta(days=1)
        self.assertTrue(loan.is_overdue)
        self.assertIn(
            loan, self.env["hospital.stock.loan"].search([("is_overdue", "in", [True])])
        )
        self.assertEqual(self.ward.hospital_overdue_loan_count, 1)
        self.env["hospital.stock.loan"]._cron_flag_overdue_loans()
        self.assertEqual(loan.activity_ids.user_id, self.head_nurse)
