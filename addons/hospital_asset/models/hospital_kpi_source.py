from odoo import api, fields, models


class HospitalKpiSource(models.AbstractModel):
    """Fixed assets' KPIs (DOMAIN.md §7, §8): how well the books match what
    the counts find, and how long a scrap request waits for its approval."""

    _inherit = "hospital.kpi.source"

    @api.model
    def _hospital_kpi_sources(self):
        return {
            **super()._hospital_kpi_sources(),
            "asset_count_accuracy": {
                "name": self.env._("Asset count accuracy"),
                "area": "asset",
                "unit": "%",
                "direction": "higher",
                "factor": 100.0,
                "target": 98.0,
                "compute": "_hospital_kpi_asset_count_accuracy",
            },
            "asset_scrap_turnaround": {
                "name": self.env._("Scrap approval time"),
                "area": "asset",
                "unit": "d",
                "direction": "lower",
                "factor": 1.0,
                "target": 15.0,
                "compute": "_hospital_kpi_asset_scrap_turnaround",
            },
        }

    @api.model
    def _hospital_kpi_asset_count_accuracy(self, date_from, date_to, company):
        """Of the lines of the counts posted in the period, those found where
        the books say: missing, wrong-room and surplus lines count against
        the department.  Two queries: the lines by department on the books
        and result, the surplus items on no books by count."""
        domain = [
            ("company_id", "=", company.id),
            ("count_id.state", "=", "posted"),
            ("count_id.date", ">=", date_from),
            ("count_id.date", "<", date_to),
        ]
        Line = self.env["hospital.asset.count.line"]
        result = {}

        def add(department_id, found, total):
            numerator, denominator = result.get(department_id, (0, 0))
            result[department_id] = (numerator + found, denominator + total)

        for department, outcome, number in Line._read_group(
            [*domain, ("expected_department_id", "!=", False)],
            ["expected_department_id", "result"],
            ["__count"],
        ):
            add(department.id, number if outcome == "found" else 0, number)
        # Surplus items on no books belong to the department counted.
        for count, number in Line._read_group(
            [*domain, ("expected_department_id", "=", False)],
            ["count_id"],
            ["__count"],
        ):
            add(count.department_id.id or False, 0, number)
        return result

    @api.model
    def _hospital_kpi_asset_scrap_turnaround(self, date_from, date_to, company):
        """Days from the request to its approval, for the scrap requests
        approved in the period: one query, grouped by request and approval
        day."""
        groups = self.env["hospital.asset.scrap"]._read_group(
            [
                ("company_id", "=", company.id),
                ("approved_date", ">=", fields.Datetime.to_datetime(date_from)),
                ("approved_date", "<", fields.Datetime.to_datetime(date_to)),
            ],
            ["department_id", "create_date:day", "approved_date:day"],
            ["__count"],
        )
        result = {}
        for department, requested, approved, number in groups:
            days, total = result.get(department.id or False, (0, 0))
            result[department.id or False] = (
                days + (approved - requested).days * number,
                total + number,
            )
        return result
