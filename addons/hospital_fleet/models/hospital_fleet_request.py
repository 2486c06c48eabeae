from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.hospital_logistics.models.hospital_workflow_mixin import (
    ALL_FIELDS,
    hospital_transition,
)

from ..groups import DISPATCHER
from .fleet_vehicle import VEHICLE_KINDS

# What the department head may still complete on an emergency request that
# was dispatched before its paperwork (先派后补).
PAPERWORK_FIELDS = ("purpose", "passenger_count", "contact_phone", "date_end")


class HospitalFleetRequest(models.Model):
    _name = "hospital.fleet.request"
    _description = "Vehicle Request (公务用车申请单)"
    _hospital_sequence_code = "hospital.fleet.request"
    _inherit = ["mail.thread", "mail.activity.mixin", "hospital.sla.mixin"]
    _order = "date_start desc, id desc"
    _check_company_auto = True

    # The vehicle office answers (dispatches or refuses) a request within the
    # lead time, an emergency within the driver's ready time.
    _hospital_sla_start_field = "requested_at"
    _hospital_sla_clocks = {
        "response": {
            "deadline": "response_deadline",
            "stop": "answered_at",
            "measure": "response_hours",
            "on_time": "kpi_response_on_time",
        },
    }
    _hospital_sla_hours_depends = ("company_id", "is_emergency")
    _hospital_sla_running_depends = ("state", "is_emergency")

    _hospital_workflow_fields = (
        "state",
        "name",
        "submitted_at",
        "submitted_by_id",
        "dispatched_at",
    )
    _hospital_editable_states = {"draft": ALL_FIELDS}
    _hospital_free_fields = ("active", "note", "refuse_reason")

    name = fields.Char(string="Number", readonly=True, copy=False, default="/")
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    department_id = fields.Many2one(
        "hr.department",
        required=True,
        tracking=True,
        check_company=True,
        default=lambda self: self.env.user.hospital_department_ids[:1],
    )
    requester_id = fields.Many2one(
        "res.users",
        string="Requested by",
        required=True,
        tracking=True,
        default=lambda self: self.env.user,
        domain="[('share', '=', False)]",
        help="Uses the vehicle and signs the dispatch slip on return.",
    )
    contact_phone = fields.Char()
    purpose = fields.Char(required=True, tracking=True)
    destination = fields.Char(required=True, tracking=True)
    passenger_count = fields.Integer(string="Passengers", default=1, tracking=True)
    date_start = fields.Datetime(string="Departure", required=True, tracking=True)
    date_end = fields.Datetime(string="Return", required=True, tracking=True)
    vehicle_kind = fields.Selection(VEHICLE_KINDS, string="Vehicle Wanted")
    is_emergency = fields.Boolean(
        string="Emergency",
        tracking=True,
        help="Dispatched at once; the paperwork is completed afterwards "
        "(先派后补) and flagged until it is.",
    )
    is_patient_transport = fields.Boolean(
        string="Patient Transport",
        tracking=True,
        help="Ambulances carry patients; any other use of an ambulance needs the "
        "vehicle office's approval.",
    )
    note = fields.Text()
    refuse_reason = fields.Char()
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("submitted", "Submitted"),
            ("dispatched", "Dispatched"),
            ("done", "Done"),
            ("refused", "Refused"),
            ("cancel", "Cancelled"),
        ],
        default="draft",
        required=True,
        tracking=True,
        copy=False,
    )
    requested_at = fields.Datetime(
        default=fields.Datetime.now,
        required=True,
        readonly=True,
        copy=False,
        help="When the vehicle office received the request: at submission, or at "
        "once for an emergency.",
    )
    response_deadline = fields.Datetime(
        string="Answer Due",
        compute="_compute_hospital_sla_deadlines",
        store=True,
        copy=False,
    )
    answered_at = fields.Datetime(readonly=True, copy=False)
    response_hours = fields.Float(
        string="Answered in (h)", readonly=True, copy=False, aggregator="avg"
    )
    kpi_response_on_time = fields.Float(
        string="Answered on Time (%)", readonly=True, copy=False, aggregator="avg"
    )
    submitted_at = fields.Datetime(readonly=True, copy=False)
    submitted_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    dispatched_at = fields.Datetime(readonly=True, copy=False)
    paperwork_pending = fields.Boolean(
        string="Paperwork Missing",
        compute="_compute_paperwork_pending",
        store=True,
        help="An emergency trip left before its request was submitted by the "
        "department head.",
    )
    trip_ids = fields.One2many("hospital.fleet.trip", "request_id", string="Trips")
    trip_count = fields.Integer(compute="_compute_trip_count")

    @api.depends("is_emergency", "submitted_at", "state")
    def _compute_paperwork_pending(self):
        for request in self:
            request.paperwork_pending = (
                request.is_emergency
                and not request.submitted_at
                and request.state in ("dispatched", "done")
            )

    @api.depends("trip_ids")
    def _compute_trip_count(self):
        counts = dict(
            self.env["hospital.fleet.trip"]._read_group(
                [("request_id", "in", self.ids)], ["request_id"], ["__count"]
            )
        )
        for request in self:
            request.trip_count = counts.get(request, 0)

    @api.constrains("date_start", "date_end")
    def _check_return_after_departure(self):
        for request in self:
            if request.date_end <= request.date_start:
                raise ValidationError(
                    self.env._(
                        "%(request)s: the return (%(end)s) must come after the "
                        "departure (%(start)s).",
                        request=request.display_name,
                        end=request.date_end,
                        start=request.date_start,
                    )
                )

    @api.constrains("passenger_count")
    def _check_passenger_count(self):
        for request in self:
            if request.passenger_count < 0:
                raise ValidationError(
                    self.env._("The number of passengers cannot be negative.")
                )

    # ------------------------------------------------------------ SLA
    def _hospital_sla_hours(self):
        self.ensure_one()
        company = self.company_id or self.env.company
        if self.is_emergency:
            return {"response": company.hospital_vehicle_ready_minutes / 60}
        return {"response": self._hospital_lead_hours()}

    def _hospital_sla_running(self):
        return self.state == "submitted" or (
            self.is_emergency and self.state == "draft"
        )

    @api.model
    def _hospital_sla_fixture(self):
        department = self.env["hr.department"].create({"name": "SLA Fixture Ward"})
        start = fields.Datetime.now() + timedelta(minutes=30)
        return self.create(
            {
                "department_id": department.id,
                "purpose": "SLA fixture",
                "destination": "SLA fixture",
                "is_emergency": True,
                "date_start": start,
                "date_end": start + timedelta(hours=1),
            }
        )

    # ------------------------------------------------------------ rules
    def _hospital_department_heads(self):
        """Who signs a vehicle request for the department: its head (科主任)
        and its head nurse."""
        self.ensure_one()
        return self.department_id.manager_id.user_id | self.department_id.head_nurse_id

    def _hospital_lead_hours(self):
        """How long before departure a request must be submitted (Settings)."""
        return self.company_id.hospital_vehicle_request_lead_hours

    def _check_submitted_by_head(self):
        """Department heads request vehicles; the vehicle office may enter a
        request taken by phone on their behalf."""
        if self.env.su or self.env.user.has_group(DISPATCHER):
            return
        for request in self:
            if self.env.user not in request._hospital_department_heads():
                raise UserError(
                    self.env._(
                        "%(request)s is submitted by the head of %(department)s "
                        "(%(heads)s), not by %(user)s.",
                        request=request.display_name,
                        department=request.department_id.name,
                        heads=", ".join(
                            request._hospital_department_heads().mapped("name")
                        )
                        or self.env._("nobody is named head of it yet"),
                        user=self.env.user.name,
                    )
                )

    def _check_lead_time(self, now):
        """Non-emergency requests are made the day before (Settings); data
        loaded by the superuser (demo, migration) may be in the past."""
        if self.env.su:
            return
        for request in self.filtered(lambda r: not r.is_emergency):
            hours = request._hospital_lead_hours()
            if request.date_start < now + timedelta(hours=hours):
                raise UserError(
                    self.env._(
                        "%(request)s is late: vehicles are requested at least "
                        "%(hours)s hours before departure. Ask the vehicle office "
                        "by phone for an emergency (先派后补), or choose a later "
                        "departure.",
                        request=request.display_name,
                        hours=f"{hours:g}",
                    )
                )

    def _hospital_check_content_editable(self, fnames):
        pending = self.filtered(
            lambda r: r.paperwork_pending and not set(fnames) - set(PAPERWORK_FIELDS)
        )
        return super(
            HospitalFleetRequest, self - pending
        )._hospital_check_content_editable(fnames)

    # ------------------------------------------------------------ buttons
    @hospital_transition
    def action_submit(self):
        """Submit the request, or complete the paperwork of an emergency that
        has already left."""
        now = fields.Datetime.now()
        for request in self:
            if request.submitted_at or request.state not in ("draft", "dispatched"):
                raise UserError(
                    self.env._(
                        "%(request)s has already been submitted.",
                        request=request.display_name,
                    )
                )
        self._check_submitted_by_head()
        drafts = self.filtered(lambda r: r.state == "draft")
        drafts._check_lead_time(now)
        self.write({"submitted_at": now, "submitted_by_id": self.env.uid})
        # A request reaches the office when submitted; an emergency at once.
        drafts.filtered(lambda r: not r.is_emergency).write({"requested_at": now})
        drafts.write({"state": "submitted"})
        self.activity_feedback(["hospital_fleet.mail_act_hospital_fleet_paperwork"])

    @hospital_transition
    def action_refuse(self):
        if not self.env.user.has_group(DISPATCHER):
            raise UserError(self.env._("Only the vehicle office refuses a request."))
        for request in self:
            if request.state != "submitted":
                raise UserError(self.env._("Only a submitted request can be refused."))
            if not request.refuse_reason:
                raise UserError(
                    self.env._(
                        "Say why %(request)s is refused (Refusal Reason) before "
                        "refusing it.",
                        request=request.display_name,
                    )
                )
        self._hospital_sla_stop("response")
        self.write({"state": "refused"})

    @hospital_transition
    def action_cancel(self):
        for request in self:
            if request.state not in ("draft", "submitted"):
                raise UserError(
                    self.env._(
                        "%(request)s has been dispatched: the vehicle office "
                        "cancels its trips first.",
                        request=request.display_name,
                    )
                )
        self.write({"state": "cancel"})

    @hospital_transition
    def action_draft(self):
        for request in self:
            if request.state not in ("refused", "cancel"):
                raise UserError(
                    self.env._("Only a refused or cancelled request returns to draft.")
                )
        self.write({"state": "draft", "submitted_at": False, "submitted_by_id": False})
        self._hospital_sla_restart("response")

    def action_plan_trip(self):
        """Open a new dispatch slip for this request (vehicle office)."""
        self.ensure_one()
        if self.state != "submitted" and not (
            self.is_emergency and self.state in ("draft", "dispatched")
        ):
            raise UserError(
                self.env._(
                    "%(request)s must be submitted by the department head before a "
                    "vehicle is dispatched (only emergencies leave first).",
                    request=self.display_name,
                )
            )
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Dispatch Slip"),
            "res_model": "hospital.fleet.trip",
            "view_mode": "form",
            "target": "current",
            "context": {
                "default_request_id": self.id,
                "default_department_id": self.department_id.id,
                "default_user_id": self.requester_id.id,
                "default_purpose": self.purpose,
                "default_destination": self.destination,
                "default_passenger_count": self.passenger_count,
                "default_date_start": fields.Datetime.to_string(self.date_start),
                "default_date_end": fields.Datetime.to_string(self.date_end),
                "default_is_patient_transport": self.is_patient_transport,
            },
        }

    def action_view_trips(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "hospital_fleet.hospital_fleet_trip_action"
        )
        action["domain"] = [("request_id", "=", self.id)]
        action["context"] = {"create": False}
        return action

    # ----------------------------------------------- called by the trips
    def _hospital_trip_dispatched(self, trip):
        """A trip of these requests was dispatched (a transition of the trip)."""
        now = fields.Datetime.now()
        for request in self._hospital_transition():
            if request.state in ("draft", "submitted"):
                request._hospital_sla_stop("response", now)
                request.write({"state": "dispatched", "dispatched_at": now})
            if request.is_emergency and not request.submitted_at:
                request._hospital_ask_paperwork(trip)

    def _hospital_ask_paperwork(self, trip):
        self.ensure_one()
        for head in self._hospital_department_heads() or self.requester_id:
            self.activity_schedule(
                "hospital_fleet.mail_act_hospital_fleet_paperwork",
                user_id=head.id,
                summary=self.with_context(lang=head.lang).env._(
                    "Emergency trip %(trip)s left: complete and submit the request",
                    trip=trip.name,
                ),
            )

    def _hospital_trips_closed(self):
        """Done once every trip is closed; back in the office's queue when
        every trip was cancelled."""
        for request in self._hospital_transition():
            states = set(request.trip_ids.mapped("state"))
            if request.state != "dispatched" or states - {"done", "cancel"}:
                continue
            if "done" in states:
                request.state = "done"
            else:
                request.state = "submitted" if request.submitted_at else "draft"
