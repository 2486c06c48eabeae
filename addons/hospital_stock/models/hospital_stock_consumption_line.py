from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools.float_utils import float_compare


class HospitalStockConsumptionLine(models.Model):
    _name = "hospital.stock.consumption.line"
    _description = "Ward Consumption Line"
    _inherit = ["hospital.workflow.line.mixin", "hospital.stock.available.mixin"]

    _hospital_document_field = "consumption_id"

    consumption_id = fields.Many2one(
        "hospital.stock.consumption", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(related="consumption_id.company_id", store=True)
    product_id = fields.Many2one("product.product", string="Item", required=True)
    tracking = fields.Selection(related="product_id.tracking")
    lot_id = fields.Many2one("stock.lot", domain="[('product_id', '=', product_id)]")
    uom_id = fields.Many2one(related="product_id.uom_id", string="Unit")
    quantity = fields.Float(digits="Product Unit", required=True, default=1.0)

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
                        "The consumed quantity of %(product)s must be positive.",
                        product=line.product_id.display_name,
                    )
                )

    def _check_available(self):
        for line in self:
            line._check_available_in(
                line.consumption_id.location_id,
                line.product_id,
                line.lot_id,
                line.quantity,
            )
