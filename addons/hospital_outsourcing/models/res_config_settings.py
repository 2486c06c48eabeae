from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    hospital_vendor_kpi_target = fields.Float(
        related="company_id.hospital_vendor_kpi_target", readonly=False
    )
    hospital_vendor_interruption_max = fields.Float(
        related="company_id.hospital_vendor_interruption_max", readonly=False
    )
    hospital_vendor_satisfaction_target = fields.Float(
        related="company_id.hospital_vendor_satisfaction_target", readonly=False
    )
    hospital_vendor_evaluation_months = fields.Integer(
        related="company_id.hospital_vendor_evaluation_months", readonly=False
    )
