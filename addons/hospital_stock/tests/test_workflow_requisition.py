from odoo import Command
from odoo.exceptions import UserError

from .common import SIGNATURE, HospitalStockCase


class TestRequisitionWorkflow(HospitalStockCase):
    """A requisition moves only through its buttons, and the department
    head's signature covers exactly what she signed: tried as the requester
    and the keeper who would gain by it."""

    def _submitted(self, qty=50):
        requisition = (
            self.env["hospital.stock.requisition"]
            .with_user(self.requester)
            .create(
                {
                    "department_id": self.ward.id,
                    "line_ids": [
                        Command.create({"product_id": self.gauze.id, "quantity": qty})
                    ],
                }
            )
        )
        requisition.action_submit()
        return requisition

    def _signed(self, qty=50):
        requisition = self._submitted(qty)
        self.sign(requisition, "approver_signature", self.head_nurse)
        return requisition

    def test_requester_cannot_approve_by_writing_the_state(self):
        requisition = self._submitted()
        with self.assertRefused(requisition, ["state", "approver_signature_user_id"]):
            requisition.with_user(self.requester).write({"state": "approved"})
        self.assertEqual(requisition.state, "submitted")

    def test_requester_cannot_create_an_approved_requisition(self):
        Requisition = self.env["hospital.stock.requisition"].with_user(self.requester)
        before = Requisition.sudo().search_count([])
        for vals in (
            {"state": "approved"},
            {"approver_signature_user_id": self.head_nurse.id},
        ):
            with self.assertRaises(UserError):
                Requisition.create({"department_id": self.ward.id, **vals})
        self.assertEqual(Requisition.sudo().search_count([]), before)

    def test_context_defaults_do_not_set_the_state(self):
        """``default_state`` in the context is a caller's choice too."""
        requisition = (
            self.env["hospital.stock.requisition"]
            .with_user(self.requester)
            .with_context(
                default_state="approved",
                default_approver_signature_user_id=self.head_nurse.id,
            )
            .create({"department_id": self.ward.id})
        )
        self.assertEqual(requisition.state, "draft")
        self.assertFalse(requisition.approver_signature_user_id)

    def test_signed_quantity_cannot_become_another(self):
        """The head signs for 50: the requester's 500 is refused, whatever the
        way (the line, the form's one2many command, a new line, a deletion),
        and the approval stays one for 50."""
        requisition = self._signed(50)
        line = requisition.line_ids
        as_requester = requisition.with_user(self.requester)
        with self.assertRefused(line, ["quantity", "product_id"]):
            as_requester.line_ids.write({"quantity": 500})
        with self.assertRefused(line, ["quantity"]):
            as_requester.write(
                {"line_ids": [Command.update(line.id, {"quantity": 500})]}
            )
        with self.assertRefused(requisition, ["line_ids"]):
            as_requester.write(
                {
                    "line_ids": [
                        Command.create({"product_id": self.pen.id, "quantity": 500})
                    ]
                }
            )
        with self.assertRefused(requisition, ["line_ids"]):
            as_requester.line_ids.unlink()
        with self.assertRefused(requisition, ["department_id", "note"]):
            as_requester.note = "For the whole hospital"
        as_requester.action_approve()
        self.assertEqual(requisition.state, "approved")
        self.assertEqual(line.quantity, 50)

    def test_signer_withdraws_to_change_what_she_signed(self):
        requisition = self._signed(50)
        with self.assertRefused(requisition, ["approver_signature_user_id"]):
            requisition.with_user(self.requester).approver_signature = False
        requisition.with_user(self.head_nurse).approver_signature = False
        requisition.with_user(self.requester).line_ids.quantity = 40
        self.sign(requisition, "approver_signature", self.head_nurse)
        self.assertEqual(requisition.approver_signature_user_id, self.head_nurse)

    def test_stamps_are_not_typed(self):
        requisition = self._submitted()
        with self.assertRefused(
            requisition, ["approver_signature_user_id", "approver_signature_date"]
        ):
            requisition.with_user(self.requester).write(
                {"approver_signature_user_id": self.head_nurse.id}
            )
        with self.assertRefused(requisition, ["approver_signature_date"]):
            requisition.with_user(self.head_nurse).write(
                {
                    "approver_signature": SIGNATURE,
                    "approver_signature_date": "2020-01-01 08:00:00",
                }
            )

    def test_approval_signature_stays_once_approved(self):
        requisition = self._signed()
        requisition.with_user(self.head_nurse).action_approve()
        with self.assertRefused(requisition, ["approver_signature_user_id", "state"]):
            requisition.with_user(self.head_nurse).approver_signature = False

    def test_issue_figures_frozen_by_the_issuer_signature(self):
        requisition = self._signed(5)
        requisition.with_user(self.head_nurse).action_approve()
        keeper = requisition.with_user(self.keeper)
        keeper.line_ids.qty_issued = 5
        self.sign(requisition, "issuer_signature", self.keeper)
        with self.assertRefused(requisition.line_ids, ["qty_issued"]):
            keeper.line_ids.qty_issued = 4
        with self.assertRefused(requisition, ["state", "picking_id"]):
            keeper.write({"state": "issued"})
        self.assertFalse(requisition.picking_id)

    def test_approver_signs_a_submitted_requisition_only(self):
        requisition = (
            self.env["hospital.stock.requisition"]
            .with_user(self.requester)
            .create(
                {
                    "department_id": self.ward.id,
                    "line_ids": [
                        Command.create({"product_id": self.gauze.id, "quantity": 5})
                    ],
                }
            )
        )
        with self.assertRefused(requisition, ["approver_signature_user_id"]):
            self.sign(requisition, "approver_signature", self.head_nurse)

    def test_received_requisition_is_history(self):
        requisition = self.issue([(self.gauze, 5)])
        self.sign(requisition, "receiver_signature", self.requester)
        requisition.with_user(self.requester).action_receive()
        with self.assertRefused(
            requisition, ["state", "receiver_signature_user_id", "active"]
        ):
            requisition.with_user(self.requester).write(
                {"state": "issued", "receiver_signature": False}
            )

    def test_duplicate_starts_a_new_draft(self):
        """Duplicating is creating: the copy starts as a draft, unsigned."""
        requisition = self._signed(50)
        requisition.with_user(self.head_nurse).action_approve()
        copy = requisition.with_user(self.requester).copy()
        self.assertEqual(copy.state, "draft")
        self.assertFalse(copy.approver_signature_user_id)
        self.assertEqual(copy.line_ids.quantity, 50)
