from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from odoo.addons.hospital_logistics.groups import MANAGER
from odoo.addons.hospital_logistics.models.hospital_workflow_mixin import (
    hospital_transition,
)

from .hospital_service_category import RATINGS
from .input_limits import TEXT


# One model, one file per concern (issue 15): the request is extended here
# on purpose rather than merged into maintenance_request.py.
class MaintenanceRequest(models.Model):
    """The closed loop (反馈 → 评价): the requester confirms and rates the
    work, an unsatisfied rating reopens it with a callback (回访), the manager
    may close it, and what nobody confirms closes by itself."""

    _inherit = "maintenance.request"  # pylint: disable=consider-merging-classes-inherited

    closed_at = fields.Datetime(copy=False, readonly=True)
    close_kind = fields.Selection(
        [
            ("confirmed", "Confirmed by Requester"),
            ("auto", "Closed Automatically"),
            ("manager", "Closed by Manager"),
        ],
        string="Closed As",
        copy=False,
        readonly=True,
        tracking=True,
    )
    reopen_count = fields.Integer(string="Reopened", copy=False, readonly=True)
    rating = fields.Selection(RATINGS, copy=False, readonly=True, tracking=True)
    rating_comment = fields.Text(copy=False, readonly=True)
    kpi_first_time_fix = fields.Float(
        string="First-time Fix (%)", copy=False, readonly=True, aggregator="avg"
    )
    kpi_satisfaction = fields.Float(
        string="Satisfaction (1-5)", copy=False, readonly=True, aggregator="avg"
    )

    def _hospital_close(self, kind):
        """Close these requests as ``kind`` (confirmed, auto, manager): the one
        place that says what closing records, first-time fix included."""
        now = fields.Datetime.now()
        reopened = self.filtered("reopen_count")
        for requests, first_time_fix in ((self - reopened, 100.0), (reopened, 0.0)):
            if requests:
                requests.write(
                    {
                        "service_state": "closed",
                        "closed_at": now,
                        "close_kind": kind,
                        "kpi_first_time_fix": first_time_fix,
                    }
                )

    def action_open_rating(self):
        self.ensure_one()
        self._hospital_check_can_rate()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Confirm and Rate"),
            "res_model": "hospital.request.rate.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {"default_request_id": self.id},
        }

    def _hospital_check_can_rate(self):
        for request in self:
            if request.requester_id != self.env.user:
                raise UserError(
                    self.env._(
                        "Only %(requester)s, who reported %(request)s, can confirm "
                        "and rate it.",
                        requester=request.requester_id.name,
                        request=request.name,
                    )
                )
            if request.service_state != "done":
                raise UserError(
                    self.env._(
                        "%(request)s is not completed yet: there is nothing "
                        "to confirm.",
                        request=request.name,
                    )
                )

    @hospital_transition
    def action_confirm_rating(self, score, comment=False):
        """The requester confirms the work and rates it (1–5).

        An unsatisfied rating reopens the request and asks the team leader to
        call the requester back (回访); otherwise the request is closed.
        """
        self.ensure_one()
        if not isinstance(score, int) or not 1 <= score <= 5:
            raise ValidationError(
                self.env._(
                    "A rating goes from 1 to 5 stars, not %(score)s.", score=score
                )
            )
        if comment and (not isinstance(comment, str) or len(comment) > TEXT):
            raise ValidationError(
                self.env._(
                    "A rating comment is a text of at most %(limit)s characters.",
                    limit=TEXT,
                )
            )
        self._hospital_check_can_rate()
        request = self.sudo()
        request.write(
            {
                "rating": str(score),
                "rating_comment": comment,
                "kpi_satisfaction": float(score),
            }
        )
        if score > request.company_id.hospital_unsatisfied_rating:
            request._hospital_close("confirmed")
            return True
        request.write(
            {
                "service_state": "in_progress",
                "reopen_count": request.reopen_count + 1,
                "kpi_first_time_fix": 0.0,
            }
        )
        request._hospital_sla_restart("resolution")
        request._hospital_set_stage("maintenance.stage_1")
        leader = request.maintenance_team_id.user_id or request.user_id
        request.activity_schedule(
            "hospital_maintenance.mail_act_hospital_callback",
            user_id=leader.id or self.env.uid,
            note=comment,
        )
        return True

    @hospital_transition
    def action_close(self):
        """The logistics manager closes a request without the requester."""
        if not self.env.user.has_group(MANAGER):
            raise AccessError(
                self.env._("Only the logistics manager closes a request directly.")
            )
        for request in self:
            if not request.responded_at:
                raise UserError(
                    self.env._(
                        "%(request)s was never responded to: it cannot be closed. "
                        "Cancel it if it is not needed any more.",
                        request=request.name,
                    )
                )
        self._hospital_check_state(("done",), self.env._("close"))
        self._hospital_close("manager")
        return True

    @api.model
    @hospital_transition
    def _cron_autoclose(self):
        """Close completed requests the requester never confirmed."""
        now = fields.Datetime.now()
        # Only the (active) companies that have completed requests to close.
        groups = self._read_group(
            [("service_state", "=", "done"), ("company_id.active", "=", True)],
            ["company_id"],
        )
        for (company,) in groups:
            limit = now - timedelta(days=company.hospital_autoclose_days)
            self.search(
                [
                    ("company_id", "=", company.id),
                    ("service_state", "=", "done"),
                    ("resolved_at", "<=", limit),
                ]
            ).with_context(tracking_disable=True)._hospital_close("auto")
