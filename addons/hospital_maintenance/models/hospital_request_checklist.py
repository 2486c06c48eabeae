from odoo import api, fields, models

from .input_limits import SHORT, check_text_limits


class HospitalRequestChecklist(models.Model):
    """A point checked and recorded by the technician: a line of its request,
    recorded while the request is open."""

    _name = "hospital.request.checklist"
    _description = "Checklist Record of a Request"
    _inherit = ["hospital.workflow.line.mixin"]
    _order = "sequence, id"
    _hospital_document_field = "request_id"
    _hospital_text_limits = {"name": SHORT, "result": SHORT}

    request_id = fields.Many2one(
        "maintenance.request", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(related="request_id.company_id", store=True)
    sequence = fields.Integer(default=10)
    name = fields.Char(string="Check", required=True)
    done = fields.Boolean(string="Checked")
    result = fields.Char(help="Reading or remark recorded by the technician.")

    @api.constrains(lambda self: tuple(self._hospital_text_limits))
    def _check_text_limits(self):
        check_text_limits(self)
