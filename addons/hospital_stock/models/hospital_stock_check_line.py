from odoo import fields, models


class HospitalStockCheckLine(models.Model):
    _name = "hospital.stock.check.line"
    _inherit = ["hospital.stock.count.line.mixin"]
    _description = "Ward Stock Check Line"
    _order = "product_id, lot_id"

    _hospital_document_field = "check_id"

    check_id = fields.Many2one(
        "hospital.stock.check", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(related="check_id.company_id", store=True)
    department_id = fields.Many2one(related="check_id.department_id", store=True)
    expiration_date = fields.Datetime(related="lot_id.expiration_date")
    expiry_state = fields.Selection(related="lot_id.hospital_expiry_state")
