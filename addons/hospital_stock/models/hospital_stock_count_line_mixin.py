from odoo import api, fields, models


class HospitalStockCountLineMixin(models.AbstractModel):
    """A line of a count sheet: what the books hold, what was counted.

    Weekly checks, custody handovers and warehouse stocktakes count the same
    way; each document adds its own link and its own lock.
    """

    _name = "hospital.stock.count.line.mixin"
    _description = "Count Sheet Line"

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
    note = fields.Char()

    @api.depends("theoretical_qty", "counted_qty")
    def _compute_difference(self):
        for line in self:
            line.difference = line.counted_qty - line.theoretical_qty
