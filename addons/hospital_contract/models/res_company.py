from dateutil.relativedelta import relativedelta

from odoo import api, fields, models

# Thresholds whose change moves the stored figures of existing contracts
# (major flag, retention end, archive transfer, next review).
RETENTION_THRESHOLDS = (
    "hospital_major_contract_amount",
    "hospital_major_contract_years",
    "hospital_archive_retention_years",
    "hospital_archive_investment_amount",
    "hospital_short_contract_months",
    "hospital_short_contract_keep_years",
    "hospital_major_review_months",
)


class ResCompany(models.Model):
    _inherit = "res.company"

    hospital_major_contract_amount = fields.Monetary(
        string="Major Contract Amount",
        default=1_000_000.0,
        help="Contracts of at least this amount are major: they go to the "
        "president's office meeting (院长办公会).",
    )
    hospital_major_contract_years = fields.Float(
        string="Major Contract Term (years)",
        default=5.0,
        help="Contracts running at least this many years are major, whatever "
        "their amount.",
    )
    hospital_archive_retention_years = fields.Integer(
        string="Archive Office Retention (years)",
        default=16,
        help="Contracts kept at least this many years are transferred to the "
        "hospital archive office (院办档案室).",
    )
    hospital_archive_investment_amount = fields.Monetary(
        string="Archived Investment Amount",
        default=1_000_000.0,
        help="Investment contracts of at least this amount are transferred to "
        "the archive office.",
    )
    hospital_short_contract_months = fields.Integer(
        string="Short Contract Term (months)",
        default=12,
        help="A contract whose term is under this many months is a short one.",
    )
    hospital_short_contract_keep_years = fields.Integer(
        string="Short Contract Kept After Expiry (years)",
        default=2,
        help="Short contracts are kept this many years after they expire.",
    )
    hospital_contract_notice_days = fields.Integer(
        string="Contract Expiry Notice (days)",
        default=30,
        help="Contracts ending within this many days are flagged to the person "
        "handling them.",
    )
    hospital_major_review_months = fields.Integer(
        string="Major Contract Review Interval (months)",
        default=12,
        help="Major contracts in force are reviewed by the supervision group "
        "at this interval.",
    )
    hospital_legal_representative_id = fields.Many2one(
        "res.users",
        string="Legal Representative (法定代表人)",
        domain="[('share', '=', False)]",
        help="Signs contracts without an authorisation; anyone else needs a valid "
        "written authorisation (授权委托书).",
    )

    @api.model
    def _hospital_threshold_kinds(self):
        return {
            **super()._hospital_threshold_kinds(),
            "hospital_major_contract_amount": "amount",
            "hospital_major_contract_years": "period",
            "hospital_archive_retention_years": "period",
            "hospital_archive_investment_amount": "amount",
            "hospital_short_contract_months": "period",
            "hospital_short_contract_keep_years": "period",
            "hospital_contract_notice_days": "period",
            "hospital_major_review_months": "period",
        }

    def write(self, vals):
        res = super().write(vals)
        if set(vals) & set(RETENTION_THRESHOLDS):
            self.env["hospital.contract"]._hospital_recompute_thresholds(self)
        return res

    # The one place each contract threshold is read. -----------------------
    def _hospital_contract_is_major(self, amount, term_years):
        self.ensure_one()
        return (
            amount >= self.hospital_major_contract_amount
            or term_years >= self.hospital_major_contract_years
        )

    def _hospital_contract_short_keep_years(self, term_months):
        """Years a contract of ``term_months`` is kept after expiry when it is
        a short one, else ``None`` (the retention rules decide)."""
        self.ensure_one()
        if term_months < self.hospital_short_contract_months:
            return self.hospital_short_contract_keep_years
        return None

    def _hospital_contract_goes_to_archive(self, retention_years, amount, investment):
        self.ensure_one()
        return retention_years >= self.hospital_archive_retention_years or (
            investment and amount >= self.hospital_archive_investment_amount
        )

    def _hospital_contract_notice_limit(self, today):
        self.ensure_one()
        return today + relativedelta(days=self.hospital_contract_notice_days)

    def _hospital_contract_next_review(self, last):
        self.ensure_one()
        return last + relativedelta(months=self.hospital_major_review_months)
