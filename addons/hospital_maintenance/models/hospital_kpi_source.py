from odoo import api, fields, models


class HospitalKpiSource(models.AbstractModel):
    """The service desk's KPIs (DOMAIN.md §8), from the measures the SLA clocks
    stamp on each request: on-time response against the 4-hour (critical
    area, emergency) standard, mean time to respond, failures per equipment."""

    _inherit = "hospital.kpi.source"

    @api.model
    def _hospital_kpi_sources(self):
        return {
            **super()._hospital_kpi_sources(),
            "service_response_on_time": {
                "name": self.env._("On-time response rate"),
                "area": "service",
                "unit": "%",
                "direction": "higher",
                "factor": 100.0,
                "target": 95.0,
                "compute": "_hospital_kpi_service_response_on_time",
            },
            "service_response_time": {
                "name": self.env._("Mean response time"),
                "area": "service",
                "unit": "h",
                "direction": "lower",
                "factor": 1.0,
                "target": 2.0,
                "compute": "_hospital_kpi_service_response_time",
            },
            "equipment_failure_rate": {
                "name": self.env._("Equipment failure rate"),
                "area": "equipment",
                "unit": self.env._("requests/equipment"),
                "direction": "lower",
                "factor": 1.0,
                "target": 0.5,
                "compute": "_hospital_kpi_equipment_failure_rate",
            },
            "service_satisfaction": {
                "name": self.env._("Service desk satisfaction"),
                "area": "satisfaction",
                "unit": "%",
                "direction": "higher",
                # 5 stars = 100 %
                "factor": 20.0,
                "target": 90.0,
                "compute": "_hospital_kpi_service_satisfaction",
            },
        }

    def _hospital_kpi_responded(self, date_from, date_to, company, measure):
        """``{department: (Σ measure, responded requests)}`` of the requests
        responded to in ``[date_from, date_to)``: one query."""
        groups = self.env["maintenance.request"]._read_group(
            [
                ("company_id", "=", company.id),
                ("responded_at", ">=", fields.Datetime.to_datetime(date_from)),
                ("responded_at", "<", fields.Datetime.to_datetime(date_to)),
            ],
            ["department_id"],
            [f"{measure}:sum", "__count"],
        )
        return {dept.id or False: (total, count) for dept, total, count in groups}

    @api.model
    def _hospital_kpi_service_response_on_time(self, date_from, date_to, company):
        # kpi_response_on_time is 100 or 0 per request: Σ / 100 = on time.
        return {
            dept: (total / 100.0, count)
            for dept, (total, count) in self._hospital_kpi_responded(
                date_from, date_to, company, "kpi_response_on_time"
            ).items()
        }

    @api.model
    def _hospital_kpi_service_response_time(self, date_from, date_to, company):
        return self._hospital_kpi_responded(
            date_from, date_to, company, "response_time"
        )

    @api.model
    def _hospital_kpi_equipment_failure_rate(self, date_from, date_to, company):
        """Corrective requests on an equipment reported in the period, per
        equipment the department holds: two queries."""
        failures = self.env["maintenance.request"]._read_group(
            [
                ("company_id", "=", company.id),
                ("maintenance_type", "=", "corrective"),
                ("equipment_id", "!=", False),
                ("service_state", "!=", "cancel"),
                ("reported_at", ">=", fields.Datetime.to_datetime(date_from)),
                ("reported_at", "<", fields.Datetime.to_datetime(date_to)),
            ],
            ["department_id"],
            ["__count"],
        )
        equipment = self.env["maintenance.equipment"]._read_group(
            [("company_id", "in", (company.id, False))],
            ["department_id"],
            ["__count"],
        )
        held = {dept.id or False: count for dept, count in equipment}
        result = {dept: (0, count) for dept, count in held.items()}
        for dept, count in failures:
            key = dept.id or False
            result[key] = (count, held.get(key, 0))
        return result

    @api.model
    def _hospital_kpi_service_satisfaction(self, date_from, date_to, company):
        """The requesters' ratings (1–5 stars) of the requests closed in the
        period, per department: one query."""
        groups = self.env["maintenance.request"]._read_group(
            [
                ("company_id", "=", company.id),
                ("kpi_satisfaction", ">", 0),
                ("closed_at", ">=", fields.Datetime.to_datetime(date_from)),
                ("closed_at", "<", fields.Datetime.to_datetime(date_to)),
            ],
            ["department_id"],
            ["kpi_satisfaction:sum", "__count"],
        )
        return {dept.id or False: (total, count) for dept, total, count in groups}
