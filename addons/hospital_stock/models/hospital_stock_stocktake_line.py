from odoo import api, fields, models
from odoo.exceptions import UserError


class HospitalStockStocktakeLine(models.Model):
    _name = "hospital.stock.stocktake.line"
    _description = "Warehouse Stocktake Line"
    _order = "location_id, product_id, lot_id"

    stocktake_id = fields.Many2one(
        "hospital.stock.stocktake", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(related="stocktake_id.company_id", store=True)
    currency_id = fields.Many2one(related="stocktake_id.currency_id")
    location_id = fields.Many2one("stock.location", required=True)
    product_id = fields.Many2one("product.product", string="Item", required=True)
    lot_id = fields.Many2one("stock.lot")
    uom_id = fields.Many2one(related="product_id.uom_id", string="Unit")
    theoretical_qty = fields.Float(
        string="On Books", digits="Product Unit", readonly=True
    )
    counted_qty = fields.Float(string="Counted", digits="Product Unit")
    difference = fields.Float(
        digits="Product Unit", compute="_compute_difference", store=True
    )
    difference_value = fields.Monetary(compute="_compute_difference", store=True)
    writedown_amount = fields.Monetary(
        string="Write-down",
        help="Loss of value of goods still on hand (damaged, obsolete, near expiry).",
    )
    note = fields.Char()

    @api.depends("theoretical_qty", "counted_qty", "product_id.standard_price")
    def _compute_difference(self):
        for line in self:
            line.difference = line.counted_qty - line.theoretical_qty
            line.difference_value = line.difference * line.product_id.standard_price

    def write(self, vals):
        if not self.env.su and any(line.stocktake_id.state != "draft" for line in self):
            raise UserError(self.env._("The count is closed: it can no longer change."))
        return super().write(vals)
