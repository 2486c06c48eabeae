from odoo import api, fields, models
from odoo.exceptions import ValidationError


class ResCompany(models.Model):
    _inherit = "res.company"

    hospital_tender_amount = fields.Monetary(
        string="Purchases Needing Tender or Negotiation",
        default=100000.0,
        help="A purchase (goods or works) at or above this estimated amount is "
        "bought through a tender or a negotiation, never by a plain quotation.",
    )
    hospital_tender_min_bidders = fields.Integer(
        string="Minimum Bidders in a Tender",
        default=4,
        help="A tender is awarded only with at least this many valid bids.",
    )
    hospital_negotiation_min_parties = fields.Integer(
        string="Minimum Parties in a Negotiation",
        default=2,
        help="A negotiation is awarded only with at least this many valid offers.",
    )
    hospital_budget_estimate_amount = fields.Monetary(
        string="Works Needing a Budget Estimate",
        default=1000.0,
        help="Construction and repair works above this amount are ordered only "
        "once their budget estimate is filed.",
    )
    hospital_works_archive_months = fields.Integer(
        string="Works Archive Hand-over (months)",
        default=3,
        help="Works archives go to the archive office within this many months of "
        "completion; later ones are flagged.",
    )
    hospital_purchase_tax_included = fields.Boolean(
        string="Budgets and Thresholds Include VAT",
        default=True,
        help="A public hospital deducts no input VAT on what it buys for "
        "patient care: what a purchase costs its budget, and the amount the "
        "tender and works thresholds apply to, include the taxes. Untick only "
        "if the hospital deducts input VAT; the orders' budget consumption is "
        "then recomputed without taxes.",
    )
    hospital_budget_review_months = fields.Integer(
        string="Budget Execution Review (months)",
        default=6,
        help="A department budget's execution is reviewed at least this often.",
    )

    @api.model
    def _hospital_threshold_kinds(self):
        return {
            **super()._hospital_threshold_kinds(),
            "hospital_tender_amount": "amount",
            "hospital_tender_min_bidders": "count",
            "hospital_negotiation_min_parties": "count",
            "hospital_budget_estimate_amount": "amount",
            "hospital_works_archive_months": "period",
            "hospital_budget_review_months": "period",
        }

    @api.constrains("hospital_tender_min_bidders", "hospital_negotiation_min_parties")
    def _check_hospital_negotiation_parties(self):
        for company in self:
            if (
                company.hospital_negotiation_min_parties
                > company.hospital_tender_min_bidders
            ):
                raise ValidationError(
                    self.env._(
                        "A negotiation cannot require more parties (%(parties)s) "
                        "than a tender requires bidders (%(bidders)s).",
                        parties=company.hospital_negotiation_min_parties,
                        bidders=company.hospital_tender_min_bidders,
                    )
                )

    def _hospital_min_bids(self, method):
        """Valid bids an award by ``method`` needs (DOMAIN.md §4)."""
        self.ensure_one()
        return {
            "tender": self.hospital_tender_min_bidders,
            "negotiation": self.hospital_negotiation_min_parties,
        }.get(method, 1)
