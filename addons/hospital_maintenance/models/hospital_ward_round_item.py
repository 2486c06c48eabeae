from odoo import api, fields, models
from odoo.exceptions import UserError

from odoo.addons.hospital_logistics.models.hospital_workflow_mixin import (
    hospital_transition,
)

from .input_limits import SHORT, TEXT, check_text_limits


class HospitalWardRoundItem(models.Model):
    """A point a head nurse raised during a round, and how it was answered:
    a request, or an explanation."""

    _name = "hospital.ward.round.item"
    _description = "Ward Round Feedback"
    _inherit = ["hospital.workflow.line.mixin"]
    _check_company_auto = True
    _hospital_document_field = "round_id"
    _hospital_workflow_fields = ("request_id",)
    _hospital_text_limits = {"feedback": SHORT, "answer": TEXT}

    round_id = fields.Many2one(
        "hospital.ward.round", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(related="round_id.company_id", store=True)
    department_id = fields.Many2one(
        "hr.department", string="Ward", required=True, check_company=True
    )
    head_nurse_id = fields.Many2one(related="department_id.head_nurse_id")
    feedback = fields.Char(required=True, help="What the head nurse raised.")
    location_id = fields.Many2one("hospital.location", check_company=True)
    service_category_id = fields.Many2one(
        "hospital.service.category", string="Service", check_company=True
    )
    request_id = fields.Many2one("maintenance.request", readonly=True)
    answer = fields.Text(help="Explanation given to the ward when no request is made.")

    @api.constrains(lambda self: tuple(self._hospital_text_limits))
    def _check_text_limits(self):
        check_text_limits(self)

    @hospital_transition
    def action_create_request(self):
        requests = self.env["maintenance.request"]
        for item in self:
            if item.request_id:
                continue
            if item.round_id.state != "open":
                raise UserError(
                    self.env._(
                        "%(round)s is answered and closed: it makes no more requests.",
                        round=item.round_id.name,
                    )
                )
            if not item.location_id:
                raise UserError(
                    self.env._(
                        "Say where “%(feedback)s” is (location) before "
                        "turning it into a request.",
                        feedback=item.feedback,
                    )
                )
            item.request_id = requests.create(
                {
                    "name": item.feedback,
                    "service_category_id": item.service_category_id.id,
                    "department_id": item.department_id.id,
                    "location_id": item.location_id.id,
                    "requester_id": (item.head_nurse_id or self.env.user).id,
                    "channel": "rounds",
                }
            )
            requests |= item.request_id
        return True
