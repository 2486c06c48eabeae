from odoo import api, fields, models
from odoo.exceptions import ValidationError


class HospitalPurchaseBudgetLine(models.Model):
    """A line of a department budget: an amount for a product category (or
    for everything else when empty)."""

    _name = "hospital.purchase.budget.line"
    _description = "Department Budget Line"
    _inherit = ["hospital.workflow.line.mixin"]
    _hospital_document_field = "budget_id"
    _order = "budget_id, sequence, id"

    budget_id = fields.Many2one(
        "hospital.purchase.budget",
        string="Department Budget",
        required=True,
        ondelete="cascade",
        index=True,
    )
    sequence = fields.Integer(default=10)
    name = fields.Char(string="Budget Line", required=True)
    product_category_id = fields.Many2one(
        "product.category",
        help="Purchases of this category (and its sub-categories) consume this "
        "line; empty: every purchase no other line covers.",
    )
    department_id = fields.Many2one(related="budget_id.department_id", store=True)
    year = fields.Integer(related="budget_id.year", store=True)
    company_id = fields.Many2one(related="budget_id.company_id", store=True)
    currency_id = fields.Many2one(related="budget_id.currency_id")
    amount = fields.Monetary(string="Budget", currency_field="currency_id")
    consumed = fields.Monetary(
        compute="_compute_consumed", currency_field="currency_id"
    )
    remaining = fields.Monetary(
        compute="_compute_consumed", currency_field="currency_id"
    )
    consumed_rate = fields.Float(string="Executed (%)", compute="_compute_consumed")

    @api.constrains("amount")
    def _check_amount(self):
        for line in self:
            if line.amount < 0:
                raise ValidationError(self.env._("A budget cannot be negative."))

    def _compute_consumed(self):
        consumed = self._hospital_consumed()
        for line in self:
            line.consumed = consumed.get(line.id, 0.0)
            line.remaining = line.amount - line.consumed
            line.consumed_rate = (
                100.0 * line.consumed / line.amount if line.amount else 0.0
            )

    def _hospital_consumed(self, exclude_orders=None):
        """``{line id: amount consumed by confirmed orders}``; one query."""
        domain = [
            ("hospital_budget_line_id", "in", self.ids),
            ("order_id.state", "in", ("purchase", "done")),
        ]
        if exclude_orders:
            domain.append(("order_id", "not in", exclude_orders.ids))
        return {
            line.id: amount
            for line, amount in self.env["purchase.order.line"]
            .sudo()
            ._read_group(
                domain, ["hospital_budget_line_id"], ["hospital_budget_amount:sum"]
            )
        }
