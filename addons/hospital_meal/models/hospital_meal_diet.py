from odoo import fields, models


class HospitalMealDiet(models.Model):
    """A diet the doctors prescribe and the canteen cooks (治疗膳食): normal,
    soft, liquid, diabetic, low-salt... or fasting (禁食), which is ordered
    to tell the canteen that the patient gets nothing."""

    _name = "hospital.meal.diet"
    _description = "Patient Diet"
    _order = "sequence, name"

    name = fields.Char(required=True, translate=True)
    code = fields.Char(help="Short code printed on the kitchen sheet.")
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    is_fasting = fields.Boolean(
        string="Fasting",
        help="Patients on this diet get no meal: their lines are not counted in "
        "the kitchen's totals.",
    )
    description = fields.Text(translate=True)
