from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools.float_utils import float_compare


class HospitalStockRequisitionLine(models.Model):
    _name = "hospital.stock.requisition.line"
    _description = "Ward Requisition Line"
    _inherit = ["hospital.workflow.line.mixin"]

    _hospital_document_field = "requisition_id"

    requisition_id = fields.Many2one(
        "hospital.stock.requisition", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(related="requisition_id.company_id", store=True)
    product_id = fields.Many2one(
        "product.product",
        string="Item",
        required=True,
        domain="[('is_storable', '=', True)]",
    )
    product_description = fields.Text(
        string="Specification", related="product_id.description_pickingout"
    )
    uom_id = fields.Many2one(related="product_id.uom_id", string="Unit")
    quantity = fields.Float(
        string="Requested", digits="Product Unit", required=True, default=1.0
    )
    qty_issued = fields.Float(string="Issued", digits="Product Unit", copy=False)
    swap_old = fields.Boolean(related="product_id.hospital_swap_old", string="交旧领新")
    qty_old_returned = fields.Float(
        string="Old Returned",
        digits="Product Unit",
        copy=False,
        help="Old items handed back to the keeper (交旧领新).",
    )

    @api.constrains("quantity")
    def _check_quantity_positive(self):
        for line in self:
            if (
                float_compare(
                    line.quantity, 0.0, precision_rounding=line.uom_id.rounding
                )
                <= 0
            ):
                raise ValidationError(
                    self.env._(
                        "The requested quantity of %(product)s must be positive.",
                        product=line.product_id.display_name,
                    )
                )

    @api.constrains("qty_issued", "qty_old_returned")
    def _check_issued_not_negative(self):
        for line in self:
            if line.qty_issued < 0 or line.qty_old_returned < 0:
                raise ValidationError(
                    self.env._(
                        "%(product)s: issued and returned quantities cannot be "
                        "negative.",
                        product=line.product_id.display_name,
                    )
                )

    def _check_issued_quantities(self):
        """Something is issued, and never more than was approved."""
        if not any(line.qty_issued for line in self):
            raise UserError(self.env._("Enter the quantities you issue."))
        for line in self:
            if (
                float_compare(
                    line.qty_issued,
                    line.quantity,
                    precision_rounding=line.uom_id.rounding,
                )
                > 0
            ):
                raise UserError(
                    self.env._(
                        "%(product)s: %(issued)s issued but only %(asked)s were "
                        "requested and approved.",
                        product=line.product_id.display_name,
                        issued=line.qty_issued,
                        asked=line.quantity,
                    )
                )

    def _check_swap_old_for_new(self):
        """Office supplies are issued only against the old one (交旧领新)."""
        for line in self.filtered("swap_old"):
            if (
                float_compare(
                    line.qty_old_returned,
                    line.qty_issued,
                    precision_rounding=line.uom_id.rounding,
                )
                < 0
            ):
                raise UserError(
                    self.env._(
                        "%(product)s is issued only against the old one (交旧领新): "
                        "%(returned)s returned for %(issued)s issued.",
                        product=line.product_id.display_name,
                        returned=line.qty_old_returned,
                        issued=line.qty_issued,
                    )
                )
