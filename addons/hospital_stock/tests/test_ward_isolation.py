from datetime import timedelta

from odoo import fields
from odoo.exceptions import AccessError

from .common import HospitalStockCase


class TestWardIsolation(HospitalStockCase):
    """Ward data stays in the ward: tried as the head nurse of the ICU, who
    has no business with the cardiology ward's books."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        consumption = cls.env["hospital.stock.consumption"].create(
            {
                "department_id": cls.ward.id,
                "line_ids": [(0, 0, {"product_id": cls.gauze.id, "quantity": 3})],
            }
        )
        consumption.action_done()
        cls.ward_moves = cls.env["stock.move"].search(
            [
                "|",
                ("location_id", "=", cls.ward_location.id),
                ("location_dest_id", "=", cls.ward_location.id),
            ]
        )

    def test_other_ward_moves_are_not_read(self):
        Move = self.env["stock.move"].with_user(self.head_nurse_icu)
        MoveLine = self.env["stock.move.line"].with_user(self.head_nurse_icu)
        self.assertFalse(Move.search([("id", "in", self.ward_moves.ids)]))
        self.assertFalse(
            MoveLine.search([("move_id", "in", self.ward_moves.ids)]),
            "move lines are readable by every employee in core: fenced by ward",
        )
        with self.assertRaises(AccessError):
            self.ward_moves[:1].with_user(self.head_nurse_icu).read(["product_qty"])
        with self.assertRaises(AccessError):
            self.ward_moves.move_line_ids[:1].with_user(self.head_nurse_icu).read(
                ["quantity"]
            )
        # Her own ward's moves she reads, for her ledger.
        own = Move.search([("location_dest_id", "=", self.icu_location.id)])
        self.assertTrue(own)

    def test_own_ward_moves_read_but_not_changed(self):
        line = self.ward_moves.move_line_ids[:1]
        self.assertEqual(line.with_user(self.head_nurse).read(["id"])[0]["id"], line.id)
        with self.assertRefused(line, ["quantity"], AccessError):
            line.with_user(self.head_nurse).write({"quantity": 1})
        with self.assertRefused(line, ["quantity"], AccessError):
            line.with_user(self.head_nurse).unlink()

    def test_warehouse_sees_every_move(self):
        Move = self.env["stock.move"].with_user(self.keeper)
        self.assertEqual(
            Move.search([("id", "in", self.ward_moves.ids)]), self.ward_moves
        )
        self.assertTrue(
            self.env["stock.move.line"]
            .with_user(self.keeper)
            .search([("move_id", "in", self.ward_moves.ids)])
        )

    def test_issue_still_works_for_the_warehouse(self):
        requisition = self.issue([(self.gauze, 5)])
        self.assertEqual(requisition.picking_id.state, "done")
        self.assertTrue(
            self.env["stock.move"]
            .with_user(self.head_nurse)
            .search([("picking_id", "=", requisition.picking_id.id)])
        )
        with self.assertRaises(AccessError):
            requisition.picking_id.with_user(self.head_nurse_icu).read(["state"])

    def _ledger(self, user, departments=None):
        return (
            self.env["hospital.stock.ledger.wizard"]
            .with_user(user)
            .create(
                {
                    "date_from": fields.Date.today() - timedelta(days=60),
                    "date_to": fields.Date.today(),
                    "department_ids": [(6, 0, departments.ids if departments else [])],
                }
            )
        )

    def test_ledger_without_ward_reads_the_users_wards_only(self):
        wizard = self._ledger(self.head_nurse_icu)
        wizard.department_ids = False
        wards = [department for department, _rows in wizard._hospital_rows()]
        self.assertEqual(wards, [self.icu])
        html = (
            self.env["ir.actions.report"]
            .with_user(self.head_nurse_icu)
            ._render_qweb_html("hospital_stock.action_report_ledger", wizard.ids)[0]
        )
        self.assertNotIn(b"Cardiology Ward", html)
        # Logistics reads every ward.
        wizard = self._ledger(self.keeper)
        wizard.department_ids = False
        wards = {department for department, _rows in wizard._hospital_rows()}
        self.assertTrue({self.ward, self.icu} <= wards)

    def test_ledger_of_another_ward_refused(self):
        wizard = self._ledger(self.head_nurse_icu, self.ward)
        with self.assertRaises(AccessError):
            wizard._hospital_rows()
        with self.assertRaises(AccessError):
            self.env["ir.actions.report"].with_user(
                self.head_nurse_icu
            )._render_qweb_html("hospital_stock.action_report_ledger", wizard.ids)
