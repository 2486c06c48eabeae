from odoo import api, fields, models


class HospitalStockConsumptionLine(models.Model):
    _name = "hospital.stock.consumption.line"
    _description = "Ward Consumption Line"
    _inherit = ["hospital.stock.available.mixin"]

    consumption_id = fields.Many2one(
        "hospital.stock.consumption", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(related="consumption_id.company_id", store=True)
    product_id = fields.Many2one("product.product", string="Item", required=True)
    tracking = fields.Selection(related="product_id.tracking")
    lot_id = fields.Many2one("stock.lot", domain="[('product_id', '=', product_id)]")
    uom_id = fields.Many2one(related="product_id.uom_id", string="Unit")
    quantity = fields.Float(digits="Product Unit", required=True, default=1.0)

    @api.model_create_multi
    def create(self, vals_list):
        lines = super().create(vals_list)
        lines.consumption_id._hospital_check_draft()
        return lines

    def _hospital_check_available(self):
        for line in self:
            line._hospital_check_available_in(
                line.consumption_id.location_id,
                line.product_id,
                line.lot_id,
                line.quantity,
            )
