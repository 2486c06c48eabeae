from odoo import Command, fields
from odoo.tests import HttpCase, tagged
from odoo.tests.common import JsonRpcException

from .common import SIGNATURE, HospitalStockCase

REFUSED = {"odoo.exceptions.UserError", "odoo.exceptions.AccessError"}


@tagged("post_install", "-at_install")
class TestRpcBypass(HttpCase, HospitalStockCase):
    """The bypasses of issue 15, tried the way a logged-in user can: the web
    client's JSON-RPC endpoint, with the user's own session."""

    def _call(self, user, model, method, args, **kwargs):
        """The exception class Odoo reported, or None when the call passed."""
        self.authenticate(user.login, user.login)
        try:
            self.make_jsonrpc_request(
                f"/web/dataset/call_kw/{model}/{method}",
                {"model": model, "method": method, "args": args, "kwargs": kwargs},
            )
        except JsonRpcException as error:
            return str(error)
        return None

    def assertRpcRefused(self, records, fnames, user, method, args, **kwargs):
        """``method`` called on ``args[0]`` (ids of ``records``'s model, or
        of ``model=`` given in ``kwargs``) is refused and changes nothing."""
        model = kwargs.pop("model", records._name)
        before = records.sudo().read(fnames)
        error = self._call(user, model, method, args, **kwargs)
        self.assertIn(error, REFUSED, f"{method} by {user.login} was not refused")
        records.invalidate_recordset()
        self.assertEqual(records.sudo().read(fnames), before)

    def test_requester_cannot_approve_through_rpc(self):
        requisition = (
            self.env["hospital.stock.requisition"]
            .with_user(self.requester)
            .create(
                {
                    "department_id": self.ward.id,
                    "line_ids": [
                        Command.create({"product_id": self.gauze.id, "quantity": 50})
                    ],
                }
            )
        )
        requisition.action_submit()
        self.assertRpcRefused(
            requisition,
            ["state"],
            self.requester,
            "write",
            [requisition.ids, {"state": "approved"}],
        )
        self.sign(requisition, "approver_signature", self.head_nurse)
        line = requisition.line_ids
        self.assertRpcRefused(
            line, ["quantity"], self.requester, "write", [line.ids, {"quantity": 500}]
        )
        self.assertRpcRefused(
            line,
            ["quantity"],
            self.requester,
            "web_save",
            [requisition.ids, {"line_ids": [[1, line.id, {"quantity": 500}]]}],
            model=requisition._name,
            specification={"state": {}},
        )

    def test_requester_cannot_create_in_a_later_state_through_rpc(self):
        Requisition = self.env["hospital.stock.requisition"].sudo()
        before = Requisition.search_count([])
        error = self._call(
            self.requester,
            Requisition._name,
            "create",
            [{"department_id": self.ward.id, "state": "approved"}],
        )
        self.assertIn(error, REFUSED)
        self.assertEqual(Requisition.search_count([]), before)
        # A default in the context is the caller's too: the new one is a draft.
        self._call(
            self.requester,
            Requisition._name,
            "create",
            [{"department_id": self.ward.id}],
            context={"default_state": "approved"},
        )
        created = Requisition.search([], order="id desc", limit=1)
        self.assertEqual(Requisition.search_count([]), before + 1)
        self.assertEqual(created.state, "draft")

    def test_head_nurse_cannot_type_the_count_of_a_reconciliation(self):
        check = (
            self.env["hospital.stock.check"]
            .with_user(self.head_nurse)
            .create({"department_id": self.ward.id})
        )
        check.line_ids.filtered(
            lambda line: line.product_id == self.monitor
        ).counted_qty = 1
        self.sign(check, "custodian_signature", self.head_nurse)
        check.action_done()
        rec = (
            self.env["hospital.stock.reconciliation"]
            .with_user(self.head_nurse)
            .create({"department_id": self.ward.id, "month": fields.Date.today()})
        )
        rec.action_compute()
        line = rec.line_ids.filtered(lambda line: line.product_id == self.monitor)
        self.assertRpcRefused(
            line,
            ["counted_qty", "difference"],
            self.head_nurse,
            "write",
            [line.ids, {"counted_qty": 2}],
        )
        self.assertRpcRefused(
            rec,
            ["custodian_signature_user_id"],
            self.head_nurse,
            "write",
            [rec.ids, {"custodian_signature": SIGNATURE.decode()}],
        )

    def test_other_ward_moves_not_read_through_rpc(self):
        self.issue([(self.gauze, 5)])
        moves = self.env["stock.move"].search(
            [("location_dest_id", "=", self.ward_location.id)]
        )
        self.authenticate(self.head_nurse_icu.login, self.head_nurse_icu.login)
        for model, domain in (
            ("stock.move", [("id", "in", moves.ids)]),
            ("stock.move.line", [("move_id", "in", moves.ids)]),
        ):
            found = self.make_jsonrpc_request(
                f"/web/dataset/call_kw/{model}/search_read",
                {
                    "model": model,
                    "method": "search_read",
                    "args": [domain, ["id"]],
                    "kwargs": {},
                },
            )
            self.assertEqual(found, [], f"{model} of another ward read by RPC")
