from odoo import api, fields, models


class HospitalKpiSource(models.AbstractModel):
    """The satisfaction KPIs of the logistics surveys this addon keeps:
    mean score of the staff's and of the patients' completed answers."""

    _inherit = "hospital.kpi.source"

    @api.model
    def _hospital_kpi_sources(self):
        return {
            **super()._hospital_kpi_sources(),
            "staff_satisfaction": {
                "name": self.env._("Staff satisfaction"),
                "area": "satisfaction",
                "unit": "%",
                "direction": "higher",
                "factor": 1.0,
                "target": 90.0,
                "compute": "_hospital_kpi_staff_satisfaction",
            },
            "patient_satisfaction": {
                "name": self.env._("Patient satisfaction"),
                "area": "satisfaction",
                "unit": "%",
                "direction": "higher",
                "factor": 1.0,
                "target": 90.0,
                "compute": "_hospital_kpi_patient_satisfaction",
            },
        }

    def _hospital_survey_satisfaction(self, date_from, date_to, company, audience):
        """``{department: (Σ scores %, answers)}`` of the answers completed in
        the period to the audience's surveys: two queries."""
        links = (
            self.env["hospital.kpi.survey"]
            .sudo()
            .with_context(active_test=False)
            .search_fetch(
                [("company_id", "=", company.id), ("audience", "=", audience)],
                ["survey_id", "department_id"],
            )
        )
        department_of = {link.survey_id.id: link.department_id.id for link in links}
        groups = (
            self.env["survey.user_input"]
            .sudo()
            ._read_group(
                [
                    ("survey_id", "in", list(department_of)),
                    ("state", "=", "done"),
                    ("test_entry", "=", False),
                    ("end_datetime", ">=", fields.Datetime.to_datetime(date_from)),
                    ("end_datetime", "<", fields.Datetime.to_datetime(date_to)),
                ],
                ["survey_id"],
                ["scoring_percentage:sum", "__count"],
            )
        )
        result = {}
        for survey, total, count in groups:
            key = department_of.get(survey.id) or False
            score, answers = result.get(key, (0.0, 0))
            result[key] = (score + (total or 0.0), answers + count)
        return result

    @api.model
    def _hospital_kpi_staff_satisfaction(self, date_from, date_to, company):
        return self._hospital_survey_satisfaction(date_from, date_to, company, "staff")

    @api.model
    def _hospital_kpi_patient_satisfaction(self, date_from, date_to, company):
        return self._hospital_survey_satisfaction(
            date_from, date_to, company, "patients"
        )
