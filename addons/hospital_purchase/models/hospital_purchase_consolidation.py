from odoo import api, fields, models
from odoo.exceptions import UserError

from odoo.addons.hospital_logistics.groups import LEADERSHIP
from odoo.addons.hospital_logistics.models.hospital_workflow_mixin import (
    hospital_transition,
)

from .purchase_request import month_start

STATES = [
    ("draft", "Draft"),
    ("to_approve", "Waiting for the Director"),
    ("approved", "Approved"),
    ("refused", "Refused"),
]


class HospitalPurchaseConsolidation(models.Model):
    """The warehouse's consolidation of all departments' plans of a month
    (采购计划汇总表), one line per item; the director approves it and with
    it every plan it holds."""

    _name = "hospital.purchase.consolidation"
    _description = "Monthly Purchase Plan Consolidation"
    _inherit = [
        "mail.thread",
        "mail.activity.mixin",
        "hospital.tier.validation",
        "hospital.workflow.mixin",
    ]
    _order = "month desc, id desc"
    _check_company_auto = True

    _tier_validation_manual_config = False
    _hospital_own_review_buttons = True
    _state_from = ["to_approve"]
    _state_to = ["approved"]
    _cancel_state = "refused"

    _hospital_workflow_fields = (
        "state",
        "consolidated_date",
        "approved_date",
        "approved_by_id",
    )
    _hospital_editable_states = {
        "draft": ("name", "note", "refusal_reason"),
        "to_approve": ("note", "refusal_reason"),
        "approved": ("note",),
        "refused": ("note",),
    }
    _hospital_free_fields = ("active", "note", "review_ids", "validation_status")

    name = fields.Char(required=True, tracking=True)
    month = fields.Date(
        required=True,
        default=lambda self: month_start(fields.Date.context_today(self)),
        tracking=True,
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    state = fields.Selection(
        STATES, default="draft", required=True, tracking=True, copy=False, index=True
    )
    active = fields.Boolean(default=True)
    line_ids = fields.One2many(
        "hospital.purchase.consolidation.line", "consolidation_id", readonly=True
    )
    request_ids = fields.One2many(
        "purchase.request", "hospital_consolidation_id", string="Plans", readonly=True
    )
    request_count = fields.Integer(compute="_compute_counts")
    department_count = fields.Integer(compute="_compute_counts")
    amount_total = fields.Monetary(
        string="Estimated Total",
        compute="_compute_counts",
        currency_field="currency_id",
    )
    consolidated_date = fields.Datetime(readonly=True, copy=False)
    approved_date = fields.Datetime(readonly=True, copy=False)
    approved_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    refusal_reason = fields.Text()
    note = fields.Html()

    _month_unique = models.Constraint(
        "UNIQUE(company_id, month)",
        "A month has one consolidation per hospital.",
    )

    @api.depends("request_ids", "line_ids.amount")
    def _compute_counts(self):
        for consolidation in self:
            consolidation.request_count = len(consolidation.request_ids)
            consolidation.department_count = len(
                consolidation.request_ids.hospital_department_id
            )
            consolidation.amount_total = sum(consolidation.line_ids.mapped("amount"))

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("month"):
                vals["month"] = month_start(vals["month"])
        return super().create(vals_list)

    def _get_tier_validation_readonly_domain(self):
        return "state != 'draft'"

    def _get_under_validation_exceptions(self):
        return super()._get_under_validation_exceptions() + [
            "state",
            "approved_date",
            "approved_by_id",
            "refusal_reason",
            "note",
        ]

    @hospital_transition
    def action_consolidate(self):
        """Take the month's submitted plans and sum them by item: a fixed
        number of queries, whatever the number of plans and lines."""
        self._hospital_check_state("draft")
        Request = self.env["purchase.request"]
        Line = self.env["hospital.purchase.consolidation.line"]
        for consolidation in self:
            plans = Request.search(
                [
                    ("hospital_kind", "=", "plan"),
                    ("hospital_month", "=", consolidation.month),
                    ("company_id", "=", consolidation.company_id.id),
                    ("state", "=", "to_approve"),
                    "|",
                    ("hospital_consolidation_id", "=", False),
                    ("hospital_consolidation_id", "=", consolidation.id),
                ]
            )
            if not plans:
                raise UserError(
                    self.env._(
                        "No department has submitted a plan for %(month)s yet.",
                        month=consolidation.month.strftime("%Y-%m"),
                    )
                )
            # The warehouse reads the departments' plans; linking them is the
            # consolidation's doing, not a change of the plans' content.
            plans.sudo().write({"hospital_consolidation_id": consolidation.id})
            consolidation.line_ids.sudo().unlink()
            groups = self.env["purchase.request.line"]._read_group(
                [("request_id", "in", plans.ids), ("cancelled", "=", False)],
                ["product_id", "product_uom_id"],
                [
                    "product_qty:sum",
                    "estimated_cost:sum",
                    "hospital_department_id:count_distinct",
                ],
            )
            Line.sudo().create(
                [
                    {
                        "consolidation_id": consolidation.id,
                        "product_id": product.id,
                        "product_uom_id": uom.id,
                        "quantity": qty,
                        "amount": cost,
                        "department_count": departments,
                    }
                    for product, uom, qty, cost, departments in groups
                ]
            )
        self.write({"consolidated_date": fields.Datetime.now()})
        return True

    @hospital_transition
    def action_submit(self):
        self._hospital_check_state("draft")
        for consolidation in self:
            if not consolidation.line_ids:
                raise UserError(self.env._("Consolidate the departments' plans first."))
        self.write({"state": "to_approve"})
        self.request_validation()
        return True

    @hospital_transition
    def action_approve(self):
        """The director approves the month: every plan it holds is approved,
        and the month is closed to new plans."""
        self._hospital_check_state("to_approve")
        if not self.env.user.has_group(LEADERSHIP):
            raise UserError(
                self.env._("Only the director (hospital leadership) approves plans.")
            )
        for consolidation in self:
            if consolidation.can_review:
                consolidation._validate_tier()
        self.write(
            {
                "state": "approved",
                "approved_date": fields.Datetime.now(),
                "approved_by_id": self.env.uid,
            }
        )
        self.request_ids.with_context(
            hospital_consolidation_approval=True
        ).button_approved()
        return True

    @hospital_transition
    def action_refuse(self):
        self._hospital_check_state("to_approve")
        if not self.env.user.has_group(LEADERSHIP):
            raise UserError(
                self.env._("Only the director (hospital leadership) refuses plans.")
            )
        for consolidation in self:
            if not (consolidation.refusal_reason or "").strip():
                raise UserError(self.env._("Give the reason for refusing the plans."))
            if consolidation.can_review:
                consolidation._rejected_tier()
        self.write({"state": "refused"})
        plans = self.request_ids.sudo()
        plans.write({"hospital_consolidation_id": False})
        plans.button_draft()
        return True

    def _hospital_plan_lines(self):
        """The plan lines the consolidations hold that still buy something
        (not cancelled, a positive quantity), read as superuser: a tender on
        them serves every department's plan, whoever opens or awards it."""
        return self.sudo().request_ids.line_ids.filtered(
            lambda rl: not rl.cancelled and rl.product_id and rl.product_qty > 0
        )

    def action_view_plan_lines(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "hospital_purchase.purchase_request_line_action_hospital"
        )
        action["domain"] = [("request_id", "in", self.request_ids.ids)]
        action["context"] = {"group_by": ["product_id"]}
        return action

    def action_make_rfq(self):
        """Approved lines below the tender threshold become requests for
        quotation through OCA purchase_request's wizard."""
        self.ensure_one()
        self._hospital_check_state("approved")
        small = self.line_ids.filtered(lambda ln: ln.method == "quotation").product_id
        lines = self.request_ids.line_ids.filtered(
            lambda ln: ln.product_id in small and ln.qty_to_buy
        )
        if not lines:
            raise UserError(self.env._("No approved line is left to quote."))
        return {
            "type": "ir.actions.act_window",
            "res_model": "purchase.request.line.make.purchase.order",
            "view_mode": "form",
            "target": "new",
            "context": {
                "active_model": "purchase.request.line",
                "active_ids": lines.ids,
            },
        }
