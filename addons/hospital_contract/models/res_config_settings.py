from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    hospital_major_contract_amount = fields.Monetary(
        related="company_id.hospital_major_contract_amount",
        readonly=False,
        currency_field="hospital_currency_id",
    )
    hospital_major_contract_years = fields.Float(
        related="company_id.hospital_major_contract_years", readonly=False
    )
    hospital_archive_retention_years = fields.Integer(
        related="company_id.hospital_archive_retention_years", readonly=False
    )
    hospital_archive_investment_amount = fields.Monetary(
        related="company_id.hospital_archive_investment_amount",
        readonly=False,
        currency_field="hospital_currency_id",
    )
    hospital_short_contract_months = fields.Integer(
        related="company_id.hospital_short_contract_months", readonly=False
    )
    hospital_short_contract_keep_years = fields.Integer(
        related="company_id.hospital_short_contract_keep_years", readonly=False
    )
    hospital_contract_notice_days = fields.Integer(
        related="company_id.hospital_contract_notice_days", readonly=False
    )
    hospital_major_review_months = fields.Integer(
        related="company_id.hospital_major_review_months", readonly=False
    )
    hospital_legal_representative_id = fields.Many2one(
        related="company_id.hospital_legal_representative_id", readonly=False
    )
