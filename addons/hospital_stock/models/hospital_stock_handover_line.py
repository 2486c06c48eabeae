from odoo import fields, models


class HospitalStockHandoverLine(models.Model):
    _name = "hospital.stock.handover.line"
    _inherit = ["hospital.stock.count.line.mixin"]
    _description = "Custody Handover Line"

    _hospital_document_field = "handover_id"

    handover_id = fields.Many2one(
        "hospital.stock.handover", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(related="handover_id.company_id", store=True)
    department_id = fields.Many2one(related="handover_id.department_id", store=True)
    counted_qty = fields.Float(string="Counted Together")
