from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    hospital_ward_check_days = fields.Integer(
        related="company_id.hospital_ward_check_days", readonly=False
    )
    hospital_expiry_warning_days = fields.Integer(
        related="company_id.hospital_expiry_warning_days", readonly=False
    )
    hospital_loss_approval_amount = fields.Monetary(
        related="company_id.hospital_loss_approval_amount",
        readonly=False,
        currency_field="hospital_currency_id",
    )
    hospital_stocktake_months = fields.Integer(
        related="company_id.hospital_stocktake_months", readonly=False
    )
    hospital_supply_promised_days = fields.Integer(
        related="company_id.hospital_supply_promised_days", readonly=False
    )
