from odoo import api, fields, models
from odoo.exceptions import ValidationError


class HospitalStockStocktakeLine(models.Model):
    _name = "hospital.stock.stocktake.line"
    _inherit = ["hospital.stock.count.line.mixin"]
    _description = "Warehouse Stocktake Line"
    _order = "location_id, product_id, lot_id"

    _hospital_document_field = "stocktake_id"
    _hospital_workflow_fields = (
        "product_id",
        "lot_id",
        "theoretical_qty",
        "location_id",
    )

    stocktake_id = fields.Many2one(
        "hospital.stock.stocktake", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(related="stocktake_id.company_id", store=True)
    currency_id = fields.Many2one(related="stocktake_id.currency_id")
    location_id = fields.Many2one("stock.location", required=True)
    difference_value = fields.Monetary(compute="_compute_difference_value", store=True)
    writedown_amount = fields.Monetary(
        string="Write-down",
        help="Loss of value of goods still on hand (damaged, obsolete, near expiry).",
    )

    @api.depends("difference", "product_id.standard_price")
    def _compute_difference_value(self):
        for line in self:
            line.difference_value = line.difference * line.product_id.standard_price

    @api.constrains("writedown_amount")
    def _check_writedown_not_negative(self):
        for line in self:
            if line.writedown_amount < 0:
                raise ValidationError(
                    self.env._(
                        "%(product)s: a write-down cannot be negative.",
                        product=line.product_id.display_name,
                    )
                )
