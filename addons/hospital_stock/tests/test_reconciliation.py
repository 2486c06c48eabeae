from datetime import timedelta

from odoo import fields
from odoo.exceptions import UserError, ValidationError

from .common import HospitalStockCase


class TestReconciliation(HospitalStockCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.consumption_location = cls.env.ref(
            "hospital_stock.location_ward_consumption"
        )
        cls.loans_location = cls.env.ref("hospital_stock.location_ward_loans")

    def _moves(self, product, source, destination, qty, count=1):
        self.env["stock.move"]._hospital_move_done(
            [
                {
                    "product_id": product.id,
                    "product_uom_qty": qty,
                    "location_id": source.id,
                    "location_dest_id": destination.id,
                }
                for _i in range(count)
            ]
        )

    def _count(self, counted):
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
        return check

    def _reconciliation(self):
        return (
            self.env["hospital.stock.reconciliation"]
            .with_user(self.head_nurse)
            .create({"department_id": self.ward.id, "month": fields.Date.today()})
        )

    def _sign_both(self, rec):
        self.sign(rec, "custodian_signature", self.head_nurse)
        self.sign(rec, "logistics_signature", self.keeper)

    def test_formula_and_lock(self):
        self.issue([(self.gauze, 10)])
        self._moves(self.gauze, self.ward_location, self.consumption_location, 5)
        self._moves(self.gauze, self.ward_location, self.loans_location, 3)
        self._moves(self.gauze, self.loans_location, self.ward_location, 1)
        self._count({self.gauze: 42, self.monitor: 2})
        rec = self._reconciliation()
        rec.action_compute()
        line = rec.line_ids.filtered(lambda line: line.product_id == self.gauze)
        self.assertEqual(line.opening_qty, 40)
        self.assertEqual(line.issued_qty, 10)
        self.assertEqual(line.consumed_qty, 5)
        self.assertEqual(line.loaned_qty, 3)
        self.assertEqual(line.returned_qty, 1)
        self.assertEqual(line.expected_qty, 43)
        self.assertEqual(line.difference, -1)
        self.assertEqual(rec.line_ids.filtered("difference"), line)
        # Every difference needs a cause and an explanation, before anyone
        # signs the month.
        with self.assertRefused(rec, ["custodian_signature_user_id"]):
            self.sign(rec, "custodian_signature", self.head_nurse)
        with self.assertRaises(UserError):
            rec.action_lock()
        for diff_line in rec.line_ids.filtered("difference"):
            diff_line.write(
                {
                    "cause": "recording",
                    "explanation": "One pack used in an emergency, not recorded",
                }
            )
        self._sign_both(rec)
        rec.with_user(self.head_nurse).action_lock()
        self.assertEqual(rec.state, "locked")
        with self.assertRaises(UserError):
            rec.with_user(self.head_nurse).line_ids[0].explanation = "changed"
        with self.assertRaises(UserError):
            rec.with_user(self.head_nurse).month = fields.Date.today() - timedelta(
                days=40
            )
        # The locked month cannot be reconciled again.
        with self.assertRaises(UserError):
            self._reconciliation()
        # Books now equal the count.
        self.assertEqual(self.on_hand(self.gauze, self.ward_location), 42)

    def test_signatures_are_personal_and_required(self):
        self._count({})
        rec = self._reconciliation()
        rec.action_compute()
        with self.assertRaises(UserError):
            self.sign(rec, "custodian_signature", self.keeper)
        with self.assertRaises(UserError):
            self.sign(rec, "logistics_signature", self.head_nurse)
        with self.assertRaises(UserError):
            rec.action_lock()

    def test_no_reconciliation_during_handover(self):
        self._count({})
        rec = self._reconciliation()
        self.ward.head_nurse_id = self.head_nurse_icu
        with self.assertRaises(UserError):
            rec.sudo().action_compute()

    def test_unexplained_loss_above_setting_needs_approval(self):
        self.company.hospital_loss_approval_amount = 500
        self._count({self.monitor: 1})
        rec = self._reconciliation()
        rec.action_compute()
        monitor = rec.line_ids.filtered(lambda line: line.product_id == self.monitor)
        for line in rec.line_ids.filtered("difference"):
            line.write({"cause": "recording", "explanation": "opening stock"})
        monitor.write({"cause": "unexplained", "explanation": "Not found anywhere"})
        self.assertEqual(rec.unexplained_loss_value, monitor.product_id.standard_price)
        self._sign_both(rec)
        with self.assertRaises(ValidationError):
            rec.with_user(self.head_nurse).action_lock()
        self.assertEqual(rec.state, "draft")
        rec.with_user(self.head_nurse).request_validation()
        rec.invalidate_recordset()
        rec.with_user(self.manager).validate_tier()
        rec.with_user(self.head_nurse).action_lock()
        self.assertEqual(rec.state, "locked")

    def test_unexplained_loss_below_setting_needs_no_approval(self):
        self.company.hospital_loss_approval_amount = 5000
        self._count({self.monitor: 1})
        rec = self._reconciliation()
        rec.action_compute()
        for line in rec.line_ids.filtered("difference"):
            line.write({"cause": "unexplained", "explanation": "Not found"})
        self._sign_both(rec)
        rec.with_user(self.head_nurse).action_lock()
        self.assertEqual(rec.state, "locked")

    def test_negligence_creates_compensation(self):
        self._count({self.monitor: 1})
        rec = self._reconciliation()
        rec.action_compute()
        for line in rec.line_ids.filtered("difference"):
            line.write({"cause": "recording", "explanation": "opening stock"})
        monitor = rec.line_ids.filtered(lambda line: line.product_id == self.monitor)
        monitor.write({"cause": "negligence", "explanation": "Left in the corridor"})
        with self.assertRaises(UserError):
            self._sign_both(rec)
        with self.assertRaises(UserError):
            rec.with_user(self.head_nurse).action_lock()
        monitor.write(
            {"responsible_user_id": self.requester.id, "compensation_amount": 300}
        )
        self._sign_both(rec)
        self.env["tier.definition"].search(
            [("model", "=", "hospital.stock.reconciliation")]
        ).active = False
        rec.with_user(self.head_nurse).action_lock()
        compensation = rec.compensation_ids
        self.assertEqual(compensation.user_id, self.requester)
        self.assertEqual(compensation.amount, 300)
        self.assertEqual(compensation.quantity, 1)

    def _queries_of_compute(self, moves):
        self._moves(
            self.gauze, self.ward_location, self.consumption_location, 1, count=moves
        )
        self.issue([(self.gauze, 1)] * moves)
        self._count({})
        rec = self._reconciliation()
        self.env.invalidate_all()
        before = self.env.cr.sql_log_count
        rec.action_compute()
        queries = self.env.cr.sql_log_count - before
        consumed = rec.line_ids.filtered(
            lambda line: line.product_id == self.gauze
        ).consumed_qty
        rec.sudo().state = "cancel"
        return queries, consumed

    def test_query_count_does_not_grow_with_moves(self):
        """The reconciliation reads the month with grouped queries only."""
        # A first run fills the registry caches (xml ids, translations).
        self._queries_of_compute(1)
        few, consumed_few = self._queries_of_compute(1)
        many, consumed_many = self._queries_of_compute(40)
        self.assertEqual(consumed_few, 2)
        self.assertEqual(consumed_many, 42)
        self.assertEqual(few, many)
