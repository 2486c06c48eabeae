from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    hospital_licence_reminder_days = fields.Integer(
        related="company_id.hospital_licence_reminder_days", readonly=False
    )
