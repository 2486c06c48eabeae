from datetime import datetime, time, timedelta

import pytz

from odoo import api, fields, models
from odoo.exceptions import ValidationError

# Breakfast is cooked before the wards' morning round: its orders close the
# evening before.  The other meals close on their own day.
CUTOFF_FIELDS = {
    "breakfast": "hospital_meal_cutoff_breakfast",
    "lunch": "hospital_meal_cutoff_lunch",
    "dinner": "hospital_meal_cutoff_dinner",
    "extra": "hospital_meal_cutoff_extra",
}
CUTOFF_DAYS_BEFORE = {"breakfast": 1}


class ResCompany(models.Model):
    _inherit = "res.company"

    hospital_meal_cutoff_breakfast = fields.Float(
        string="Breakfast Orders Close (the evening before)",
        default=19.0,
        help="Time of the day before when the wards' breakfast orders close; "
        "later, only the canteen changes them.",
    )
    hospital_meal_cutoff_lunch = fields.Float(
        string="Lunch Orders Close",
        default=10.0,
        help="Time of the day when the wards' lunch orders close; later, only "
        "the canteen changes them.",
    )
    hospital_meal_cutoff_dinner = fields.Float(
        string="Dinner Orders Close",
        default=15.0,
        help="Time of the day when the wards' dinner orders close; later, only "
        "the canteen changes them.",
    )
    hospital_meal_cutoff_extra = fields.Float(
        string="Extra Meal Orders Close",
        default=14.0,
        help="Time of the day when the wards' orders of the extra meal (加餐) "
        "close; later, only the canteen changes them.",
    )

    @api.model
    def _hospital_threshold_kinds(self):
        return {
            **super()._hospital_threshold_kinds(),
            **dict.fromkeys(CUTOFF_FIELDS.values(), "period"),
        }

    @api.constrains(*CUTOFF_FIELDS.values())
    def _check_hospital_meal_cutoffs(self):
        for company in self:
            if any(company[fname] >= 24 for fname in CUTOFF_FIELDS.values()):
                raise ValidationError(
                    self.env._("A meal order cut-off is a time of day, before 24:00.")
                )

    def _hospital_meal_tz(self):
        self.ensure_one()
        return pytz.timezone(self.partner_id.tz or self.env.user.tz or "UTC")

    def _hospital_meal_cutoff(self, meal, day):
        """When the wards' orders of ``meal`` on ``day`` close, as a UTC
        datetime (the hospital's own clock gives the hour)."""
        self.ensure_one()
        hour = self[CUTOFF_FIELDS[meal]]
        local_day = day - timedelta(days=CUTOFF_DAYS_BEFORE.get(meal, 0))
        minutes = round(hour * 60)
        local = datetime.combine(local_day, time(minutes // 60, minutes % 60))
        return (self._hospital_meal_tz().localize(local).astimezone(pytz.UTC)).replace(
            tzinfo=None
        )
