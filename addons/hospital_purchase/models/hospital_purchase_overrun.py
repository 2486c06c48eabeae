from odoo import api, fields, models
from odoo.exceptions import UserError

from odoo.addons.hospital_logistics.groups import LEADERSHIP
from odoo.addons.hospital_logistics.models.hospital_workflow_mixin import (
    ALL_FIELDS,
    hospital_transition,
)

STATES = [
    ("draft", "Draft"),
    ("to_approve", "Waiting for Approval"),
    ("approved", "Approved"),
    ("refused", "Refused"),
]


class HospitalPurchaseOverrun(models.Model):
    """Approval of a purchase outside or above the budget (超预算审批):
    without it, the order exceeding its department's budget is not
    confirmed."""

    _name = "hospital.purchase.overrun"
    _description = "Over-Budget Approval"
    _inherit = [
        "mail.thread",
        "mail.activity.mixin",
        "hospital.tier.validation",
        "hospital.workflow.mixin",
    ]
    _order = "id desc"
    _check_company_auto = True

    _tier_validation_manual_config = False
    _hospital_own_review_buttons = True
    _state_from = ["to_approve"]
    _state_to = ["approved"]
    _cancel_state = "refused"

    _hospital_workflow_fields = ("state", "approved_date", "approved_by_id")
    _hospital_editable_states = {"draft": ALL_FIELDS}
    _hospital_free_fields = ("review_ids", "validation_status")

    order_id = fields.Many2one(
        "purchase.order", required=True, check_company=True, index=True
    )
    company_id = fields.Many2one(related="order_id.company_id", store=True)
    currency_id = fields.Many2one(related="company_id.currency_id")
    department_id = fields.Many2one(
        related="order_id.hospital_department_id", store=True
    )
    department_ids = fields.Many2many(related="order_id.hospital_department_ids")
    amount = fields.Monetary(
        string="Amount Over Budget", currency_field="currency_id", required=True
    )
    reason = fields.Text(required=True)
    state = fields.Selection(
        STATES, default="draft", required=True, tracking=True, copy=False, index=True
    )
    approved_date = fields.Datetime(readonly=True, copy=False)
    approved_by_id = fields.Many2one("res.users", readonly=True, copy=False)

    @api.depends("order_id", "amount")
    def _compute_display_name(self):
        for overrun in self:
            overrun.display_name = self.env._(
                "Over budget: %(order)s", order=overrun.order_id.name or ""
            )

    def _get_under_validation_exceptions(self):
        return super()._get_under_validation_exceptions() + [
            "state",
            "approved_date",
            "approved_by_id",
        ]

    @hospital_transition
    def action_submit(self):
        for overrun in self:
            if overrun.state != "draft":
                raise UserError(self.env._("Only a draft request is submitted."))
            if overrun.amount <= 0 or not (overrun.reason or "").strip():
                raise UserError(
                    self.env._("Give the amount over budget and the reason.")
                )
        self.write({"state": "to_approve"})
        self.request_validation()
        return True

    @hospital_transition
    def action_approve(self):
        if not self.env.user.has_group(LEADERSHIP):
            raise UserError(
                self.env._("Hospital leadership approves spending above the budget.")
            )
        for overrun in self:
            if overrun.state != "to_approve":
                raise UserError(self.env._("Submit the request first."))
            if overrun.can_review:
                overrun._validate_tier()
        self.write(
            {
                "state": "approved",
                "approved_date": fields.Datetime.now(),
                "approved_by_id": self.env.uid,
            }
        )
        return True

    @hospital_transition
    def action_refuse(self):
        if not self.env.user.has_group(LEADERSHIP):
            raise UserError(
                self.env._("Hospital leadership refuses spending above the budget.")
            )
        for overrun in self.filtered(lambda o: o.state == "to_approve"):
            if overrun.can_review:
                overrun._rejected_tier()
        self.write({"state": "refused"})
        return True
