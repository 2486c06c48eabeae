from odoo import api, fields, models
from odoo.exceptions import ValidationError


class ResCompany(models.Model):
    _inherit = "res.company"

    hospital_response_hours = fields.Float(
        string="Fault Response Time (h)",
        default=4.0,
        help="Equipment faults must be answered within this many hours.",
    )
    hospital_critical_response_hours = fields.Float(
        string="Critical Area Response Time (h)",
        default=1.0,
        help="Response time for requests from critical areas (ICU, OR, ER).",
    )
    hospital_emergency_response_minutes = fields.Integer(
        string="Emergency Dispatch Time (min)",
        default=15,
        help="Rescue-critical repairs (抢救/抢修) are dispatched within this many "
        "minutes.",
    )
    hospital_resolution_hours = fields.Float(
        string="Resolution Time (h)",
        default=24.0,
        help="Default time to resolve a request once it has been reported.",
    )
    hospital_report_back_hours = fields.Float(
        string="Technician Report-back Time (h)",
        default=2.0,
        help="Technicians report back within this many hours of being assigned "
        "(限时复命), otherwise the request is escalated.",
    )
    hospital_autoclose_days = fields.Integer(
        string="Auto-close Unconfirmed After (days)",
        default=3,
        help="Completed requests that the requester does not confirm are closed "
        "after this many days.",
    )
    hospital_repair_approval_amount = fields.Monetary(
        string="Repair Cost Needing Approval",
        default=1000.0,
        help="Repairs costing more than this go through approval.",
    )
    hospital_generator_test_days = fields.Integer(
        string="Backup Generator Test Interval (days)", default=7
    )
    hospital_tool_inventory_months = fields.Integer(
        string="Tool Inventory Interval (months)", default=6
    )
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
            "hospital_response_hours": "period",
            "hospital_critical_response_hours": "period",
            "hospital_emergency_response_minutes": "period",
            "hospital_resolution_hours": "period",
            "hospital_report_back_hours": "period",
            "hospital_autoclose_days": "period",
            "hospital_repair_approval_amount": "amount",
            "hospital_generator_test_days": "period",
            "hospital_tool_inventory_months": "period",
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
