from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools.float_utils import float_compare

from odoo.addons.hospital_logistics.groups import MANAGER, STAFF
from odoo.addons.hospital_logistics.models.hospital_workflow_mixin import (
    ALL_FIELDS,
    hospital_transition,
)

# What the department head's signature approves: who asks for what, from
# where.  The keeper's figures of the issue are not part of it.
APPROVED_CONTENT = (
    "department_id",
    "requested_by_id",
    "request_date",
    "source_location_id",
    "note",
    "line_ids.product_id",
    "line_ids.quantity",
)
ISSUED_CONTENT = ("line_ids.qty_issued", "line_ids.qty_old_returned")


class HospitalStockRequisition(models.Model):
    _name = "hospital.stock.requisition"
    _description = "Ward Requisition (领用单)"
    _hospital_sequence_code = "hospital.stock.requisition"
    _inherit = [
        "mail.thread",
        "mail.activity.mixin",
        "hospital.stock.department.mixin",
        "hospital.signature.mixin",
        "hospital.stock.text.limit.mixin",
    ]
    _order = "request_date desc, id desc"
    _check_company_auto = True

    _hospital_workflow_fields = ("state", "picking_id")
    _hospital_signers = {
        "approver_signature": "_hospital_approvers",
        "issuer_signature": "_hospital_issuers",
        "receiver_signature": "_hospital_receivers",
    }
    _hospital_signature_certifies = {
        "approver_signature": APPROVED_CONTENT,
        "issuer_signature": ISSUED_CONTENT,
    }
    _hospital_editable_states = {
        "draft": ALL_FIELDS,
        "submitted": ALL_FIELDS,
        "approved": ("line_ids", "issuer_signature") + ISSUED_CONTENT,
        "issued": ("receiver_signature",),
    }
    _hospital_text_limits = {"note": 2000}

    name = fields.Char(string="Number", readonly=True, copy=False, default="/")
    active = fields.Boolean(default=True)
    state = fields.Selection(
        selection=[
            ("draft", "Draft"),
            ("submitted", "Waiting Approval"),
            ("approved", "Approved"),
            ("issued", "Issued, Awaiting Receipt"),
            ("done", "Received"),
            ("cancel", "Cancelled"),
        ],
        default="draft",
        required=True,
        tracking=True,
        copy=False,
    )
    request_date = fields.Datetime(
        string="Requested On", default=fields.Datetime.now, required=True
    )
    requested_by_id = fields.Many2one(
        "res.users",
        default=lambda self: self.env.user,
        required=True,
    )
    source_location_id = fields.Many2one(
        "stock.location",
        string="Issued From",
        required=True,
        check_company=True,
        default=lambda self: self._default_source_location(),
        domain="[('hospital_is_warehouse_stock', '=', True)]",
    )
    line_ids = fields.One2many(
        "hospital.stock.requisition.line", "requisition_id", string="Items", copy=True
    )
    note = fields.Text(string="Purpose")
    picking_id = fields.Many2one(
        "stock.picking", string="Issue Transfer", readonly=True, copy=False
    )

    approver_signature = fields.Binary(string="Department Head Signature", copy=False)
    approver_signature_user_id = fields.Many2one(
        "res.users", string="Approved By", readonly=True, copy=False
    )
    approver_signature_date = fields.Datetime(
        string="Approved On", readonly=True, copy=False
    )
    issuer_signature = fields.Binary(copy=False)
    issuer_signature_user_id = fields.Many2one(
        "res.users", string="Issued By", readonly=True, copy=False
    )
    issuer_signature_date = fields.Datetime(
        string="Issued On", readonly=True, copy=False
    )
    receiver_signature = fields.Binary(copy=False)
    receiver_signature_user_id = fields.Many2one(
        "res.users", string="Received By", readonly=True, copy=False
    )
    receiver_signature_date = fields.Datetime(
        string="Received On", readonly=True, copy=False
    )

    @api.model
    def _default_source_location(self):
        return self.env["stock.location"].search(
            [
                ("hospital_is_warehouse_stock", "=", True),
                ("company_id", "in", (self.env.company.id, False)),
            ],
            limit=1,
        )

    @api.constrains("request_date")
    def _check_request_date_not_future(self):
        now = fields.Datetime.now()
        for requisition in self:
            if requisition.request_date > now:
                raise ValidationError(
                    self.env._(
                        "Requisition %(name)s cannot be requested in the future.",
                        name=requisition.name,
                    )
                )

    @api.ondelete(at_uninstall=False)
    def _unlink_except_submitted_unless_logistics_manager(self):
        """Drafts may be deleted; past that, only by a logistics manager."""
        if not self.env.user.has_group(MANAGER) and any(
            requisition.state != "draft" for requisition in self
        ):
            raise UserError(
                self.env._("Only drafts can be deleted; archive the others.")
            )

    # Who signs what ------------------------------------------------------
    def _hospital_approvers(self):
        """The department head (科主任); a ward without one: its head nurse."""
        self.ensure_one()
        return self.department_id.manager_id.user_id or self.department_id.head_nurse_id

    def _hospital_issuers(self):
        self.ensure_one()
        if self.env.user.has_group(STAFF):
            return self.env.user
        return self.env["res.users"]

    def _hospital_receivers(self):
        """Anybody of the ward may collect the goods, and signs for them."""
        self.ensure_one()
        return (
            self._hospital_custodians()
            | self.requested_by_id
            | self.env["res.users"].search(
                [("hospital_department_ids", "in", self.department_id.ids)]
            )
        )

    def _hospital_check_signable(self, field):
        """Each signature is given at its step, on complete figures."""
        steps = {
            "approver_signature": "submitted",
            "issuer_signature": "approved",
            "receiver_signature": "issued",
        }
        if field in steps and self.state != steps[field]:
            raise UserError(
                self.env._(
                    "“%(signature)s” is signed when requisition %(name)s is "
                    "“%(step)s”.",
                    signature=self._hospital_field_labels([field])[0],
                    name=self.name,
                    step=dict(self._fields["state"]._description_selection(self.env))[
                        steps[field]
                    ],
                )
            )
        if field == "issuer_signature":
            self.line_ids._check_issued_quantities()
            self.line_ids._check_swap_old_for_new()

    # Flow ----------------------------------------------------------------
    @hospital_transition
    def action_submit(self):
        for requisition in self:
            if requisition.state != "draft":
                raise UserError(
                    self.env._("Only a draft requisition can be submitted.")
                )
            if not requisition.line_ids:
                raise UserError(self.env._("Add the items you need before submitting."))
        self.write({"state": "submitted"})
        for requisition in self:
            for approver in requisition._hospital_approvers():
                requisition.activity_schedule(
                    "mail.mail_activity_data_todo",
                    user_id=approver.id,
                    summary=self.with_context(lang=approver.lang).env._(
                        "Approve requisition %s", requisition.name
                    ),
                )

    @hospital_transition
    def action_approve(self):
        for requisition in self:
            if requisition.state != "submitted":
                raise UserError(
                    self.env._("Only a submitted requisition can be approved.")
                )
            if not requisition.approver_signature:
                raise UserError(
                    self.env._(
                        "The department head signs the requisition to approve it."
                    )
                )
            if (
                requisition.approver_signature_user_id
                not in requisition._hospital_approvers()
            ):
                raise UserError(
                    self.env._("The requisition must be signed by the department head.")
                )
        self.write({"state": "approved"})
        self.activity_feedback(["mail.mail_activity_data_todo"])

    @hospital_transition
    def action_issue(self):
        """The keeper issues against the approved requisition, and only then."""
        for requisition in self:
            if requisition.state != "approved":
                raise UserError(
                    self.env._(
                        "Requisition %(name)s is not approved: the warehouse issues "
                        "only against an approved requisition.",
                        name=requisition.name,
                    )
                )
            if not requisition.env.user.has_group(STAFF):
                raise UserError(
                    self.env._("Only the logistics warehouse issues goods.")
                )
            if not requisition.issuer_signature:
                raise UserError(
                    self.env._("The issuer signs the issue slip before issuing.")
                )
            requisition.line_ids._check_issued_quantities()
            requisition.line_ids._check_swap_old_for_new()
            requisition._hospital_create_issue_transfer()
        self.write({"state": "issued"})

    def _hospital_create_issue_transfer(self):
        self.ensure_one()
        warehouse = self.source_location_id.warehouse_id
        picking_type = warehouse.int_type_id or self.env["stock.picking.type"].search(
            [("code", "=", "internal"), ("company_id", "=", self.company_id.id)],
            limit=1,
        )
        lines = self.line_ids.filtered("qty_issued")
        Picking = (
            self.env["stock.picking"].sudo().with_context(hospital_skip_expired=True)
        )
        picking = Picking.create(
            {
                "picking_type_id": picking_type.id,
                "location_id": self.source_location_id.id,
                "location_dest_id": self.location_id.id,
                "origin": self.name,
                "hospital_requisition_id": self.id,
                "move_ids": [
                    fields.Command.create(
                        {
                            "product_id": line.product_id.id,
                            "product_uom_qty": line.qty_issued,
                            "product_uom": line.product_id.uom_id.id,
                            "location_id": self.source_location_id.id,
                            "location_dest_id": self.location_id.id,
                            "hospital_requisition_line_id": line.id,
                        }
                    )
                    for line in lines
                ],
            }
        )
        picking.action_confirm()
        picking.action_assign()
        for move in picking.move_ids:
            if (
                float_compare(
                    move.quantity,
                    move.product_uom_qty,
                    precision_rounding=move.product_uom.rounding,
                )
                < 0
            ):
                raise UserError(
                    self.env._(
                        "Only %(available)s %(product)s can be issued from "
                        "%(location)s (expired lots excluded); %(asked)s were asked.",
                        available=move.quantity,
                        product=move.product_id.display_name,
                        location=self.source_location_id.display_name,
                        asked=move.product_uom_qty,
                    )
                )
        picking.move_ids._check_not_expired()
        picking.move_ids.picked = True
        picking.with_context(skip_backorder=True, skip_sms=True)._action_done()
        self.picking_id = picking

    @hospital_transition
    def action_cancel(self):
        for requisition in self:
            if requisition.state in ("issued", "done"):
                raise UserError(
                    self.env._("Issued goods cannot be cancelled; return them instead.")
                )
        self.write({"state": "cancel"})
        # Nothing is left to approve: the head's reminder goes with it.
        self.activity_unlink(["mail.mail_activity_data_todo"])

    @hospital_transition
    def action_draft(self):
        for requisition in self:
            if requisition.state not in ("submitted", "cancel"):
                raise UserError(
                    self.env._(
                        "Only a submitted or cancelled requisition goes back to draft."
                    )
                )
        # A changed requisition must be approved again, whoever reopens it.
        self.write(
            {"state": "draft", "approver_signature": False, "issuer_signature": False}
        )
        self.activity_unlink(["mail.mail_activity_data_todo"])

    @hospital_transition
    def action_receive(self):
        for requisition in self:
            if requisition.state != "issued":
                raise UserError(self.env._("Only issued goods can be received."))
            if not requisition.receiver_signature:
                raise UserError(
                    self.env._("The receiver signs the issue slip to confirm receipt.")
                )
        self.write({"state": "done"})

    def action_print_slip(self):
        return self.env.ref("hospital_stock.action_report_issue_slip").report_action(
            self
        )
