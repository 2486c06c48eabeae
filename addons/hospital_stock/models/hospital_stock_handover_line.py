from odoo import api, fields, models
from odoo.exceptions import UserError


class HospitalStockHandoverLine(models.Model):
    _name = "hospital.stock.handover.line"
    _description = "Custody Handover Line"

    handover_id = fields.Many2one(
        "hospital.stock.handover", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(related="handover_id.company_id", store=True)
    department_id = fields.Many2one(related="handover_id.department_id", store=True)
    product_id = fields.Many2one("product.product", string="Item", required=True)
    lot_id = fields.Many2one("stock.lot")
    uom_id = fields.Many2one(related="product_id.uom_id", string="Unit")
    book_qty = fields.Float(string="On Books", digits="Product Unit", readonly=True)
    counted_qty = fields.Float(string="Counted Together", digits="Product Unit")
    difference = fields.Float(
        digits="Product Unit", compute="_compute_difference", store=True
    )
    note = fields.Char()

    @api.depends("book_qty", "counted_qty")
    def _compute_difference(self):
        for line in self:
            line.difference = line.counted_qty - line.book_qty

    def write(self, vals):
        if not self.env.su and any(line.handover_id.state == "done" for line in self):
            raise UserError(self.env._("A completed handover cannot change."))
        return super().write(vals)
