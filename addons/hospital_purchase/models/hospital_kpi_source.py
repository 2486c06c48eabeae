from datetime import datetime, time

from odoo import api, models


class HospitalKpiSource(models.AbstractModel):
    _inherit = "hospital.kpi.source"

    @api.model
    def _hospital_kpi_sources(self):
        return {
            **super()._hospital_kpi_sources(),
            "procurement_cycle": {
                "name": self.env._("Procurement cycle (plan approval to receipt)"),
                "area": "procurement",
                "unit": "d",
                "direction": "lower",
                "factor": 1,
                "target": 30,
                "compute": "_hospital_kpi_procurement_cycle",
            },
        }

    @api.model
    def _hospital_kpi_procurement_cycle(self, date_from, date_to, company):
        """Σ days from plan approval to receipt ÷ orders received, per
        department, for the orders received in the period; one query."""
        groups = (
            self.env["purchase.order"]
            .sudo()
            ._read_group(
                [
                    ("company_id", "=", company.id),
                    ("state", "in", ("purchase", "done")),
                    ("hospital_plan_approved_date", "!=", False),
                    ("effective_date", ">=", datetime.combine(date_from, time.min)),
                    ("effective_date", "<", datetime.combine(date_to, time.min)),
                ],
                ["hospital_department_id"],
                ["hospital_cycle_days:sum", "__count"],
            )
        )
        return {
            department.id or False: (days, count) for department, days, count in groups
        }
