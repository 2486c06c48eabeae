from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    hospital_kpi_queue_threshold = fields.Integer(
        related="company_id.hospital_kpi_queue_threshold", readonly=False
    )
