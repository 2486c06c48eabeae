from odoo import api, fields, models
from odoo.exceptions import ValidationError

from .input_limits import SHORT, check_text_limits

# A promise longer than a year is no service level.
MAX_SLA_HOURS = 24 * 365

SERVICE_KINDS = [
    ("repair", "Repair"),
    ("cleaning", "Cleaning"),
    ("escort", "Patient Escort"),
    ("delivery", "Specimen / Document Delivery"),
    ("moving", "Moving"),
    ("meal", "Meal Delivery"),
    ("preventive", "Preventive Work"),
]

URGENCIES = [
    ("normal", "Normal"),
    ("urgent", "Urgent"),
    ("emergency", "Emergency (抢救/抢修)"),
]

# The first value is the widget's "no star": a rating is 1 to 5 stars.
RATINGS = [
    ("0", "Not Rated"),
    ("1", "Very Unsatisfied"),
    ("2", "Unsatisfied"),
    ("3", "Acceptable"),
    ("4", "Satisfied"),
    ("5", "Very Satisfied"),
]


class HospitalServiceCategory(models.Model):
    """What the requester asks for; it decides team, priority and SLA."""

    _name = "hospital.service.category"
    _description = "Service Category"
    _order = "sequence, name"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    kind = fields.Selection(SERVICE_KINDS, required=True, default="repair")
    team_id = fields.Many2one(
        "maintenance.team",
        required=True,
        check_company=True,
        help="Requests of this category are dispatched to this team.",
    )
    default_urgency = fields.Selection(URGENCIES, required=True, default="normal")
    response_hours = fields.Float(
        string="Response Time (h)",
        help="Leave empty to use the hospital's fault response time from Settings.",
    )
    resolution_hours = fields.Float(
        string="Resolution Time (h)",
        help="Leave empty to use the hospital's resolution time from Settings.",
    )
    minor_by_default = fields.Boolean(
        string="Minor Work",
        help="Minor repairs are done directly and only registered and accepted "
        "(登记验收); other repairs need a repair notice (维修通知单) approved by "
        "the supervisor.",
    )
    color = fields.Integer()
    _check_company_auto = True
    _hospital_text_limits = {"name": SHORT}

    @api.constrains("response_hours", "resolution_hours")
    def _check_sla_hours(self):
        for category in self:
            if category.response_hours < 0 or category.resolution_hours < 0:
                raise ValidationError(
                    self.env._("Response and resolution times cannot be negative.")
                )
            if max(category.response_hours, category.resolution_hours) > MAX_SLA_HOURS:
                raise ValidationError(
                    self.env._(
                        "%(category)s: response and resolution times are at most "
                        "%(hours)s hours (a year).",
                        category=category.name,
                        hours=MAX_SLA_HOURS,
                    )
                )
            if (
                category.response_hours
                and category.resolution_hours
                and category.resolution_hours < category.response_hours
            ):
                raise ValidationError(
                    self.env._(
                        "%(category)s: the resolution time cannot be shorter than "
                        "the response time.",
                        category=category.name,
                    )
                )

    @api.constrains(lambda self: tuple(self._hospital_text_limits))
    def _check_text_limits(self):
        check_text_limits(self)
