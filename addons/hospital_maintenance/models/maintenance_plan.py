from odoo import api, models


class MaintenancePlan(models.Model):
    _inherit = "maintenance.plan"

    @api.model_create_multi
    def create(self, vals_list):
        plans = super().create(vals_list)
        plans._hospital_follow_settings()
        return plans

    @api.onchange("maintenance_kind_id")
    def _onchange_hospital_interval(self):
        self._hospital_follow_settings()

    def _hospital_follow_settings(self):
        for plan in self.filtered("maintenance_kind_id"):
            interval = plan.maintenance_kind_id._hospital_interval(
                plan.company_id or self.env.company
            )
            if interval and (plan.interval, plan.interval_step) != interval:
                plan.interval, plan.interval_step = interval
