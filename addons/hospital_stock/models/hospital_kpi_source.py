from odoo import api, fields, models


class HospitalKpiSource(models.AbstractModel):
    """Ward stock's KPIs (DOMAIN.md §2, §8): supply timeliness of the
    requisitions the warehouse issues and the differences found at the
    monthly reconciliation with logistics."""

    _inherit = "hospital.kpi.source"

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
            "ward_consumption_cost": {
                "name": self.env._("Consumption cost per department"),
                "area": "cost",
                "unit": "¥",
                "direction": "lower",
                "factor": 1.0,
                "target": 50000.0,
                "compute": "_hospital_kpi_ward_consumption_cost",
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
        # Days between the department head's signature and the issuer's.
        promised = company.hospital_supply_promised_days
        result = {}
        for dept, approved, issued, count in groups:
            on_time, total = result.get(dept.id or False, (0, 0))
            late = approved and (issued - approved).days > promised
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

    @api.model
    def _hospital_kpi_ward_consumption_cost(self, date_from, date_to, company):
        """What the wards consumed (实耗实销) in the period at the items' cost,
        per department: ``(cost, 1)``, so that the hospital-wide figure is the
        mean cost of a department.  Four queries whatever the number of moves:
        the consumed quantities per ward location and item, the locations'
        departments, the items' costs and the company they are read in."""
        groups = self.env["stock.move"]._read_group(
            [
                ("company_id", "=", company.id),
                ("state", "=", "done"),
                ("hospital_cost_center_id", "!=", False),
                ("location_id.hospital_department_id", "!=", False),
                ("date", ">=", fields.Datetime.to_datetime(date_from)),
                ("date", "<", fields.Datetime.to_datetime(date_to)),
            ],
            ["location_id", "product_id"],
            ["product_qty:sum"],
        )
        locations = self.env["stock.location"].browse(
            {loc.id for loc, _p, _q in groups}
        )
        products = self.env["product.product"].browse({p.id for _l, p, _q in groups})
        locations.fetch(["hospital_department_id"])
        products.with_company(company).fetch(["standard_price"])
        costs = {}
        for location, product, qty in groups:
            department = location.hospital_department_id.id
            costs[department] = (
                costs.get(department, 0.0)
                + qty * product.with_company(company).standard_price
            )
        return {department: (cost, 1) for department, cost in costs.items()}
