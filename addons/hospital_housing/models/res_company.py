from odoo import api, fields, models
from odoo.exceptions import ValidationError


class ResCompany(models.Model):
    _inherit = "res.company"

    hospital_housing_curfew = fields.Float(
        string="Dormitory Curfew (hour)",
        default=23.0,
        help="Visitors leave the dormitories by this time of day (23.00 = 23:00); "
        "a guest still there later is a violation.",
    )
    hospital_housing_fine_min = fields.Monetary(
        string="Dormitory Fine: Minimum",
        default=100.0,
        help="Lowest fine for lending a bed, guests after the curfew or taking a "
        "spare bed.",
    )
    hospital_housing_fine_max = fields.Monetary(
        string="Dormitory Fine: Maximum",
        default=200.0,
        help="Highest fine the dormitory office may charge for one violation.",
    )

    @api.model
    def _hospital_threshold_kinds(self):
        return {
            **super()._hospital_threshold_kinds(),
            "hospital_housing_curfew": "period",
            "hospital_housing_fine_min": "amount",
            "hospital_housing_fine_max": "amount",
        }

    @api.constrains(
        "hospital_housing_curfew",
        "hospital_housing_fine_min",
        "hospital_housing_fine_max",
    )
    def _check_hospital_housing_settings(self):
        for company in self:
            if company.hospital_housing_curfew >= 24:
                raise ValidationError(
                    self.env._("The dormitory curfew is a time of day, before 24:00.")
                )
            if company.hospital_housing_fine_min > company.hospital_housing_fine_max:
                raise ValidationError(
                    self.env._("The minimum dormitory fine cannot exceed the maximum.")
                )
