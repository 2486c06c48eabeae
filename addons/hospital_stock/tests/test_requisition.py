from odoo.exceptions import UserError, ValidationError

from .common import HospitalStockCase


class TestRequisition(HospitalStockCase):
    def _requisition(self, lines, user=None):
        return (
            self.env["hospital.stock.requisition"]
            .with_user(user or self.requester)
            .create(
                {
                    "department_id": self.ward.id,
                    "line_ids": [
                        (0, 0, {"product_id": product.id, "quantity": qty})
                        for product, qty in lines
                    ],
                }
            )
        )

    def _approved(self, lines):
        requisition = self._requisition(lines)
        requisition.action_submit()
        self.sign(requisition, "approver_signature", self.head_nurse)
        requisition.with_user(self.head_nurse).action_approve()
        return requisition

    def test_approval_reminder_in_the_approvers_language(self):
        """The activity's summary is stored text: it is written in the language
        of the head nurse who reads it, not of whoever submitted."""
        self.env["res.lang"]._activate_lang("zh_CN")
        self.env["ir.module.module"]._load_module_terms(
            ["hospital_stock"], ["zh_CN"], overwrite=True
        )
        self.head_nurse.lang = "zh_CN"
        requisition = self._requisition([(self.gauze, 5)])
        requisition.with_context(lang="en_US").action_submit()
        activity = requisition.activity_ids.filtered(
            lambda a: a.user_id == self.head_nurse
        )
        self.assertIn("审批", activity.summary)
        self.assertIn(requisition.name, activity.summary)

    def test_full_flow_with_signatures(self):
        requisition = self._requisition([(self.gauze, 20)])
        self.assertEqual(requisition.source_location_id, self.warehouse_stock)
        self.assertEqual(requisition.location_id, self.ward_location)
        requisition.action_submit()
        self.assertEqual(requisition.state, "submitted")
        self.sign(requisition, "approver_signature", self.head_nurse)
        requisition.with_user(self.head_nurse).action_approve()
        keeper_req = requisition.with_user(self.keeper)
        keeper_req.line_ids.qty_issued = 20
        self.sign(requisition, "issuer_signature", self.keeper)
        keeper_req.action_issue()
        self.assertEqual(requisition.state, "issued")
        self.assertEqual(requisition.picking_id.state, "done")
        self.assertEqual(self.on_hand(self.gauze, self.ward_location), 60)
        self.sign(requisition, "receiver_signature", self.requester)
        requisition.with_user(self.requester).action_receive()
        self.assertEqual(requisition.state, "done")
        self.assertEqual(requisition.receiver_signature_user_id, self.requester)
        html = self.env["ir.actions.report"]._render_qweb_html(
            "hospital_stock.action_report_issue_slip", requisition.ids
        )[0]
        self.assertIn(requisition.name.encode(), html)
        self.assertIn(b"Receiver", html)

    def test_approval_only_by_department_head(self):
        requisition = self._requisition([(self.gauze, 5)])
        requisition.action_submit()
        with self.assertRaises(UserError):
            self.sign(requisition, "approver_signature", self.requester)
        with self.assertRaises(UserError):
            requisition.with_user(self.head_nurse).action_approve()

    def test_issue_only_against_approved_requisition(self):
        requisition = self._requisition([(self.gauze, 5)])
        requisition.action_submit()
        with self.assertRaises(UserError):
            requisition.with_user(self.keeper).action_issue()
        self.assertFalse(requisition.picking_id)

    def test_no_zero_or_negative_request(self):
        """Refused when typed, not at submit: nothing is created."""
        Requisition = self.env["hospital.stock.requisition"]
        before = Requisition.search_count([])
        for qty in (0, -3):
            with self.assertRaises(ValidationError):
                self._requisition([(self.gauze, qty)])
        self.assertEqual(Requisition.search_count([]), before)
        requisition = self._requisition([(self.gauze, 5)])
        with self.assertRefused(requisition.line_ids, ["quantity"], ValidationError):
            requisition.with_user(self.requester).line_ids.quantity = -5

    def test_cannot_issue_more_than_requested(self):
        """The issuer cannot even sign more than was approved."""
        requisition = self._approved([(self.gauze, 5)])
        requisition.with_user(self.keeper).line_ids.qty_issued = 6
        with self.assertRefused(requisition, ["issuer_signature_user_id"]):
            self.sign(requisition, "issuer_signature", self.keeper)
        with self.assertRaises(UserError):
            requisition.with_user(self.keeper).action_issue()
        self.assertEqual(requisition.state, "approved")
        self.assertFalse(requisition.picking_id)

    def test_cannot_issue_more_than_on_hand(self):
        requisition = self._approved([(self.gauze, 600)])
        requisition.with_user(self.keeper).line_ids.qty_issued = 600
        self.sign(requisition, "issuer_signature", self.keeper)
        with self.assertRaises(UserError):
            requisition.with_user(self.keeper).action_issue()
        self.assertEqual(self.on_hand(self.gauze, self.warehouse_stock), 500)

    def test_issue_needs_issuer_signature_and_staff(self):
        requisition = self._approved([(self.gauze, 5)])
        requisition.with_user(self.keeper).line_ids.qty_issued = 5
        with self.assertRaises(UserError):
            requisition.with_user(self.keeper).action_issue()
        with self.assertRaises(UserError):
            self.sign(requisition, "issuer_signature", self.head_nurse)

    def test_receiver_cannot_sign_for_someone_else(self):
        requisition = self._approved([(self.gauze, 5)])
        requisition.with_user(self.keeper).line_ids.qty_issued = 5
        self.sign(requisition, "issuer_signature", self.keeper)
        requisition.with_user(self.keeper).action_issue()
        with self.assertRaises(UserError):
            self.sign(requisition, "receiver_signature", self.keeper)

    def test_swap_old_needs_the_old_item(self):
        requisition = self._approved([(self.pen, 2)])
        lines = requisition.with_user(self.keeper).line_ids
        lines.qty_issued = 2
        lines.qty_old_returned = 1
        with self.assertRaises(UserError):
            self.sign(requisition, "issuer_signature", self.keeper)
        with self.assertRaises(UserError):
            requisition.with_user(self.keeper).action_issue()
        lines.qty_old_returned = 2
        self.sign(requisition, "issuer_signature", self.keeper)
        requisition.with_user(self.keeper).action_issue()
        self.assertEqual(requisition.state, "issued")

    def test_expired_lots_are_never_issued(self):
        requisition = self._approved([(self.syringe, 100)])
        requisition.with_user(self.keeper).line_ids.qty_issued = 100
        self.sign(requisition, "issuer_signature", self.keeper)
        requisition.with_user(self.keeper).action_issue()
        lots = requisition.picking_id.move_line_ids.lot_id
        self.assertEqual(lots, self.lot_good)
        # 30 expired remain but cannot go out.
        requisition = self._approved([(self.syringe, 10)])
        requisition.with_user(self.keeper).line_ids.qty_issued = 10
        self.sign(requisition, "issuer_signature", self.keeper)
        with self.assertRaises(UserError):
            requisition.with_user(self.keeper).action_issue()

    def test_no_way_into_a_ward_without_requisition(self):
        picking_type = self.env["stock.warehouse"].search([], limit=1).int_type_id
        move_vals = {
            "product_id": self.gauze.id,
            "product_uom_qty": 5,
            "location_id": self.warehouse_stock.id,
            "location_dest_id": self.ward_location.id,
        }
        picking = (
            self.env["stock.picking"]
            .with_user(self.keeper)
            .create(
                {
                    "picking_type_id": picking_type.id,
                    "location_id": self.warehouse_stock.id,
                    "location_dest_id": self.ward_location.id,
                    "move_ids": [(0, 0, move_vals)],
                }
            )
        )
        picking.action_confirm()
        picking.action_assign()
        picking.move_ids.picked = True
        with self.assertRaises(UserError):
            picking.button_validate()
        self.assertEqual(self.on_hand(self.gauze, self.ward_location), 40)

    def test_approved_content_is_frozen(self):
        requisition = self._approved([(self.gauze, 5)])
        with self.assertRaises(UserError):
            requisition.with_user(self.requester).line_ids.quantity = 50
