from odoo import api, fields, models
from odoo.exceptions import UserError


class HospitalStockStocktakeLine(models.Model):
    _name = "hospital.stock.stocktake.line"
    _inherit = ["hospital.stock.count.line.mixin"]
    _description = "Warehouse Stocktake Line"
    _order = "location_id, product_id, lot_id"

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

    def write(self, vals):
        if not self.env.su and any(line.stocktake_id.state != "draft" for line in self):
            raise UserError(self.env._("The count is closed: it can no longer change."))
        return super().write(vals)
