from datetime import timedelta

from freezegun import freeze_time

from odoo import Command, fields
from odoo.exceptions import UserError, ValidationError

from .common import SIGNATURE, HospitalStockCase


class TestLoanWorkflow(HospitalStockCase):
    def _loan(self, product, **vals):
        return (
            self.env["hospital.stock.loan"]
            .with_user(self.head_nurse)
            .create(
                {
                    "department_id": self.ward.id,
                    "product_id": product.id,
                    "borrower_name": "Dr. Zhou (Surgery)",
                    "date_due": fields.Date.today() + timedelta(days=3),
                    **vals,
                }
            )
        )

    def test_loan_goes_out_only_through_its_buttons(self):
        loan = self._loan(self.gauze, quantity=5)
        loan.action_submit()
        with self.assertRefused(loan, ["state", "date_lent"]):
            loan.write({"state": "lent", "date_lent": fields.Datetime.now()})
        self.assertEqual(self.on_hand(self.gauze, self.ward_location), 40)

    def test_important_item_cannot_skip_the_head_nurse(self):
        Loan = self.env["hospital.stock.loan"].with_user(self.head_nurse)
        before = Loan.sudo().search_count([])
        with self.assertRaises(UserError):
            self._loan(self.monitor, state="approved")
        with self.assertRaises(UserError):
            self._loan(self.monitor, approved_by_id=self.head_nurse.id)
        self.assertEqual(Loan.sudo().search_count([]), before)
        # Approved for a gauze pack, it does not become a monitor.
        loan = self._loan(self.gauze)
        loan.action_submit()
        with self.assertRefused(loan, ["product_id", "quantity", "state"]):
            loan.write({"product_id": self.monitor.id})
        with self.assertRefused(loan, ["product_id", "quantity", "state"]):
            loan.write({"quantity": 30})

    def test_due_date_in_the_past_refused_when_typed(self):
        Loan = self.env["hospital.stock.loan"]
        before = Loan.sudo().search_count([])
        with self.assertRaises(ValidationError):
            self._loan(self.gauze, date_due=fields.Date.today() - timedelta(days=1))
        self.assertEqual(Loan.sudo().search_count([]), before)
        loan = self._loan(self.gauze)
        loan.action_submit()
        self.assertEqual(loan.state, "approved")
        with self.assertRefused(loan, ["date_due"], ValidationError):
            loan.date_due = fields.Date.today() - timedelta(days=2)

    def test_negative_quantity_refused_when_typed(self):
        with self.assertRaises(ValidationError):
            self._loan(self.gauze, quantity=-2)
        loan = self._loan(self.gauze)
        with self.assertRefused(loan, ["quantity"], ValidationError):
            loan.quantity = -1

    def test_lent_loan_is_history_and_its_reminder_closes(self):
        loan = self._loan(self.gauze, borrower_signature=SIGNATURE)
        loan.action_submit()
        loan.action_lend()
        with self.assertRefused(loan, ["borrower_name", "date_due", "state"]):
            loan.write({"borrower_name": "Somebody else"})
        with freeze_time(fields.Date.today() + timedelta(days=5)):
            self.env["hospital.stock.loan"]._cron_flag_overdue_loans()
        reminder = self.env.ref("hospital_stock.mail_act_hospital_stock_loan_overdue")
        self.assertEqual(loan.activity_ids.activity_type_id, reminder)
        loan.action_return()
        self.assertFalse(loan.activity_ids)


