from odoo import api, fields, models
from odoo.exceptions import UserError

from odoo.addons.hospital_logistics.models.hospital_workflow_mixin import (
    in_transition,
)

from .purchase_request import month_start

DERIVED = {
    "hospital_department_id",
    "hospital_month",
    "hospital_budget_line_id",
    "hospital_budget_amount",
}
# What the plan and budget checks read of a line.
RECHECKED = {"product_id", "product_qty", "product_uom_id", "price_unit", "discount"}
# What a bid offers: fixed from the bid opening (开标), as the bids read out.
BID_TERMS = RECHECKED | {"tax_ids", "product_uom_qty", "purchase_request_lines"}


class PurchaseOrderLine(models.Model):
    _inherit = "purchase.order.line"

    hospital_department_id = fields.Many2one(
        "hr.department",
        string="For Department",
        compute="_compute_hospital_department_id",
        store=True,
        index="btree_not_null",
    )
    hospital_month = fields.Date(
        string="Plan Month", compute="_compute_hospital_month", store=True
    )
    hospital_budget_line_id = fields.Many2one(
        "hospital.purchase.budget.line",
        string="Budget Line",
        compute="_compute_hospital_budget_line_id",
        store=True,
        index="btree_not_null",
    )
    hospital_budget_amount = fields.Monetary(
        string="Budget Consumption",
        compute="_compute_hospital_budget_amount",
        store=True,
        currency_field="company_currency_id",
        help="What the line costs the hospital in the company currency (CNY), "
        "at the order date, taxes included unless the company deducts input VAT "
        "(setting): what it consumes of its budget line.",
    )
    hospital_budget_date = fields.Datetime(related="order_id.date_order", store=True)
    # The procurement cycle per item category and vendor (DOMAIN.md §4).
    hospital_categ_id = fields.Many2one(
        related="product_id.categ_id", string="Item Category", store=True
    )
    hospital_cycle_days = fields.Float(
        related="order_id.hospital_cycle_days", store=True, aggregator="avg"
    )
    hospital_order_days = fields.Float(
        related="order_id.hospital_order_days", store=True, aggregator="avg"
    )
    hospital_receipt_days = fields.Float(
        related="order_id.hospital_receipt_days", store=True, aggregator="avg"
    )
    hospital_plan_approved_date = fields.Datetime(
        related="order_id.hospital_plan_approved_date", store=True
    )
    hospital_effective_date = fields.Datetime(
        related="order_id.effective_date", string="Received On", store=True
    )

    @api.depends(
        "price_subtotal",
        "price_total",
        "order_id.currency_id",
        "order_id.date_order",
        "order_id.company_id.hospital_purchase_tax_included",
    )
    def _compute_hospital_budget_amount(self):
        for line in self:
            company = line.order_id.company_id or line.company_id or self.env.company
            amount = (
                line.price_total
                if company.hospital_purchase_tax_included
                else line.price_subtotal
            )
            line.hospital_budget_amount = (
                line.order_id._hospital_amount_company(amount)
                if line.order_id
                else amount
            )

    # ------------------------------------------------------------ guards
    @api.model_create_multi
    def create(self, vals_list):
        if not in_transition(self.env):
            for vals in vals_list:
                self._hospital_check_derived(vals)
            self.env["purchase.order"].browse(
                {vals.get("order_id") for vals in vals_list} - {None, False}
            )._hospital_check_bid_terms_open()
        lines = super().create(vals_list)
        lines._hospital_recheck_confirmed()
        return lines

    def write(self, vals):
        if not in_transition(self.env):
            self._hospital_check_derived(vals)
            if set(vals) & BID_TERMS:
                self.order_id._hospital_check_bid_terms_open()
        res = super().write(vals)
        if set(vals) & RECHECKED:
            self._hospital_recheck_confirmed()
        return res

    @api.ondelete(at_uninstall=False)
    def _unlink_except_hospital_opened_bid(self):
        if not in_transition(self.env):
            self.order_id._hospital_check_bid_terms_open()

    def _hospital_plan_shares(self, by_department):
        """How this line of a bid divides between the departments that
        planned its item: ``[(plan lines, quantity, factor)]``, one per
        department in proportion to its planned quantity (in the item's
        unit), rounded to the unit's precision, the last taking what is
        left; ``factor`` is the part of each plan line the share covers
        (at most all of it)."""
        self.ensure_one()
        item_uom = self.product_id.uom_id
        weights = [
            (plan_lines, sum(plan_lines.mapped("hospital_product_qty")))
            for _department, plan_lines in sorted(
                by_department.items(), key=lambda item: item[0].id
            )
        ]
        total = sum(w for _lines, w in weights)
        shares, left = [], self.product_qty
        for index, (plan_lines, weight) in enumerate(weights):
            if index == len(weights) - 1:
                qty = self.product_uom_id.round(left)
            else:
                qty = self.product_uom_id.round(self.product_qty * weight / total)
                left -= qty
            if qty <= 0:
                continue
            in_item_uom = self.product_uom_id._compute_quantity(qty, item_uom)
            shares.append((plan_lines, qty, min(1.0, in_item_uom / weight)))
        return shares

    def _hospital_check_derived(self, vals):
        """The department, month and budget line of a line follow from its
        plan lines and its order; nobody sets them by hand."""
        if set(vals) & DERIVED:
            raise UserError(
                self.env._(
                    "The department, plan month and budget line of an order line "
                    "follow from its plan and its order; change the order's "
                    "department while it is a draft."
                )
            )

    def _hospital_recheck_confirmed(self):
        """A confirmed order whose lines grow (core purchase lets a buyer
        raise a quantity or add a line) is checked again against the plan
        and the budget of its departments, by a real user."""
        if self.env.su:
            return
        orders = self.order_id.filtered(lambda po: po.state in ("purchase", "done"))
        if orders:
            orders._hospital_check_plan()
            orders._hospital_check_budget()

    @api.model
    def _hospital_portal_fixture(self, partner):
        """A line of a new RFQ of vendor ``partner``, for the suite's portal
        isolation test."""
        product = self.env["product.product"].create(
            {"name": f"Item quoted by {partner.name}", "type": "consu"}
        )
        order = self.env["purchase.order"].create(
            {
                "partner_id": partner.id,
                "order_line": [(0, 0, {"product_id": product.id, "product_qty": 1})],
            }
        )
        return order.order_line

    @api.depends(
        "purchase_request_lines.request_id.hospital_department_id",
        "order_id.hospital_department_id",
    )
    def _compute_hospital_department_id(self):
        for line in self:
            departments = line.purchase_request_lines.request_id.hospital_department_id
            line.hospital_department_id = (
                departments
                if len(departments) == 1
                else line.order_id.hospital_department_id
            )

    @api.depends(
        "purchase_request_lines.request_id.hospital_month", "order_id.date_order"
    )
    def _compute_hospital_month(self):
        for line in self:
            months = line.purchase_request_lines.request_id.mapped("hospital_month")
            line.hospital_month = (
                min(months)
                if months
                else line.order_id.date_order and month_start(line.order_id.date_order)
            )

    @api.depends("hospital_department_id", "product_id.categ_id", "order_id.date_order")
    def _compute_hospital_budget_line_id(self):
        """The most specific line of the department's budget in force for the
        order's year: one query for the batch."""
        lines = self.filtered("hospital_department_id")
        (self - lines).hospital_budget_line_id = False
        if not lines:
            return
        budgets = (
            self.env["hospital.purchase.budget"]
            .sudo()
            .search(
                [
                    ("department_id", "in", lines.hospital_department_id.ids),
                    ("year", "in", list({ln.order_id.date_order.year for ln in lines})),
                    ("state", "=", "approved"),
                ]
            )
        )
        by_key = {(b.department_id.id, b.year): b for b in budgets}
        for line in lines:
            budget = by_key.get(
                (line.hospital_department_id.id, line.order_id.date_order.year)
            )
            if not budget:
                line.hospital_budget_line_id = False
                continue
            category_ids = [
                int(c)
                for c in (line.product_id.categ_id.parent_path or "").split("/")
                if c
            ]
            best, depth = (
                budget.line_ids.filtered(lambda bl: not bl.product_category_id)[:1],
                -1,
            )
            for budget_line in budget.line_ids.filtered("product_category_id"):
                if budget_line.product_category_id.id in category_ids:
                    position = category_ids.index(budget_line.product_category_id.id)
                    if position > depth:
                        best, depth = budget_line, position
            line.hospital_budget_line_id = best
