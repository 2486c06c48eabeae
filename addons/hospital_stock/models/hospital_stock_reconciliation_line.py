from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools.float_utils import float_is_zero


class HospitalStockReconciliationLine(models.Model):
    _name = "hospital.stock.reconciliation.line"
    _description = "Monthly Ward Reconciliation Line"
    _inherit = ["hospital.workflow.line.mixin", "hospital.stock.text.limit.mixin"]
    _order = "product_id"

    _hospital_document_field = "reconciliation_id"
    # The figures come from the books and the count, never from the keyboard:
    # the custodian explains the difference, she does not make it disappear.
    _hospital_workflow_fields = (
        "product_id",
        "opening_qty",
        "issued_qty",
        "consumed_qty",
        "loaned_qty",
        "returned_qty",
        "adjusted_qty",
        "counted_qty",
    )
    _hospital_text_limits = {"explanation": 2000}

    reconciliation_id = fields.Many2one(
        "hospital.stock.reconciliation", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(related="reconciliation_id.company_id", store=True)
    department_id = fields.Many2one(
        related="reconciliation_id.department_id", store=True
    )
    currency_id = fields.Many2one(related="reconciliation_id.currency_id")
    product_id = fields.Many2one(
        "product.product", string="Item", required=True, readonly=True
    )
    uom_id = fields.Many2one(related="product_id.uom_id", string="Unit")
    opening_qty = fields.Float(string="Opening", digits="Product Unit", readonly=True)
    issued_qty = fields.Float(string="Issued", digits="Product Unit", readonly=True)
    consumed_qty = fields.Float(string="Consumed", digits="Product Unit", readonly=True)
    loaned_qty = fields.Float(string="Loaned Out", digits="Product Unit", readonly=True)
    returned_qty = fields.Float(string="Returned", digits="Product Unit", readonly=True)
    adjusted_qty = fields.Float(string="Adjusted", digits="Product Unit", readonly=True)
    expected_qty = fields.Float(
        string="On Books",
        digits="Product Unit",
        compute="_compute_difference",
        store=True,
    )
    counted_qty = fields.Float(string="Counted", digits="Product Unit", readonly=True)
    difference = fields.Float(
        digits="Product Unit", compute="_compute_difference", store=True
    )
    unit_cost = fields.Float(related="product_id.standard_price", string="Unit Cost")
    difference_value = fields.Monetary(compute="_compute_difference", store=True)
    cause = fields.Selection(
        selection=[
            ("recording", "Recording error"),
            ("unrecorded_use", "Used but not recorded"),
            ("breakage", "Breakage"),
            ("expired", "Expired and discarded"),
            ("negligence", "Negligence (compensated)"),
            ("unexplained", "Unexplained"),
        ],
        help="Why the count differs from the books. An unexplained shortage above "
        "the setting needs approval; negligence is compensated by the person "
        "responsible.",
    )
    explanation = fields.Text()
    responsible_user_id = fields.Many2one("res.users", string="Responsible Person")
    compensation_amount = fields.Monetary(string="Compensation")

    @api.depends(
        "opening_qty",
        "issued_qty",
        "consumed_qty",
        "loaned_qty",
        "returned_qty",
        "adjusted_qty",
        "counted_qty",
        "product_id.standard_price",
    )
    def _compute_difference(self):
        for line in self:
            line.expected_qty = (
                line.opening_qty
                + line.issued_qty
                - line.consumed_qty
                - line.loaned_qty
                + line.returned_qty
                + line.adjusted_qty
            )
            line.difference = line.counted_qty - line.expected_qty
            line.difference_value = line.difference * line.product_id.standard_price

    @api.constrains("compensation_amount")
    def _check_compensation_not_negative(self):
        for line in self:
            if line.compensation_amount < 0:
                raise ValidationError(
                    self.env._(
                        "%(product)s: a compensation cannot be negative.",
                        product=line.product_id.display_name,
                    )
                )

    @api.ondelete(at_uninstall=False)
    def _unlink_except_computed(self):
        """A line is a figure of the computation: deleting it would hide a
        difference from the month that is locked."""
        if not self._hospital_in_transition():
            raise UserError(
                self.env._(
                    "The lines of a reconciliation come from its computation: "
                    "compute it again instead of deleting one."
                )
            )

    def _check_differences_explained(self):
        for line in self.filtered(
            lambda line: (
                not float_is_zero(
                    line.difference, precision_rounding=line.uom_id.rounding
                )
            )
        ):
            if not (line.cause and line.explanation):
                raise UserError(
                    self.env._(
                        "%(product)s differs by %(diff)s: give its cause and an "
                        "explanation.",
                        product=line.product_id.display_name,
                        diff=line.difference,
                    )
                )
            if line.cause == "negligence" and not (
                line.responsible_user_id and line.compensation_amount > 0
            ):
                raise UserError(
                    self.env._(
                        "%(product)s was lost by negligence: name the responsible "
                        "person and the compensation.",
                        product=line.product_id.display_name,
                    )
                )

    def _hospital_create_compensations(self):
        lines = self.filtered(lambda line: line.cause == "negligence")
        self.env["hospital.stock.compensation"].sudo().create(
            [
                {
                    "reconciliation_id": line.reconciliation_id.id,
                    "department_id": line.department_id.id,
                    "product_id": line.product_id.id,
                    "quantity": -line.difference,
                    "user_id": line.responsible_user_id.id,
                    "amount": line.compensation_amount,
                    "reason": line.explanation,
                    "company_id": line.company_id.id,
                }
                for line in lines
            ]
        )
