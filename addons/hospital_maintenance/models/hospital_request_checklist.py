from odoo import fields, models


class HospitalRequestChecklist(models.Model):
    _name = "hospital.request.checklist"
    _description = "Checklist Record of a Request"
    _order = "sequence, id"

    request_id = fields.Many2one(
        "maintenance.request", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(related="request_id.company_id", store=True)
    sequence = fields.Integer(default=10)
    name = fields.Char(string="Check", required=True)
    done = fields.Boolean(string="Checked")
    result = fields.Char(help="Reading or remark recorded by the technician.")
