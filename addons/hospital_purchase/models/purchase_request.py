from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.hospital_logistics.groups import LEADERSHIP
from odoo.addons.hospital_logistics.models.hospital_workflow_mixin import (
    ALL_FIELDS,
    hospital_transition,
)

KINDS = [("plan", "Monthly Plan"), ("urgent", "Urgent Request")]


def month_start(day):
    return fields.Date.to_date(day).replace(day=1)


class PurchaseRequest(models.Model):
    """A department's monthly purchase plan (采购计划) or urgent request
    (紧急采购申请), on OCA purchase_request.

    Plans of a month are approved together, by the director, through the
    month's consolidation; an urgent request carries its reason and is
    approved on its own by hospital leadership (tier validation).
    """

    _name = "purchase.request"
    _inherit = [
        "purchase.request",
        "hospital.tier.validation",
        "hospital.workflow.mixin",
    ]
    # Validation is asked for once the request is submitted.
    _state_from = ["to_approve"]
    _state_to = ["approved"]
    _tier_validation_manual_config = False
    _hospital_own_review_buttons = True

    _hospital_workflow_fields = (
        "state",
        "hospital_submitted_date",
        "hospital_approved_date",
        "hospital_approved_by_id",
        "hospital_consolidation_id",
    )
    _hospital_editable_states = {
        "draft": ALL_FIELDS,
        "to_approve": ("assigned_to", "description"),
        "approved": ("assigned_to", "description"),
        "in_progress": ("assigned_to",),
        "rejected": ("assigned_to",),
        "done": (),
    }
    _hospital_free_fields = ("review_ids", "validation_status", "origin")

    hospital_kind = fields.Selection(
        KINDS,
        string="Kind",
        tracking=True,
        help="A monthly plan is approved with the month's consolidation; an "
        "urgent request, with its reason, on its own.",
    )
    hospital_department_id = fields.Many2one(
        "hr.department",
        string="Department",
        index=True,
        tracking=True,
        check_company=True,
        default=lambda self: self.env.user.hospital_department_ids[:1],
    )
    hospital_month = fields.Date(
        string="Plan Month",
        default=lambda self: month_start(fields.Date.context_today(self)),
        index=True,
        tracking=True,
        help="The month the plan buys for (its first day).",
    )
    hospital_urgent_reason = fields.Text(string="Urgency Reason", tracking=True)
    hospital_submitted_date = fields.Datetime(string="Submitted On", readonly=True)
    hospital_approved_date = fields.Datetime(
        string="Approved On", readonly=True, copy=False
    )
    hospital_approved_by_id = fields.Many2one(
        "res.users", string="Approved By", readonly=True, copy=False
    )
    hospital_consolidation_id = fields.Many2one(
        "hospital.purchase.consolidation",
        string="Consolidation",
        readonly=True,
        copy=False,
        index="btree_not_null",
    )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("hospital_month"):
                vals["hospital_month"] = month_start(vals["hospital_month"])
        return super().create(vals_list)

    def write(self, vals):
        if vals.get("hospital_month"):
            vals = {**vals, "hospital_month": month_start(vals["hospital_month"])}
        return super().write(vals)

    @api.constrains("hospital_kind", "hospital_department_id")
    def _check_hospital_department(self):
        for request in self:
            if request.hospital_kind and not (
                request.hospital_department_id and request.hospital_month
            ):
                raise ValidationError(
                    self.env._(
                        "%(request)s: say which department and month the plan "
                        "or urgent request is for.",
                        request=request.display_name,
                    )
                )

    def _hospital_check_open_month(self):
        """A plan is for the current month or a later one, and not for a month
        whose consolidation is already approved (a closed month)."""
        this_month = month_start(fields.Date.context_today(self))
        plans = self.filtered(lambda r: r.hospital_kind == "plan")
        closed = (
            self.env["hospital.purchase.consolidation"]
            .sudo()
            .search(
                [
                    ("month", "in", list(set(plans.mapped("hospital_month")))),
                    ("state", "=", "approved"),
                    ("company_id", "in", plans.company_id.ids),
                ]
            )
        )
        closed_months = {(c.company_id, c.month) for c in closed}
        for request in plans:
            if (
                not request.hospital_month
                or request.hospital_month < this_month
                or ((request.company_id, request.hospital_month) in closed_months)
            ):
                raise UserError(
                    self.env._(
                        "%(request)s: the plan month %(month)s is closed. Plans are "
                        "submitted for the current or a coming month; what is "
                        "needed now goes through an urgent request.",
                        request=request.display_name,
                        month=request.hospital_month
                        and request.hospital_month.strftime("%Y-%m"),
                    )
                )

    def _hospital_check_lines(self):
        for request in self:
            for line in request.line_ids.filtered(lambda ln: not ln.cancelled):
                if line.product_qty <= 0:
                    raise UserError(
                        self.env._(
                            "%(request)s: the quantity of “%(line)s” must be "
                            "greater than zero.",
                            request=request.display_name,
                            line=line.name or line.product_id.display_name,
                        )
                    )
                if not line.product_id:
                    raise UserError(
                        self.env._(
                            "%(request)s: every line names the item to buy.",
                            request=request.display_name,
                        )
                    )

    # ------------------------------------------------------------ buttons
    @hospital_transition
    def button_draft(self):
        return super().button_draft()

    @hospital_transition
    def button_to_approve(self):
        self._hospital_check_lines()
        self._hospital_check_open_month()
        for request in self.filtered(lambda r: r.hospital_kind == "urgent"):
            if not (request.hospital_urgent_reason or "").strip():
                raise UserError(
                    self.env._(
                        "%(request)s: an urgent request says why it cannot wait "
                        "for the monthly plan.",
                        request=request.display_name,
                    )
                )
        res = super().button_to_approve()
        self.write({"hospital_submitted_date": fields.Datetime.now()})
        urgent = self.filtered(lambda r: r.hospital_kind == "urgent")
        if urgent:
            urgent.request_validation()
        return res

    @hospital_transition
    def button_approved(self):
        """Urgent requests are approved here by leadership; monthly plans only
        with their month's consolidation."""
        if not self.env.context.get("hospital_consolidation_approval") and any(
            r.hospital_kind == "plan" for r in self
        ):
            raise UserError(
                self.env._(
                    "A monthly plan is approved by the director together with the "
                    "month's consolidation of all departments' plans."
                )
            )
        if not self.env.user.has_group(LEADERSHIP) and not self.env.su:
            raise UserError(
                self.env._("Only hospital leadership approves purchase requests.")
            )
        for request in self:
            if request.hospital_kind == "urgent" and request.can_review:
                request._validate_tier()
        res = super().button_approved()
        self.write(
            {
                "hospital_approved_date": fields.Datetime.now(),
                "hospital_approved_by_id": self.env.uid,
            }
        )
        return res

    @hospital_transition
    def button_rejected(self):
        for request in self:
            if request.hospital_kind == "urgent" and request.can_review:
                request._rejected_tier()
        return super().button_rejected()

    @hospital_transition
    def button_in_progress(self):
        return super().button_in_progress()

    @hospital_transition
    def button_done(self):
        return super().button_done()

    @hospital_transition
    def check_auto_reject(self):
        return super().check_auto_reject()

    def _get_under_validation_exceptions(self):
        return super()._get_under_validation_exceptions() + [
            "state",
            "hospital_approved_date",
            "hospital_approved_by_id",
            "hospital_submitted_date",
        ]
