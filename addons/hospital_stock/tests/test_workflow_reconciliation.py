from odoo import Command, fields
from odoo.exceptions import UserError

from .common import HospitalStockCase

FIGURES = ["opening_qty", "issued_qty", "consumed_qty", "counted_qty", "difference"]


class TestReconciliationWorkflow(HospitalStockCase):
    """The month is locked once, on figures nobody typed, under signatures
    given on a complete explanation: tried as the head nurse who would make a
    difference disappear or book it twice."""

    def _computed(self, counted):
        check = (
            self.env["hospital.stock.check"]
            .with_user(self.head_nurse)
            .create({"department_id": self.ward.id})
        )
        for line in check.line_ids:
            if line.product_id in counted:
                line.counted_qty = counted[line.product_id]
        self.sign(check, "custodian_signature", self.head_nurse)
        check.action_done()
        rec = (
            self.env["hospital.stock.reconciliation"]
            .with_user(self.head_nurse)
            .create({"department_id": self.ward.id, "month": fields.Date.today()})
        )
        rec.action_compute()
        return rec

    def _line(self, rec, product):
        return rec.line_ids.filtered(lambda line: line.product_id == product)

    def _locked(self):
        rec = self._computed({self.monitor: 1})
        self.env["tier.definition"].search(
            [("model", "=", "hospital.stock.reconciliation")]
        ).active = False
        self._line(rec, self.monitor).write(
            {
                "cause": "negligence",
                "explanation": "Left in the corridor",
                "responsible_user_id": self.requester.id,
                "compensation_amount": 300,
            }
        )
        self.sign(rec, "custodian_signature", self.head_nurse)
        self.sign(rec, "logistics_signature", self.keeper)
        rec.action_lock()
        return rec

    def test_counted_figures_are_not_typed(self):
        """The head nurse writes what she would like to have counted: the
        difference to explain does not disappear."""
        rec = self._computed({self.monitor: 1})
        monitor = self._line(rec, self.monitor).with_user(self.head_nurse)
        self.assertEqual(monitor.difference, -1)
        for vals in ({"counted_qty": 2}, {"opening_qty": 1}, {"consumed_qty": 1}):
            with self.assertRefused(monitor, FIGURES):
                monitor.write(vals)
        with self.assertRefused(monitor, FIGURES):
            rec.with_user(self.head_nurse).write(
                {"line_ids": [Command.update(monitor.id, {"counted_qty": 2})]}
            )

    def test_lines_are_not_created_nor_deleted_by_hand(self):
        rec = self._computed({self.monitor: 1})
        as_nurse = rec.with_user(self.head_nurse)
        with self.assertRefused(rec, ["line_ids", "difference_value"]):
            self.env["hospital.stock.reconciliation.line"].with_user(
                self.head_nurse
            ).create(
                {
                    "reconciliation_id": rec.id,
                    "product_id": self.monitor.id,
                    "counted_qty": 1,
                    "opening_qty": 0,
                }
            )
        with self.assertRefused(rec, ["line_ids", "difference_value"]):
            as_nurse.write(
                {
                    "line_ids": [
                        Command.create({"product_id": self.pen.id, "counted_qty": 5})
                    ]
                }
            )
        with self.assertRefused(rec, ["line_ids", "difference_value"]):
            self._line(rec, self.monitor).with_user(self.manager).unlink()

    def test_reconciliation_created_with_its_figures_is_refused(self):
        Rec = self.env["hospital.stock.reconciliation"].with_user(self.head_nurse)
        before = Rec.sudo().search_count([])
        with self.assertRaises(UserError):
            Rec.create(
                {
                    "department_id": self.ward.id,
                    "line_ids": [
                        Command.create({"product_id": self.gauze.id, "counted_qty": 40})
                    ],
                }
            )
        with self.assertRaises(UserError):
            Rec.create({"department_id": self.ward.id, "state": "locked"})
        self.assertEqual(Rec.sudo().search_count([]), before)

    def test_signatures_refused_while_a_difference_is_unexplained(self):
        rec = self._computed({self.monitor: 1})
        stamps = ["custodian_signature_user_id", "logistics_signature_user_id"]
        with self.assertRefused(rec, stamps):
            self.sign(rec, "custodian_signature", self.head_nurse)
        with self.assertRefused(rec, stamps):
            self.sign(rec, "logistics_signature", self.keeper)
        monitor = self._line(rec, self.monitor)
        monitor.with_user(self.head_nurse).write(
            {"cause": "negligence", "explanation": "Left in the corridor"}
        )
        with self.assertRefused(rec, stamps):
            self.sign(rec, "custodian_signature", self.head_nurse)
        monitor.with_user(self.head_nurse).write(
            {"responsible_user_id": self.requester.id, "compensation_amount": 300}
        )
        self.sign(rec, "custodian_signature", self.head_nurse)
        self.sign(rec, "logistics_signature", self.keeper)
        # Signed: the explanation is what both certified.
        with self.assertRefused(monitor, ["cause", "explanation"]):
            monitor.with_user(self.head_nurse).explanation = "Nobody knows"

    def test_locked_month_is_not_reopened_nor_booked_twice(self):
        rec = self._locked()
        moves = self.env["stock.move"].search_count([("origin", "=", rec.name)])
        compensations = rec.compensation_ids
        self.assertEqual(len(compensations), 1)
        as_nurse = rec.with_user(self.head_nurse)
        with self.assertRefused(rec, ["state", "custodian_signature_user_id"]):
            as_nurse.write({"state": "draft"})
        with self.assertRefused(rec, ["state", "custodian_signature_user_id"]):
            as_nurse.custodian_signature = False
        with self.assertRefused(rec, ["state"]):
            as_nurse.action_lock()
        with self.assertRefused(rec, ["state", "line_ids"]):
            as_nurse.action_compute()
        self.assertEqual(
            self.env["stock.move"].search_count([("origin", "=", rec.name)]), moves
        )
        self.assertEqual(rec.compensation_ids, compensations)
        self.assertEqual(self.on_hand(self.monitor, self.ward_location), 1)

    def test_compensation_is_paid_not_edited(self):
        rec = self._locked()
        compensation = rec.compensation_ids
        with self.assertRefused(compensation, ["amount", "state", "user_id"]):
            compensation.with_user(self.keeper).write({"amount": 1})
        with self.assertRefused(compensation, ["state"]):
            compensation.with_user(self.keeper).write({"state": "paid"})
        compensation.with_user(self.keeper).action_paid()
        self.assertEqual(compensation.state, "paid")

    def test_computed_month_keeps_its_ward_and_count(self):
        rec = self._computed({})
        other_check = (
            self.env["hospital.stock.check"]
            .with_user(self.head_nurse_icu)
            .create({"department_id": self.icu.id})
        )
        with self.assertRefused(rec, ["month", "check_id", "department_id"]):
            rec.with_user(self.head_nurse).month = "2020-01-01"
        with self.assertRefused(rec, ["check_id"]):
            rec.with_user(self.keeper).check_id = other_check
