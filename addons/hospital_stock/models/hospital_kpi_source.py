from odoo import api, fields, models


class HospitalKpiSource(models.AbstractModel):
    """Ward stock's KPIs (DOMAIN.md §2, §8): supply timeliness of the
    requisitions the warehouse issues and the differences found at the
    monthly reconciliation with logistics."""

    _inherit = "hospital.kpi.source"

    # The warehouse's promise: goods of an approved requisition are issued the
    # same day or the next one (days between the department head's signature
    # and the issuer's).
    _hospital_supply_promised_days = 1

    @api.model
    def _hospital_kpi_sources(self):
        return {
            **super()._hospital_kpi_sources(),
            "supply_timeliness": {
                "name": self.env._("Supply timeliness"),
                "area": "supply",
                "unit": "%",
                "direction": "higher",
                "factor": 100.0,
                "target": 98.0,
                "compute": "_hospital_kpi_supply_timeliness",
            },
            "stock_reconciliation_difference": {
                "name": self.env._("Reconciliation differences"),
                "area": "stock",
                "unit": "%",
                "direction": "lower",
                "factor": 100.0,
                "target": 2.0,
                "compute": "_hospital_kpi_stock_reconciliation_difference",
            },
        }

    @api.model
    def _hospital_kpi_supply_timeliness(self, date_from, date_to, company):
        """Requisitions issued in the period within the promised days of their
        approval, of all issued: one query, grouped by approval and issue day."""
        groups = self.env["hospital.stock.requisition"]._read_group(
            [
                ("company_id", "=", company.id),
                ("state", "in", ("issued", "done")),
                ("issuer_signature_date", ">=", fields.Datetime.to_datetime(date_from)),
                ("issuer_signature_date", "<", fields.Datetime.to_datetime(date_to)),
            ],
            [
                "department_id",
                "approver_signature_date:day",
                "issuer_signature_date:day",
            ],
            ["__count"],
        )
        result = {}
        for dept, approved, issued, count in groups:
            on_time, total = result.get(dept.id or False, (0, 0))
            late = (
                approved
                and (issued - approved).days > self._hospital_supply_promised_days
            )
            result[dept.id or False] = (on_time + (0 if late else count), total + count)
        return result

    @api.model
    def _hospital_kpi_stock_reconciliation_difference(
        self, date_from, date_to, company
    ):
        """Items of the locked monthly reconciliations of the period whose
        count differs from the books, of all items reconciled: two queries."""
        domain = [
            ("company_id", "=", company.id),
            ("reconciliation_id.state", "=", "locked"),
            ("reconciliation_id.month", ">=", date_from),
            ("reconciliation_id.month", "<", date_to),
        ]
        Line = self.env["hospital.stock.reconciliation.line"]
        totals = Line._read_group(domain, ["department_id"], ["__count"])
        differing = dict(
            Line._read_group(
                [*domain, ("difference", "!=", 0)], ["department_id"], ["__count"]
            )
        )
        return {
            dept.id or False: (differing.get(dept, 0), count) for dept, count in totals
        }
