from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    hospital_housing_curfew = fields.Float(
        related="company_id.hospital_housing_curfew", readonly=False
    )
    hospital_housing_fine_min = fields.Monetary(
        related="company_id.hospital_housing_fine_min",
        readonly=False,
        currency_field="hospital_currency_id",
    )
    hospital_housing_fine_max = fields.Monetary(
        related="company_id.hospital_housing_fine_max",
        readonly=False,
        currency_field="hospital_currency_id",
    )
