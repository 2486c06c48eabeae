from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    hospital_tender_amount = fields.Monetary(
        related="company_id.hospital_tender_amount",
        readonly=False,
        currency_field="hospital_currency_id",
    )
    hospital_tender_min_bidders = fields.Integer(
        related="company_id.hospital_tender_min_bidders", readonly=False
    )
    hospital_negotiation_min_parties = fields.Integer(
        related="company_id.hospital_negotiation_min_parties", readonly=False
    )
    hospital_budget_estimate_amount = fields.Monetary(
        related="company_id.hospital_budget_estimate_amount",
        readonly=False,
        currency_field="hospital_currency_id",
    )
    hospital_works_archive_months = fields.Integer(
        related="company_id.hospital_works_archive_months", readonly=False
    )
    hospital_purchase_tax_included = fields.Boolean(
        related="company_id.hospital_purchase_tax_included", readonly=False
    )
    hospital_budget_review_months = fields.Integer(
        related="company_id.hospital_budget_review_months", readonly=False
    )
