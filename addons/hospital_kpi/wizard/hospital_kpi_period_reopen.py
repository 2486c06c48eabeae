from odoo import fields, models


class HospitalKpiPeriodReopen(models.TransientModel):
    """Why a closed evaluation period is reopened: the reason goes to its
    chatter."""

    _name = "hospital.kpi.period.reopen"
    _description = "Reopen a KPI Period"

    period_id = fields.Many2one(
        "hospital.kpi.period", required=True, ondelete="cascade"
    )
    reason = fields.Text(required=True)

    def action_confirm(self):
        self.ensure_one()
        self.period_id._hospital_reopen(self.reason)
        return {"type": "ir.actions.act_window_close"}
