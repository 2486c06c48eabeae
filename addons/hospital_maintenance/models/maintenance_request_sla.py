from datetime import timedelta

from odoo import api, fields, models

from .maintenance_request import OPEN_STATES


# One model, one file per concern (issue 15): the request is extended here
# on purpose rather than merged into maintenance_request.py.
class MaintenanceRequest(models.Model):
    """The request's clocks (hospital.sla.mixin): respond within the response
    time (4 h, shorter in critical areas and emergencies), report back within
    the report-back time once dispatched (限时复命), resolve within the
    resolution time; waiting for parts or for the requester pauses them."""

    _inherit = "maintenance.request"  # pylint: disable=consider-merging-classes-inherited

    _hospital_sla_start_field = "reported_at"
    _hospital_sla_clocks = {
        "response": {
            "deadline": "response_deadline",
            "stop": "responded_at",
            "measure": "response_time",
            "on_time": "kpi_response_on_time",
        },
        "resolution": {
            "deadline": "resolution_deadline",
            "stop": "resolved_at",
            "measure": "resolution_time",
            "on_time": "kpi_resolution_on_time",
        },
    }
    _hospital_sla_hours_depends = (
        "service_category_id",
        "urgency",
        "department_id",
        "company_id",
    )
    _hospital_sla_running_depends = ("service_state", "report_back_deadline")

    reported_at = fields.Datetime(
        default=fields.Datetime.now, required=True, copy=False, readonly=True
    )
    response_deadline = fields.Datetime(
        compute="_compute_hospital_sla_deadlines", store=True, copy=False
    )
    resolution_deadline = fields.Datetime(
        compute="_compute_hospital_sla_deadlines", store=True, copy=False
    )
    report_back_deadline = fields.Datetime(
        string="Report-back Deadline",
        compute="_compute_report_back_deadline",
        store=True,
        copy=False,
        help="The technician reports back (限时复命) before this time.",
    )
    responded_at = fields.Datetime(copy=False, readonly=True)
    resolved_at = fields.Datetime(copy=False, readonly=True)
    sla_due_at = fields.Datetime(
        help="The next deadline of the request: response and report-back before "
        "the technician is on site, resolution afterwards. Empty while paused."
    )
    paused_hours = fields.Float(
        help="Time spent waiting for parts or for the requester; the SLA clock "
        "does not run meanwhile."
    )
    escalation_level = fields.Integer(copy=False, readonly=True, default=0)
    escalated_at = fields.Datetime(copy=False, readonly=True)
    # Measures, stored for the KPI reports
    response_time = fields.Float(
        string="Time to Respond (h)", copy=False, readonly=True, aggregator="avg"
    )
    resolution_time = fields.Float(
        string="Time to Resolve (h)", copy=False, readonly=True, aggregator="avg"
    )
    kpi_response_on_time = fields.Float(
        string="On-time Response (%)", copy=False, readonly=True, aggregator="avg"
    )
    kpi_resolution_on_time = fields.Float(
        string="On-time Resolution (%)", copy=False, readonly=True, aggregator="avg"
    )

    def _hospital_sla_hours(self):
        """Hours promised to this request, per clock.

        The one place where the SLA settings are read: the category may shorten
        or lengthen the hospital's times; a critical area (ICU, OR, ER) and an
        emergency (抢救/抢修) can only make them shorter.
        """
        self.ensure_one()
        company = self.company_id
        category = self.service_category_id
        response = category.response_hours or company.hospital_response_hours
        resolution = category.resolution_hours or company.hospital_resolution_hours
        if self.department_id.is_critical_area or self.urgency == "urgent":
            response = min(response, company.hospital_critical_response_hours)
        if self.urgency == "emergency":
            response = min(response, company.hospital_emergency_response_minutes / 60)
        return {"response": response, "resolution": max(resolution, response)}

    def _hospital_sla_running(self):
        return self.service_state in OPEN_STATES

    def _hospital_sla_running_deadlines(self):
        deadlines = super()._hospital_sla_running_deadlines()
        if deadlines and self.report_back_deadline and not self.responded_at:
            deadlines.append(self.report_back_deadline)
        return deadlines

    def _hospital_sla_on_time(self, clock, at):
        on_time = super()._hospital_sla_on_time(clock, at)
        if clock == "response" and self.report_back_deadline:
            on_time = on_time and at <= self.report_back_deadline
        return on_time

    @api.depends("dispatched_at", "company_id")
    def _compute_report_back_deadline(self):
        for request in self:
            request.report_back_deadline = request.dispatched_at and (
                request.dispatched_at
                + timedelta(hours=request.company_id.hospital_report_back_hours)
            )

    @api.model
    def _hospital_sla_fixture(self):
        team = self.env["maintenance.team"].create({"name": "SLA fixture team"})
        category = self.env["hospital.service.category"].create(
            {"name": "SLA fixture service", "kind": "cleaning", "team_id": team.id}
        )
        location = self.env["hospital.location"].create(
            {"building": "SLA fixture", "room": "1"}
        )
        return self.create(
            {
                "name": "SLA fixture request",
                "service_category_id": category.id,
                "location_id": location.id,
            }
        )

    @api.model
    def _cron_escalate(self):
        """Flag breaches and climb the escalation chain.

        A constant number of queries per rung, whatever the number of late
        requests: breaches are found by one search, and each rung of the
        chain finds and escalates its late requests in bulk.
        """
        self._hospital_sla_flag_breaches()
        now = fields.Datetime.now()
        # Every active rung of every company: a short configuration list, read
        # with the fields the rungs need in the same query.
        rungs = self.env["hospital.escalation.level"].search_fetch(
            [], ["company_id", "level", "offset_hours"]
        )
        for rung in rungs:
            rung._hospital_escalate(rung._hospital_reached_by(now))
