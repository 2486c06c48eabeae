from odoo import api, fields, models
from odoo.exceptions import ValidationError


class ResCompany(models.Model):
    _inherit = "res.company"

    hospital_unsatisfied_rating = fields.Integer(
        string="Unsatisfied Rating (at or below)",
        default=2,
        help="A requester's rating (1-5) at or below this value reopens the "
        "request and asks the team leader for a callback (回访).",
    )
    hospital_handover_grace_minutes = fields.Integer(
        string="Shift Handover Grace (min)",
        default=30,
        help="A 24-hour post whose last signed handover is older than its shift "
        "length plus this grace is flagged as missing a handover.",
    )

    @api.model
    def _hospital_threshold_kinds(self):
        return {
            **super()._hospital_threshold_kinds(),
            "hospital_unsatisfied_rating": "count",
            "hospital_handover_grace_minutes": "period",
        }

    def write(self, vals):
        res = super().write(vals)
        if {"hospital_generator_test_days", "hospital_tool_inventory_months"} & set(
            vals
        ):
            self.env["maintenance.plan"].sudo().search(
                [
                    ("company_id", "in", self.ids),
                    ("maintenance_kind_id.interval_setting", "!=", False),
                ]
            )._hospital_follow_settings()
        return res

    @api.constrains("hospital_unsatisfied_rating")
    def _check_hospital_unsatisfied_rating(self):
        for company in self:
            if company.hospital_unsatisfied_rating >= 5:
                raise ValidationError(
                    self.env._(
                        "Ratings go from 1 to 5: an unsatisfied rating must be "
                        "below 5, otherwise every rating would reopen its request."
                    )
                )