class TestCountWorkflow(HospitalStockCase):
    def _check(self):
        return (
            self.env["hospital.stock.check"]
            .with_user(self.head_nurse)
            .create({"department_id": self.ward.id})
        )

    def test_check_lines_come_from_the_books(self):
        check = self._check()
        gauze = check.line_ids.filtered(lambda line: line.product_id == self.gauze)
        with self.assertRefused(gauze, ["theoretical_qty", "difference"]):
            gauze.theoretical_qty = 38
        with self.assertRefused(check, ["line_ids"]):
            self.env["hospital.stock.check.line"].with_user(self.head_nurse).create(
                {"check_id": check.id, "product_id": self.pen.id, "counted_qty": 3}
            )
        with self.assertRefused(check, ["line_ids"]):
            gauze.with_user(self.manager).unlink()
        with self.assertRefused(check, ["department_id", "line_ids"]):
            check.department_id = self.icu

    def test_check_closed_only_by_its_button(self):
        check = self._check()
        with self.assertRefused(check, ["state", "date"]):
            check.write({"state": "done"})
        with self.assertRefused(check, ["user_id"]):
            check.write({"user_id": self.requester.id})
        self.sign(check, "custodian_signature", self.head_nurse)
        check.action_done()
        with self.assertRefused(check, ["custodian_signature_user_id", "state"]):
            check.custodian_signature = False

    def test_handover_completed_only_by_both(self):
        self.ward.head_nurse_id = self.head_nurse_icu
        handover = self.env["hospital.stock.handover"].search(
            [("department_id", "=", self.ward.id)]
        )
        as_incoming = handover.with_user(self.head_nurse_icu)
        with self.assertRefused(handover, ["state", "date_done"]):
            as_incoming.write({"state": "done"})
        with self.assertRefused(handover, ["outgoing_user_id", "incoming_user_id"]):
            as_incoming.outgoing_user_id = self.head_nurse_icu
        self.sign(handover, "outgoing_signature", self.head_nurse)
        line = handover.line_ids[:1].with_user(self.head_nurse_icu)
        with self.assertRefused(line, ["counted_qty"]):
            line.counted_qty = 0
        self.sign(handover, "incoming_signature", self.head_nurse_icu)
        as_incoming.action_done()
        with self.assertRefused(handover, ["incoming_signature_user_id", "state"]):
            as_incoming.incoming_signature = False

    def test_stocktake_posted_only_after_its_tier(self):
        take = (
            self.env["hospital.stock.stocktake"]
            .with_user(self.keeper)
            .create({"location_id": self.warehouse_stock.id})
        )
        gauze = take.line_ids.filtered(lambda line: line.product_id == self.gauze)
        gauze.counted_qty = 400
        with self.assertRefused(take, ["state", "review_ids"]):
            take.write({"state": "posted"})
        take.action_counted()
        with self.assertRefused(take, ["state", "review_ids"]):
            take.write({"state": "posted"})
        with self.assertRefused(gauze, ["counted_qty", "theoretical_qty"]):
            gauze.write({"counted_qty": 500})
        self.assertEqual(self.on_hand(self.gauze, self.warehouse_stock), 500)

    def test_stocktake_figures_refused_when_typed(self):
        take = (
            self.env["hospital.stock.stocktake"]
            .with_user(self.keeper)
            .create({"location_id": self.warehouse_stock.id})
        )
        line = take.line_ids[:1]
        with self.assertRefused(line, ["writedown_amount"], ValidationError):
            line.writedown_amount = -10
        with self.assertRefused(line, ["counted_qty"], ValidationError):
            line.counted_qty = -1
        with self.assertRefused(line, ["theoretical_qty", "location_id"]):
            line.write({"theoretical_qty": 0, "location_id": self.ward_location.id})
        with self.assertRaises(ValidationError):
            self.env["hospital.stock.stocktake"].with_user(self.keeper).create(
                {"location_id": self.ward_location.id}
            )


class TestConsumptionWorkflow(HospitalStockCase):
    def _consumption(self, **vals):
        return (
            self.env["hospital.stock.consumption"]
            .with_user(self.head_nurse)
            .create(
                {
                    "department_id": self.ward.id,
                    "line_ids": [
                        Command.create({"product_id": self.gauze.id, "quantity": 5})
                    ],
                    **vals,
                }
            )
        )

    def test_recorded_only_by_its_button(self):
        consumption = self._consumption()
        with self.assertRefused(consumption, ["state"]):
            consumption.write({"state": "done"})
        consumption.action_done()
        with self.assertRefused(consumption, ["line_ids"]):
            consumption.write(
                {
                    "line_ids": [
                        Command.create({"product_id": self.gauze.id, "quantity": 1})
                    ]
                }
            )
        with self.assertRefused(consumption.line_ids, ["quantity"]):
            consumption.line_ids.quantity = 1
        consumption.note = "Bed 3, emergency"
        self.assertEqual(self.on_hand(self.gauze, self.ward_location), 35)

    def test_bad_input_refused_when_typed(self):
        Consumption = self.env["hospital.stock.consumption"]
        before = Consumption.sudo().search_count([])
        with self.assertRaises(ValidationError):
            self._consumption(date=fields.Datetime.now() + timedelta(days=2))
        with self.assertRaises(ValidationError):
            self._consumption(note="x" * 3000)
        self.assertEqual(Consumption.sudo().search_count([]), before)
        consumption = self._consumption()
        with self.assertRefused(consumption.line_ids, ["quantity"], ValidationError):
            consumption.line_ids.quantity = -5
