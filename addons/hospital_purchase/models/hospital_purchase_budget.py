from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.hospital_logistics.groups import LEADERSHIP
from odoo.addons.hospital_logistics.models.hospital_workflow_mixin import (
    ALL_FIELDS,
    hospital_transition,
)

STATES = [("draft", "Draft"), ("approved", "In Force"), ("closed", "Closed")]


class HospitalPurchaseBudget(models.Model):
    """A department's annual purchase budget (科室年度预算), in budget lines;
    confirmed purchase orders consume it."""

    _name = "hospital.purchase.budget"
    _description = "Department Purchase Budget"
    _inherit = ["mail.thread", "mail.activity.mixin", "hospital.workflow.mixin"]
    _order = "year desc, department_id"
    _check_company_auto = True

    _hospital_workflow_fields = (
        "state",
        "approved_date",
        "approved_by_id",
        "reviewed_date",
        "reviewed_by_id",
    )
    _hospital_editable_states = {
        "draft": ALL_FIELDS,
        "approved": ("review_note",),
    }
    _hospital_free_fields = ("active", "review_note")

    name = fields.Char(compute="_compute_name", store=True)
    department_id = fields.Many2one(
        "hr.department", required=True, check_company=True, tracking=True, index=True
    )
    year = fields.Integer(
        required=True,
        default=lambda self: fields.Date.context_today(self).year,
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
        "hospital.purchase.budget.line", "budget_id", string="Budget Lines", copy=True
    )
    amount = fields.Monetary(compute="_compute_amounts", currency_field="currency_id")
    consumed = fields.Monetary(compute="_compute_amounts", currency_field="currency_id")
    remaining = fields.Monetary(
        compute="_compute_amounts", currency_field="currency_id"
    )
    approved_date = fields.Datetime(readonly=True, copy=False)
    approved_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    reviewed_date = fields.Date(
        string="Last Execution Review", readonly=True, copy=False
    )
    reviewed_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    review_note = fields.Text(string="Review Findings")
    review_due_date = fields.Date(compute="_compute_review_due_date")
    review_overdue = fields.Boolean(compute="_compute_review_due_date")

    _department_year_unique = models.Constraint(
        "UNIQUE(department_id, year)", "A department has one budget per year."
    )

    @api.depends("department_id", "year")
    def _compute_name(self):
        for budget in self:
            budget.name = f"{budget.department_id.name or ''} {budget.year}"

    @api.depends("line_ids.amount", "line_ids.consumed")
    def _compute_amounts(self):
        for budget in self:
            budget.amount = sum(budget.line_ids.mapped("amount"))
            budget.consumed = sum(budget.line_ids.mapped("consumed"))
            budget.remaining = budget.amount - budget.consumed

    @api.depends("reviewed_date", "approved_date", "company_id")
    def _compute_review_due_date(self):
        today = fields.Date.context_today(self)
        for budget in self:
            start = budget.reviewed_date or (
                budget.approved_date and budget.approved_date.date()
            )
            budget.review_due_date = start and start + relativedelta(
                months=budget.company_id.hospital_budget_review_months
            )
            budget.review_overdue = bool(
                budget.state == "approved"
                and budget.review_due_date
                and budget.review_due_date < today
            )

    @api.constrains("year")
    def _check_year(self):
        for budget in self:
            if not 2000 <= budget.year <= 2100:
                raise ValidationError(self.env._("Give the budget year, e.g. 2026."))

    @hospital_transition
    def action_approve(self):
        if not self.env.user.has_group(LEADERSHIP):
            raise UserError(self.env._("Hospital leadership approves budgets."))
        for budget in self:
            if budget.state != "draft" or not budget.line_ids:
                raise UserError(
                    self.env._("Only a draft budget with budget lines is approved.")
                )
        self.write(
            {
                "state": "approved",
                "approved_date": fields.Datetime.now(),
                "approved_by_id": self.env.uid,
            }
        )
        return True

    @hospital_transition
    def action_review(self):
        """The execution review, due at least every budget review period."""
        for budget in self:
            if budget.state != "approved":
                raise UserError(self.env._("Only a budget in force is reviewed."))
        self.write(
            {
                "reviewed_date": fields.Date.context_today(self),
                "reviewed_by_id": self.env.uid,
            }
        )
        return True

    @hospital_transition
    def action_close(self):
        self.filtered(lambda b: b.state == "approved").write({"state": "closed"})
        return True

    def action_view_consumption(self):
        """The confirmed order lines that consume the budget, by budget line:
        what the consumed amount is made of."""
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Consumption of %(budget)s", budget=self.display_name),
            "res_model": "purchase.order.line",
            "view_mode": "list,pivot",
            "views": [
                (
                    self.env.ref(
                        "hospital_purchase.purchase_order_line_view_list_budget"
                    ).id,
                    "list",
                ),
                (False, "pivot"),
            ],
            "domain": [
                ("hospital_budget_line_id", "in", self.line_ids.ids),
                ("order_id.state", "in", ("purchase", "done")),
            ],
            "context": {"group_by": ["hospital_budget_line_id"], "create": False},
        }

    def _hospital_half_year_execution(self):
        """``{budget line id: (first half, second half)}`` consumed, for the
        half-yearly execution report; one query."""
        groups = self.env["purchase.order.line"]._read_group(
            [
                ("hospital_budget_line_id", "in", self.line_ids.ids),
                ("order_id.state", "in", ("purchase", "done")),
            ],
            ["hospital_budget_line_id", "hospital_budget_date:month"],
            ["hospital_budget_amount:sum"],
        )
        result = {line.id: [0.0, 0.0] for line in self.line_ids}
        for line, month, amount in groups:
            result[line.id][0 if month.month <= 6 else 1] += amount
        return result

    def _hospital_execution_rows(self):
        """The half-yearly execution report of one budget: per budget line,
        its amount, what confirmed orders committed in each half-year, the
        total and what remains; one query."""
        self.ensure_one()
        halves = self._hospital_half_year_execution()
        rows = []
        for line in self.line_ids:
            first, second = halves.get(line.id, (0.0, 0.0))
            committed = first + second
            rows.append(
                {
                    "line": line,
                    "name": line.name,
                    "category": line.product_category_id.display_name or "",
                    "amount": line.amount,
                    "h1": first,
                    "h2": second,
                    "committed": committed,
                    "remaining": line.amount - committed,
                    "rate": 100.0 * committed / line.amount if line.amount else 0.0,
                }
            )
        return rows
