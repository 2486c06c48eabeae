from odoo import fields, models


class HospitalChecklistItem(models.Model):
    _name = "hospital.checklist.item"
    _description = "Preventive Work Checklist Item"
    _order = "sequence, id"

    kind_id = fields.Many2one("maintenance.kind", required=True, ondelete="cascade")
    sequence = fields.Integer(default=10)
    name = fields.Char(string="Check", required=True, translate=True)
