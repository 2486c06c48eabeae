from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    hospital_asset_count_department_months = fields.Integer(
        related="company_id.hospital_asset_count_department_months", readonly=False
    )
    hospital_asset_count_hospital_months = fields.Integer(
        related="company_id.hospital_asset_count_hospital_months", readonly=False
    )
    hospital_asset_scrap_meeting_amount = fields.Monetary(
        related="company_id.hospital_asset_scrap_meeting_amount",
        readonly=False,
        currency_field="hospital_currency_id",
    )
    hospital_asset_deputy_director_id = fields.Many2one(
        related="company_id.hospital_asset_deputy_director_id", readonly=False
    )
