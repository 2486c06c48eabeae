from dateutil.relativedelta import relativedelta

from odoo import fields, models


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

    def _hospital_expiry_limits(self):
        """(now, warning limit): lots expiring before the limit are near expiry."""
        now = fields.Datetime.now()
        days = self.env.company.hospital_expiry_warning_days
        return now, now + relativedelta(days=days)

    def _compute_hospital_expiry_state(self):
        now, limit = self._hospital_expiry_limits()
        for lot in self:
            if not lot.expiration_date or lot.expiration_date > limit:
                lot.hospital_expiry_state = "ok"
            elif lot.expiration_date <= now:
                lot.hospital_expiry_state = "expired"
            else:
                lot.hospital_expiry_state = "near"

    def _search_hospital_expiry_state(self, operator, value):
        if operator != "in":
            return NotImplemented
        now, limit = self._hospital_expiry_limits()
        domains = {
            "expired": [("expiration_date", "<=", now)],
            "near": [("expiration_date", ">", now), ("expiration_date", "<=", limit)],
            "ok": [
                "|",
                ("expiration_date", "=", False),
                ("expiration_date", ">", limit),
            ],
        }
        return fields.Domain.OR(domains[state] for state in value if state in domains)
