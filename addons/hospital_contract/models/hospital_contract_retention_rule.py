from odoo import api, fields, models
from odoo.exceptions import ValidationError

# Beyond this nobody keeps paper: it is also what a date can hold.
MAX_RETENTION_YEARS = 100


class HospitalContractRetentionRule(models.Model):
    """How long a contract is kept after it expires (保管期限).

    The first active rule (by sequence) that matches the contract's type,
    amount and term decides; short contracts follow the short-contract
    settings before any rule.
    """

    _name = "hospital.contract.retention.rule"
    _description = "Contract Retention Rule (保管期限规则)"
    _inherit = ["mail.thread"]
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True, tracking=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    type_id = fields.Many2one(
        "hospital.contract.type",
        string="Contract Type",
        tracking=True,
        help="Empty: every type.",
    )
    min_amount = fields.Monetary(
        string="From Amount",
        tracking=True,
        help="The rule applies to contracts of at least this amount.",
    )
    min_term_months = fields.Integer(
        string="From Term (months)",
        tracking=True,
        help="The rule applies to contracts running at least this many months.",
    )
    retention_years = fields.Integer(
        string="Kept (years after expiry)", required=True, default=10, tracking=True
    )

    @api.constrains("min_amount", "min_term_months", "retention_years")
    def _check_figures(self):
        for rule in self:
            if rule.min_amount < 0 or rule.min_term_months < 0:
                raise ValidationError(
                    self.env._("A retention rule's amount and term cannot be negative.")
                )
            if not 0 < rule.retention_years <= MAX_RETENTION_YEARS:
                raise ValidationError(
                    self.env._(
                        "A contract is kept between 1 and %(max)s years.",
                        max=MAX_RETENTION_YEARS,
                    )
                )

    def _hospital_matches(self, contract):
        self.ensure_one()
        return (
            (not self.type_id or self.type_id == contract.type_id)
            and contract.amount >= self.min_amount
            and contract.term_months >= self.min_term_months
        )

    @api.model_create_multi
    def create(self, vals_list):
        rules = super().create(vals_list)
        self.env["hospital.contract"]._hospital_recompute_thresholds(rules.company_id)
        return rules

    def write(self, vals):
        companies = self.company_id
        res = super().write(vals)
        self.env["hospital.contract"]._hospital_recompute_thresholds(
            companies | self.company_id
        )
        return res
