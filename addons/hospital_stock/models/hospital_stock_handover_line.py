from odoo import fields, models
from odoo.exceptions import UserError


class HospitalStockHandoverLine(models.Model):
    _name = "hospital.stock.handover.line"
    _inherit = ["hospital.stock.count.line.mixin"]
    _description = "Custody Handover Line"

    handover_id = fields.Many2one(
        "hospital.stock.handover", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(related="handover_id.company_id", store=True)
    department_id = fields.Many2one(related="handover_id.department_id", store=True)
    counted_qty = fields.Float(string="Counted Together")

    def write(self, vals):
        if not self.env.su and any(line.handover_id.state == "done" for line in self):
            raise UserError(self.env._("A completed handover cannot change."))
        return super().write(vals)
