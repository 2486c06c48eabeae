from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.fields import Domain


class StockLot(models.Model):
    _inherit = "stock.lot"

    hospital_expiry_state = fields.Selection(
        selection=[
            ("ok", "Valid"),
            ("near", "Near Expiry"),
            ("expired", "Expired"),
        ],
        string="Expiry (过期失效)",
        compute="_compute_hospital_expiry_state",
        search="_search_hospital_expiry_state",
    )

    @api.model
    def _hospital_expired_domain(self):
        """Lots past their expiration date (过期失效): the one definition of
        expired, for what may be issued, consumed and reserved."""
        return Domain("expiration_date", "!=", False) & Domain(
            "expiration_date", "<=", fields.Datetime.now()
        )

    def _hospital_near_expiry_domain(self, companies):
        """Lots of ``companies`` that expire within the warning of their own
        company."""
        now = fields.Datetime.now()
        domains = []
        for company in companies.sudo():
            of_company = Domain("company_id", "=", company.id)
            if company == self.env.company:
                # A lot shared by every company warns as the current one.
                of_company |= Domain("company_id", "=", False)
            limit = now + relativedelta(days=company.hospital_expiry_warning_days)
            domains.append(
                of_company
                & Domain("expiration_date", ">", now)
                & Domain("expiration_date", "<=", limit)
            )
        return Domain.OR(domains)

    def _compute_hospital_expiry_state(self):
        expired = self.filtered_domain(self._hospital_expired_domain())
        near = (self - expired).filtered_domain(
            self._hospital_near_expiry_domain(self.company_id | self.env.company)
        )
        for lot in self:
            if lot in expired:
                lot.hospital_expiry_state = "expired"
            elif lot in near:
                lot.hospital_expiry_state = "near"
            else:
                lot.hospital_expiry_state = "ok"

    def _search_hospital_expiry_state(self, operator, value):
        if operator != "in":
            return NotImplemented
        expired = self._hospital_expired_domain()
        # The user reads the lots of the companies she works in.
        near = self._hospital_near_expiry_domain(self.env.companies | self.env.company)
        domains = {"expired": expired, "near": near, "ok": ~expired & ~near}
        return Domain.OR(domains[state] for state in value if state in domains)
