from odoo import api, models


class HospitalKpiSource(models.AbstractModel):
    """Vendor KPIs offered to the KPI addon: the locked and signed
    scorecards' KPI compliance and satisfaction (hospital-wide, no
    department)."""

    _inherit = "hospital.kpi.source"

    @api.model
    def _hospital_kpi_sources(self):
        return {
            **super()._hospital_kpi_sources(),
            "vendor_kpi_compliance": {
                "name": self.env._("Vendor KPI compliance"),
                "area": "vendor",
                "unit": "%",
                "direction": "higher",
                "factor": 1.0,
                "target": 95.0,
                "compute": "_hospital_kpi_vendor_compliance",
            },
            "vendor_satisfaction": {
                "name": self.env._("Vendor satisfaction"),
                "area": "vendor",
                "unit": "%",
                "direction": "higher",
                "factor": 1.0,
                "target": 90.0,
                "compute": "_hospital_kpi_vendor_satisfaction",
            },
        }

    def _hospital_vendor_scorecards(self, date_from, date_to, company, field):
        [(total, count)] = (
            self.env["hospital.outsourcing.scorecard"]
            .sudo()
            ._read_group(
                [
                    ("company_id", "=", company.id),
                    ("state", "in", ("signed", "locked")),
                    ("date_from", ">=", date_from),
                    ("date_from", "<", date_to),
                ]
                + (
                    [("survey_answer_count", ">", 0)] if field == "satisfaction" else []
                ),
                [],
                [f"{field}:sum", "__count"],
            )
        )
        return {False: (total or 0.0, count)} if count else {}

    @api.model
    def _hospital_kpi_vendor_compliance(self, date_from, date_to, company):
        """Mean score of the vendors' signed scorecards of the period."""
        return self._hospital_vendor_scorecards(date_from, date_to, company, "score")

    @api.model
    def _hospital_kpi_vendor_satisfaction(self, date_from, date_to, company):
        """Mean survey satisfaction of the vendors' signed scorecards."""
        return self._hospital_vendor_scorecards(
            date_from, date_to, company, "satisfaction"
        )
