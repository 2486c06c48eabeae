from odoo import api, fields, models


class HospitalKpiSource(models.AbstractModel):
    """The vehicle office's KPI (DOMAIN.md §3, §8): what a kilometre costs,
    fuel and repairs of the period over the kilometres the trips drove."""

    _inherit = "hospital.kpi.source"

    @api.model
    def _hospital_kpi_sources(self):
        return {
            **super()._hospital_kpi_sources(),
            "fleet_cost_per_km": {
                "name": self.env._("Vehicle cost per km"),
                "area": "fleet",
                "unit": "¥/km",
                "direction": "lower",
                "factor": 1.0,
                "target": 1.5,
                "compute": "_hospital_kpi_fleet_cost_per_km",
            },
        }

    @api.model
    def _hospital_kpi_fleet_cost_per_km(self, date_from, date_to, company):
        """Hospital-wide only: the vehicles serve every department, their costs
        are not the requesting department's. Three queries."""
        dates = [("date", ">=", date_from), ("date", "<", date_to)]
        cost = 0.0
        for model, cancelled in (
            ("fleet.vehicle.log.fuel", "cancelled"),
            ("fleet.vehicle.log.services", "cancelled"),
        ):
            [(amount,)] = self.env[model]._read_group(
                [
                    *dates,
                    ("vehicle_id.company_id", "in", (company.id, False)),
                    ("state", "!=", cancelled),
                ],
                [],
                ["amount:sum"],
            )
            cost += amount or 0.0
        [(distance,)] = self.env["hospital.fleet.trip"]._read_group(
            [
                ("company_id", "=", company.id),
                ("state", "in", ("returned", "done")),
                ("returned_at", ">=", fields.Datetime.to_datetime(date_from)),
                ("returned_at", "<", fields.Datetime.to_datetime(date_to)),
            ],
            [],
            ["distance:sum"],
        )
        return {False: (cost, distance or 0.0)} if cost or distance else {}
