from odoo import fields, models

from ..models.hospital_service_category import RATINGS


class HospitalRequestRateWizard(models.TransientModel):
    _name = "hospital.request.rate.wizard"
    _description = "Confirm and Rate a Request"

    request_id = fields.Many2one("maintenance.request", required=True)
    rating = fields.Selection(
        RATINGS,
        required=True,
        default="5",
    )
    comment = fields.Text()

    def action_confirm(self):
        self.ensure_one()
        self.request_id.action_confirm_rating(int(self.rating), self.comment)
        return {"type": "ir.actions.act_window_close"}
