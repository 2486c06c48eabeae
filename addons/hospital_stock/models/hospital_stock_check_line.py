from odoo import fields, models
from odoo.exceptions import UserError


class HospitalStockCheckLine(models.Model):
    _name = "hospital.stock.check.line"
    _inherit = ["hospital.stock.count.line.mixin"]
    _description = "Ward Stock Check Line"
    _order = "product_id, lot_id"

    check_id = fields.Many2one(
        "hospital.stock.check", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(related="check_id.company_id", store=True)
    department_id = fields.Many2one(related="check_id.department_id", store=True)
    expiration_date = fields.Datetime(related="lot_id.expiration_date")
    expiry_state = fields.Selection(related="lot_id.hospital_expiry_state")

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
