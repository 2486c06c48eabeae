from odoo import Command, fields
from odoo.exceptions import UserError

from .common import HospitalAssetCase


class TestReimbursement(HospitalAssetCase):
    """Receipt, register, then reimbursement: finance pays a bill only for
    assets already on the books."""

    def setUp(self):
        super().setUp()
        self.bill = self.env["account.move"].create(
            {
                "move_type": "in_invoice",
                "partner_id": self.supplier.id,
                "invoice_date": fields.Date.today(),
                "invoice_line_ids": [
                    Command.create(
                        {"name": "Defibrillator", "quantity": 1, "price_unit": 68000}
                    )
                ],
            }
        )
        self.bill.action_post()
        self.defibrillator = self._asset(
            "Defibrillator", 68000, self.icu, self.room_icu, register=False
        )
        self.defibrillator.hospital_bill_id = self.bill

    def _pay(self):
        return (
            self.env["account.payment.register"]
            .with_context(active_model="account.move", active_ids=self.bill.ids)
            .create({})
            ._create_payments()
        )

    def test_bill_of_unregistered_asset_is_not_paid(self):
        with self.assertRaisesRegex(UserError, "not in the asset register"):
            self.bill.action_register_payment()
        with self.assertRaisesRegex(UserError, "Defibrillator"):
            self._pay()
        self.assertEqual(self.bill.payment_state, "not_paid")

    def test_bill_is_paid_once_the_asset_is_registered(self):
        self.defibrillator.with_user(self.manager).action_hospital_register()
        self.assertTrue(self.bill.action_register_payment())
        self._pay()
        self.assertIn(self.bill.payment_state, ("paid", "in_payment"))
