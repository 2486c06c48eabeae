from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    hospital_meal_cutoff_breakfast = fields.Float(
        related="company_id.hospital_meal_cutoff_breakfast", readonly=False
    )
    hospital_meal_cutoff_lunch = fields.Float(
        related="company_id.hospital_meal_cutoff_lunch", readonly=False
    )
    hospital_meal_cutoff_dinner = fields.Float(
        related="company_id.hospital_meal_cutoff_dinner", readonly=False
    )
    hospital_meal_cutoff_extra = fields.Float(
        related="company_id.hospital_meal_cutoff_extra", readonly=False
    )
