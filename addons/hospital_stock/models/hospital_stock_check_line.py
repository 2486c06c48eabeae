from odoo import api, fields, models
from odoo.exceptions import UserError


class HospitalStockCheckLine(models.Model):
    _name = "hospital.stock.check.line"
    _description = "Ward Stock Check Line"
    _order = "product_id, lot_id"

    check_id = fields.Many2one(
        "hospital.stock.check", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(related="check_id.company_id", store=True)
    department_id = fields.Many2one(related="check_id.department_id", store=True)
    product_id = fields.Many2one("product.product", string="Item", required=True)
    lot_id = fields.Many2one("stock.lot")
    expiration_date = fields.Datetime(related="lot_id.expiration_date")
    expiry_state = fields.Selection(related="lot_id.hospital_expiry_state")
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

    def write(self, vals):
        if not self.env.su and any(line.check_id.state == "done" for line in self):
            raise UserError(self.env._("A signed check cannot change."))
        return super().write(vals)

    def _hospital_check_counted(self):
        for line in self:
            if line.counted_qty < 0:
                raise UserError(
                    self.env._(
                        "%(product)s: a counted quantity cannot be negative.",
                        product=line.product_id.display_name,
                    )
                )
