from odoo import api, fields, models

from .input_limits import SHORT, check_text_limits


class HospitalChecklistItem(models.Model):
    _name = "hospital.checklist.item"
    _description = "Preventive Work Checklist Item"
    _order = "sequence, id"
    _hospital_text_limits = {"name": SHORT}

    kind_id = fields.Many2one("maintenance.kind", required=True, ondelete="cascade")
    sequence = fields.Integer(default=10)
    name = fields.Char(string="Check", required=True, translate=True)

    @api.constrains(lambda self: tuple(self._hospital_text_limits))
    def _check_text_limits(self):
        check_text_limits(self)
