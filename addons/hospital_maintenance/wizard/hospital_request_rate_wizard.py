from odoo import api, fields, models

from ..models.hospital_service_category import RATINGS
from ..models.input_limits import TEXT, check_text_limits


class HospitalRequestRateWizard(models.TransientModel):
    _name = "hospital.request.rate.wizard"
    _description = "Confirm and Rate a Request"
    _hospital_text_limits = {"comment": TEXT}

    request_id = fields.Many2one("maintenance.request", required=True)
    rating = fields.Selection(
        RATINGS,
        required=True,
        default="5",
    )
    comment = fields.Text()

    @api.constrains(lambda self: tuple(self._hospital_text_limits))
    def _check_text_limits(self):
        check_text_limits(self)

    def action_confirm(self):
        self.ensure_one()
        self.request_id.action_confirm_rating(int(self.rating), self.comment)
        return {"type": "ir.actions.act_window_close"}
