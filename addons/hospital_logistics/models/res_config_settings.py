from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    # Addons declare their thresholds' fields here, related to the company.
    hospital_currency_id = fields.Many2one(
        related="company_id.currency_id", string="Currency of the Thresholds"
    )
