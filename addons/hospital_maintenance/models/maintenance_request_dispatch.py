from odoo import fields, models
from odoo.exceptions import UserError

from odoo.addons.hospital_logistics.models.hospital_workflow_mixin import (
    hospital_transition,
)

ESCALATION_ACTIVITY = "hospital_maintenance.mail_act_hospital_escalation"
DISPATCH_ACTIVITY = "hospital_maintenance.mail_act_hospital_dispatch"


# One model, one file per concern (issue 15): the request is extended here
# on purpose rather than merged into maintenance_request.py.
class MaintenanceRequest(models.Model):
    """Dispatch (派单), report-back from the site (限时复命) and pauses."""

    _inherit = "maintenance.request"  # pylint: disable=consider-merging-classes-inherited

    dispatched_at = fields.Datetime(copy=False, readonly=True)
    pause_reason = fields.Selection(
        [("parts", "Waiting for Parts"), ("requester", "Waiting for the Requester")],
        tracking=True,
        copy=False,
        readonly=True,
    )

    def _hospital_dispatch_emergencies(self):
        """Emergencies (抢救/抢修) go at once to the on-duty technician."""
        emergencies = self.filtered(
            lambda r: r.urgency == "emergency" and r.service_state == "new"
        )
        for request in emergencies:
            technician = request.user_id or request.maintenance_team_id.duty_user_id
            if technician:
                request.sudo().user_id = technician
                request.sudo()._hospital_dispatch()
            elif leader := request.maintenance_team_id.user_id:
                # Nobody on duty to send: the team leader must act now.
                request.sudo().activity_schedule(
                    ESCALATION_ACTIVITY,
                    user_id=leader.id,
                    summary=self.with_context(lang=leader.lang).env._(
                        "Emergency without on-duty technician"
                    ),
                )

    @hospital_transition
    def action_dispatch(self):
        self._hospital_check_staff()
        self._hospital_check_state(("new", "dispatched"), self.env._("dispatch"))
        for request in self:
            if not request.user_id:
                raise UserError(
                    self.env._(
                        "Choose the technician to send for %(request)s.",
                        request=request.name,
                    )
                )
        self._hospital_dispatch()
        return True

    @hospital_transition
    def _hospital_dispatch(self):
        now = fields.Datetime.now()
        self.write({"service_state": "dispatched", "dispatched_at": now})
        self._hospital_set_stage("maintenance.stage_1")
        for request in self:
            request.activity_schedule(
                DISPATCH_ACTIVITY,
                user_id=request.user_id.id,
                date_deadline=fields.Date.context_today(request),
                summary=self.with_context(lang=request.user_id.lang).env._(
                    "Report back by %(time)s",
                    time=fields.Datetime.to_string(request.report_back_deadline),
                ),
            )

    @hospital_transition
    def action_respond(self):
        """The technician reports back from the site (到场/复命)."""
        self._hospital_check_staff()
        self._hospital_check_state(("new", "dispatched"), self.env._("start"))
        now = fields.Datetime.now()
        for request in self:
            vals = {"service_state": "in_progress"}
            if not request.user_id:
                vals["user_id"] = self.env.uid
            if not request.dispatched_at:
                vals["dispatched_at"] = now
            request.write(vals)
        self._hospital_sla_stop("response", now)
        self.activity_feedback([DISPATCH_ACTIVITY])
        self._hospital_close_reminders(
            [ESCALATION_ACTIVITY],
            self.env._("The technician is on site: the request was responded to."),
        )
        self._hospital_set_stage("maintenance.stage_1")
        return True

    @hospital_transition
    def action_pause(self, reason="parts"):
        self._hospital_check_staff()
        self._hospital_check_state(("dispatched", "in_progress"), self.env._("pause"))
        if reason not in dict(self._fields["pause_reason"].selection):
            raise UserError(self.env._("Say why the work waits: parts or requester."))
        self.write({"service_state": "waiting", "pause_reason": reason})
        self._hospital_sla_pause()
        return True

    def action_pause_requester(self):
        return self.action_pause("requester")

    @hospital_transition
    def action_resume(self):
        self._hospital_check_staff()
        self._hospital_check_state(("waiting",), self.env._("resume"))
        self._hospital_sla_resume()
        for request in self:
            request.write(
                {
                    "service_state": "in_progress"
                    if request.responded_at
                    else "dispatched",
                    "pause_reason": False,
                }
            )
        return True
