from odoo import fields, models

WEEKDAYS = [
    ("0", "Monday"),
    ("1", "Tuesday"),
    ("2", "Wednesday"),
    ("3", "Thursday"),
    ("4", "Friday"),
    ("5", "Saturday"),
    ("6", "Sunday"),
]


class HospitalLaundrySchedule(models.Model):
    """When the laundry collects from a ward and brings the linen back."""

    _name = "hospital.laundry.schedule"
    _description = "Laundry Schedule"
    _order = "department_id, weekday"
    _check_company_auto = True

    department_id = fields.Many2one(
        "hr.department", string="Ward", required=True, index=True
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    active = fields.Boolean(default=True)
    weekday = fields.Selection(WEEKDAYS, string="Collection Day", required=True)
    collection_hour = fields.Float(string="Collection Time", default=8.0)
    delivery_days = fields.Integer(
        string="Delivered After (days)",
        default=1,
        help="The clean linen is back this many days after collection.",
    )
    delivery_hour = fields.Float(string="Delivery Time", default=15.0)

    _weekday_uniq = models.Constraint(
        "UNIQUE (department_id, weekday)", "A ward is collected once a day."
    )
    _delivery_days_positive = models.Constraint(
        "CHECK (delivery_days >= 0)", "The delivery cannot come before collection."
    )
