from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from .hospital_service_category import RATINGS, URGENCIES

OPEN_STATES = ("new", "dispatched", "in_progress", "waiting")
# Fields that only the logistics side moves, through the buttons of the form:
# a requester may edit the description of the request, not its clock.
CLOCK_FIELDS = {
    "service_state",
    "reported_at",
    "dispatched_at",
    "responded_at",
    "resolved_at",
    "closed_at",
    "close_kind",
    "paused_since",
    "paused_hours",
    "escalation_level",
    "escalated_at",
    "is_breached",
    "reopen_count",
    "notice_state",
    "rating",
    "rating_comment",
    "response_time",
    "resolution_time",
    "kpi_response_on_time",
    "kpi_resolution_on_time",
    "kpi_first_time_fix",
    "kpi_satisfaction",
}

# Stamped by the escalation job only, never under tier validation control.
ESCALATION_FIELDS = {"is_breached", "escalation_level", "escalated_at"}


class MaintenanceRequest(models.Model):
    _name = "maintenance.request"
    _inherit = ["maintenance.request", "hospital.tier.validation"]

    # Tier validation guards the completion of a costly repair.
    _state_field = "service_state"
    _state_from = ["in_progress"]
    _state_to = ["done"]
    _cancel_state = "cancel"
    _tier_validation_manual_config = False

    service_category_id = fields.Many2one(
        "hospital.service.category",
        string="Service",
        check_company=True,
        index=True,
        tracking=True,
        help="What is asked for: it decides the team, the urgency and the "
        "response and resolution times.",
    )
    service_kind = fields.Selection(related="service_category_id.kind", store=True)
    department_id = fields.Many2one(
        "hr.department",
        string="Requesting Department",
        compute="_compute_department_id",
        store=True,
        readonly=False,
        index=True,
        check_company=True,
        tracking=True,
    )
    location_id = fields.Many2one(
        "hospital.location",
        compute="_compute_location_id",
        store=True,
        readonly=False,
        index="btree_not_null",
        check_company=True,
        tracking=True,
        help="Building, floor and room where the service is needed.",
    )
    requester_id = fields.Many2one(
        "res.users",
        default=lambda self: self.env.user,
        required=True,
        index=True,
        tracking=True,
        domain="[('share', '=', False)]",
        help="Who asked for the service; the hotline operator enters the caller. "
        "The requester confirms and rates the work.",
    )
    requester_phone = fields.Char(
        string="Call-back Phone", help="Extension to call the requester back on."
    )
    channel = fields.Selection(
        [
            ("qr", "QR Code"),
            ("hotline", "Hotline"),
            ("desk", "Service Desk"),
            ("rounds", "Weekly Rounds"),
            ("plan", "Preventive Plan"),
        ],
        default="desk",
        required=True,
    )
    urgency = fields.Selection(
        URGENCIES,
        compute="_compute_urgency",
        store=True,
        readonly=False,
        required=True,
        tracking=True,
        precompute=True,
    )
    service_state = fields.Selection(
        [
            ("new", "Reported"),
            ("dispatched", "Dispatched"),
            ("in_progress", "In Progress"),
            ("waiting", "Paused"),
            ("done", "Completed"),
            ("closed", "Closed"),
            ("cancel", "Cancelled"),
        ],
        string="Status",
        default="new",
        required=True,
        index=True,
        tracking=True,
        copy=False,
    )
    pause_reason = fields.Selection(
        [("parts", "Waiting for Parts"), ("requester", "Waiting for the Requester")],
        tracking=True,
        copy=False,
    )
    # SLA clock
    reported_at = fields.Datetime(
        default=fields.Datetime.now, required=True, copy=False, readonly=True
    )
    response_deadline = fields.Datetime(
        compute="_compute_deadlines", store=True, copy=False
    )
    resolution_deadline = fields.Datetime(
        compute="_compute_deadlines", store=True, copy=False
    )
    dispatched_at = fields.Datetime(copy=False, readonly=True)
    report_back_deadline = fields.Datetime(
        string="Report-back Deadline",
        compute="_compute_report_back_deadline",
        store=True,
        copy=False,
        help="The technician reports back (限时复命) before this time.",
    )
    responded_at = fields.Datetime(copy=False, readonly=True)
    resolved_at = fields.Datetime(copy=False, readonly=True)
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
    paused_since = fields.Datetime(copy=False, readonly=True)
    paused_hours = fields.Float(
        string="Paused (h)",
        copy=False,
        readonly=True,
        help="Time spent waiting for parts or for the requester; the SLA clock "
        "does not run meanwhile.",
    )
    sla_due_at = fields.Datetime(
        string="Due",
        compute="_compute_sla_due_at",
        store=True,
        index="btree_not_null",
        copy=False,
        help="The next deadline of the request: response and report-back before "
        "the technician is on site, resolution afterwards. Empty while paused.",
    )
    is_breached = fields.Boolean(
        string="SLA Breached", copy=False, readonly=True, index=True
    )
    escalation_level = fields.Integer(copy=False, readonly=True, default=0)
    escalated_at = fields.Datetime(copy=False, readonly=True)
    reopen_count = fields.Integer(string="Reopened", copy=False, readonly=True)
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
    kpi_first_time_fix = fields.Float(
        string="First-time Fix (%)", copy=False, readonly=True, aggregator="avg"
    )
    kpi_satisfaction = fields.Float(
        string="Satisfaction (1-5)", copy=False, readonly=True, aggregator="avg"
    )
    # Closed loop
    rating = fields.Selection(
        RATINGS,
        copy=False,
        readonly=True,
        tracking=True,
    )
    rating_comment = fields.Text(copy=False, readonly=True)
    # Repairs
    is_minor = fields.Boolean(
        string="Minor Repair",
        compute="_compute_is_minor",
        store=True,
        readonly=False,
        tracking=True,
        help="Minor repairs are done directly, then registered and accepted. "
        "Other repairs need a repair notice (维修通知单) approved by the supervisor.",
    )
    needs_notice = fields.Boolean(compute="_compute_needs_notice")
    notice_state = fields.Selection(
        [
            ("none", "Not Requested"),
            ("to_approve", "Waiting for Supervisor"),
            ("approved", "Approved"),
            ("refused", "Refused"),
        ],
        string="Repair Notice",
        default="none",
        required=True,
        copy=False,
        tracking=True,
    )
    notice_note = fields.Text(
        string="Repair Notice Details",
        help="Work to be done, expected parts and cost.",
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    part_ids = fields.One2many("hospital.request.part", "request_id", string="Parts")
    parts_cost = fields.Monetary(compute="_compute_repair_cost", store=True)
    labour_cost = fields.Monetary(tracking=True)
    repair_cost = fields.Monetary(
        compute="_compute_repair_cost", store=True, tracking=True
    )
    is_mine = fields.Boolean(compute="_compute_is_mine")
    checklist_ids = fields.One2many("hospital.request.checklist", "request_id")

    @api.depends_context("uid")
    def _compute_is_mine(self):
        for request in self:
            request.is_mine = request.requester_id == self.env.user

    @api.depends("requester_id", "location_id", "equipment_id")
    def _compute_department_id(self):
        for request in self:
            if request.department_id:
                continue
            request.department_id = (
                request.location_id.department_id
                or request.equipment_id.department_id
                or request.requester_id.employee_id.department_id
            )

    @api.depends("equipment_id.hospital_location_id")
    def _compute_location_id(self):
        for request in self:
            if request.equipment_id.hospital_location_id:
                request.location_id = request.equipment_id.hospital_location_id

    @api.depends("service_category_id")
    def _compute_urgency(self):
        for request in self:
            request.urgency = (
                request.service_category_id.default_urgency
                or request.urgency
                or "normal"
            )

    @api.depends("service_category_id")
    def _compute_is_minor(self):
        for request in self:
            request.is_minor = request.service_category_id.minor_by_default

    @api.depends("service_kind", "is_minor")
    def _compute_needs_notice(self):
        for request in self:
            request.needs_notice = request.service_kind == "repair" and not (
                request.is_minor
            )

    @api.depends("company_id", "equipment_id", "service_category_id")
    def _compute_maintenance_team_id(self):
        res = super()._compute_maintenance_team_id()
        for request in self:
            if request.service_category_id.team_id and not request.equipment_id:
                request.maintenance_team_id = request.service_category_id.team_id
        return res

    @api.depends("part_ids.subtotal", "labour_cost")
    def _compute_repair_cost(self):
        for request in self:
            request.parts_cost = sum(request.part_ids.mapped("subtotal"))
            request.repair_cost = request.parts_cost + request.labour_cost

    def _hospital_sla_hours(self):
        """(response, resolution) hours promised to this request.

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
        return response, max(resolution, response)

    @api.depends(
        "reported_at",
        "service_category_id",
        "urgency",
        "department_id",
        "paused_hours",
        "company_id",
    )
    def _compute_deadlines(self):
        for request in self:
            if not request.reported_at:
                request.response_deadline = request.resolution_deadline = False
                continue
            response, resolution = request._hospital_sla_hours()
            start = request.reported_at + timedelta(hours=request.paused_hours)
            request.response_deadline = start + timedelta(hours=response)
            request.resolution_deadline = start + timedelta(hours=resolution)

    @api.depends("dispatched_at", "company_id")
    def _compute_report_back_deadline(self):
        for request in self:
            request.report_back_deadline = request.dispatched_at and (
                request.dispatched_at
                + timedelta(hours=request.company_id.hospital_report_back_hours)
            )

    @api.depends(
        "service_state",
        "response_deadline",
        "resolution_deadline",
        "report_back_deadline",
        "responded_at",
    )
    def _compute_sla_due_at(self):
        for request in self:
            if request.service_state in ("new", "dispatched"):
                deadlines = [request.response_deadline, request.report_back_deadline]
                request.sla_due_at = (
                    min(d for d in deadlines if d) if any(deadlines) else False
                )
            elif request.service_state == "in_progress":
                request.sla_due_at = request.resolution_deadline
            else:
                request.sla_due_at = False

    @api.constrains("location_id", "equipment_id")
    def _check_location_or_equipment(self):
        for request in self:
            if not request.location_id and not request.equipment_id:
                raise ValidationError(
                    self.env._(
                        "“%(request)s”: say where the service is needed — choose "
                        "a location (building / floor / room) or the equipment.",
                        request=request.name,
                    )
                )

    @api.constrains("labour_cost")
    def _check_labour_cost(self):
        for request in self:
            if request.labour_cost < 0:
                raise ValidationError(self.env._("The labour cost cannot be negative."))

    # ------------------------------------------------------------------ CRUD

    @api.model_create_multi
    def create(self, vals_list):
        if not self._hospital_is_staff():
            for vals in vals_list:
                if CLOCK_FIELDS & set(vals):
                    raise AccessError(
                        self.env._(
                            "Only the service desk sets the status of a request."
                        )
                    )
        Category = self.env["hospital.service.category"]
        Equipment = self.env["maintenance.equipment"].sudo()
        for vals in vals_list:
            # The stock default team would win over the equipment's or the
            # category's team, which the form would have proposed.
            if not vals.get("maintenance_team_id"):
                team = Equipment.browse(vals.get("equipment_id")).maintenance_team_id
                team = team or Category.browse(vals.get("service_category_id")).team_id
                if team:
                    vals["maintenance_team_id"] = team.id
        requests = super().create(vals_list)
        for request in requests:
            request.message_subscribe(partner_ids=request.requester_id.partner_id.ids)
        requests._hospital_copy_checklist()
        emergencies = requests.filtered(
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
                    "hospital_maintenance.mail_act_hospital_escalation",
                    user_id=leader.id,
                    summary=self.with_context(lang=leader.lang).env._(
                        "Emergency without on-duty technician"
                    ),
                )
        return requests

    def write(self, vals):
        if (
            not self.env.su
            and CLOCK_FIELDS & set(vals)
            and not self._hospital_is_staff()
        ):
            raise AccessError(
                self.env._("Only the service desk changes the status of a request.")
            )
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_not_manager(self):
        if not self.env.su and not self.env.user.has_group(
            "hospital_logistics.hospital_logistics_group_manager"
        ):
            raise UserError(
                self.env._(
                    "Requests are kept as the record of the service: cancel them "
                    "instead of deleting them."
                )
            )

    def _get_under_validation_exceptions(self):
        # The clock keeps running while a costly repair waits for its approval.
        return super()._get_under_validation_exceptions() + [
            "is_breached",
            "escalation_level",
            "escalated_at",
            "sla_due_at",
            "paused_since",
            "paused_hours",
            "pause_reason",
            "checklist_ids",
            "kanban_state",
            "stage_id",
        ]

    def _tier_validation_check_write_allowed(self, vals):
        # The escalation job only stamps its own bookkeeping; checking the
        # validation exceptions record by record would make it O(n) in queries.
        if set(vals) <= ESCALATION_FIELDS:
            return None
        return super()._tier_validation_check_write_allowed(vals)

    def _hospital_is_staff(self):
        return self.env.su or self.env.user.has_group(
            "hospital_logistics.hospital_logistics_group_staff"
        )

    def _hospital_copy_checklist(self):
        lines = [
            {"request_id": request.id, "name": item.name, "sequence": item.sequence}
            for request in self.filtered(lambda r: not r.checklist_ids)
            for item in request.maintenance_kind_id.checklist_item_ids
        ]
        if lines:
            self.env["hospital.request.checklist"].sudo().create(lines)

    # --------------------------------------------------------------- actions

    def _hospital_check_staff(self):
        if not self._hospital_is_staff():
            raise AccessError(
                self.env._("Only logistics staff can dispatch and handle requests.")
            )

    def _hospital_check_state(self, states, action):
        for request in self:
            if request.service_state not in states:
                raise UserError(
                    self.env._(
                        "%(request)s is %(state)s: you cannot %(action)s it.",
                        request=request.name,
                        state=dict(
                            request._fields["service_state"]._description_selection(
                                self.env
                            )
                        )[request.service_state],
                        action=action,
                    )
                )

    def _hospital_set_stage(self, xmlid):
        stage = self.env.ref(xmlid, raise_if_not_found=False)
        if stage:
            self.filtered(lambda r: r.stage_id != stage).write({"stage_id": stage.id})

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

    def _hospital_dispatch(self):
        now = fields.Datetime.now()
        self.write({"service_state": "dispatched", "dispatched_at": now})
        self._hospital_set_stage("maintenance.stage_1")
        for request in self:
            request.activity_schedule(
                "hospital_maintenance.mail_act_hospital_dispatch",
                user_id=request.user_id.id,
                date_deadline=fields.Date.context_today(request),
                summary=self.with_context(lang=request.user_id.lang).env._(
                    "Report back by %(time)s",
                    time=fields.Datetime.to_string(request.report_back_deadline),
                ),
            )

    def action_respond(self):
        """The technician reports back from the site (到场/复命)."""
        self._hospital_check_staff()
        self._hospital_check_state(("new", "dispatched"), self.env._("start"))
        now = fields.Datetime.now()
        for request in self:
            elapsed = (now - request.reported_at).total_seconds() / 3600
            on_time = now <= request.response_deadline and (
                not request.report_back_deadline or now <= request.report_back_deadline
            )
            vals = {
                "service_state": "in_progress",
                "responded_at": now,
                "response_time": max(elapsed - request.paused_hours, 0.0),
                "kpi_response_on_time": 100.0 if on_time else 0.0,
            }
            if not request.user_id:
                vals["user_id"] = self.env.uid
            if not request.dispatched_at:
                vals["dispatched_at"] = now
            if not on_time:
                vals["is_breached"] = True
            request.write(vals)
        self.activity_feedback(["hospital_maintenance.mail_act_hospital_dispatch"])
        self._hospital_set_stage("maintenance.stage_1")
        return True

    def action_pause(self, reason="parts"):
        self._hospital_check_staff()
        self._hospital_check_state(("dispatched", "in_progress"), self.env._("pause"))
        self.write(
            {
                "service_state": "waiting",
                "paused_since": fields.Datetime.now(),
                "pause_reason": reason,
            }
        )
        return True

    def action_pause_requester(self):
        return self.action_pause("requester")

    def action_resume(self):
        self._hospital_check_staff()
        self._hospital_check_state(("waiting",), self.env._("resume"))
        now = fields.Datetime.now()
        for request in self:
            paused = (now - request.paused_since).total_seconds() / 3600
            request.write(
                {
                    "service_state": "in_progress"
                    if request.responded_at
                    else "dispatched",
                    "paused_hours": request.paused_hours + paused,
                    "paused_since": False,
                    "pause_reason": False,
                }
            )
        return True

    def action_request_notice(self):
        self._hospital_check_staff()
        for request in self:
            if not request.needs_notice:
                raise UserError(
                    self.env._(
                        "%(request)s is a minor repair: it needs no repair notice.",
                        request=request.name,
                    )
                )
            if not request.notice_note:
                raise UserError(
                    self.env._(
                        "Describe the work, the parts and the expected cost "
                        "in the repair notice of %(request)s.",
                        request=request.name,
                    )
                )
            request.notice_state = "to_approve"
            supervisor = request.maintenance_team_id.user_id
            if supervisor:
                request.activity_schedule(
                    "hospital_maintenance.mail_act_hospital_notice",
                    user_id=supervisor.id,
                )
        return True

    def action_approve_notice(self):
        self._hospital_check_supervisor()
        self._hospital_check_notice_waiting()
        self.notice_state = "approved"
        self.activity_feedback(["hospital_maintenance.mail_act_hospital_notice"])
        return True

    def action_refuse_notice(self):
        self._hospital_check_supervisor()
        self._hospital_check_notice_waiting()
        self.notice_state = "refused"
        self.activity_feedback(["hospital_maintenance.mail_act_hospital_notice"])
        return True

    def _hospital_check_notice_waiting(self):
        for request in self:
            if request.notice_state != "to_approve":
                raise UserError(
                    self.env._(
                        "No repair notice of %(request)s waits for approval.",
                        request=request.name,
                    )
                )

    def _hospital_check_supervisor(self):
        for request in self:
            if not (
                self.env.user == request.maintenance_team_id.user_id
                or self.env.user.has_group(
                    "hospital_logistics.hospital_logistics_group_manager"
                )
            ):
                raise AccessError(
                    self.env._(
                        "Only the team leader or the logistics manager "
                        "approves a repair notice."
                    )
                )

    def action_done(self):
        """The technician has finished; the requester now confirms and rates."""
        self._hospital_check_staff()
        for request in self:
            if not request.responded_at:
                raise UserError(
                    self.env._(
                        "%(request)s was never responded to: report back from the "
                        "site before completing it.",
                        request=request.name,
                    )
                )
        self._hospital_check_state(("in_progress",), self.env._("complete"))
        for request in self:
            if request.needs_notice and request.notice_state != "approved":
                raise UserError(
                    self.env._(
                        "%(request)s is not a minor repair: its repair notice must "
                        "be approved by the supervisor first.",
                        request=request.name,
                    )
                )
            missing = request.checklist_ids.filtered(lambda c: not c.done)
            if missing:
                raise UserError(
                    self.env._(
                        "Record every check of %(request)s before completing it: "
                        "%(checks)s",
                        request=request.name,
                        checks=", ".join(missing.mapped("name")),
                    )
                )
        now = fields.Datetime.now()
        for request in self:
            elapsed = (now - request.reported_at).total_seconds() / 3600
            request.write(
                {
                    "service_state": "done",
                    "resolved_at": now,
                    "resolution_time": max(elapsed - request.paused_hours, 0.0),
                    "kpi_resolution_on_time": 100.0
                    if now <= request.resolution_deadline
                    else 0.0,
                    "is_breached": request.is_breached
                    or now > request.resolution_deadline,
                }
            )
        self.part_ids._consume_from_stock()
        self._hospital_set_stage("maintenance.stage_3")
        for request in self:
            request.message_post(
                body=self.env._(
                    "The work is done. Please confirm and rate it: an unconfirmed "
                    "request closes by itself after %(days)s days.",
                    days=request.company_id.hospital_autoclose_days,
                ),
                partner_ids=request.requester_id.partner_id.ids,
                subtype_xmlid="mail.mt_comment",
            )
        return True

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
        self._hospital_check_can_rate()
        request = self.sudo()
        vals = {
            "rating": str(score),
            "rating_comment": comment,
            "kpi_satisfaction": float(score),
        }
        if score <= request.company_id.hospital_unsatisfied_rating:
            vals.update(
                service_state="in_progress",
                reopen_count=request.reopen_count + 1,
                resolved_at=False,
                kpi_first_time_fix=0.0,
            )
            request.write(vals)
            request._hospital_set_stage("maintenance.stage_1")
            leader = request.maintenance_team_id.user_id or request.user_id
            request.activity_schedule(
                "hospital_maintenance.mail_act_hospital_callback",
                user_id=leader.id or self.env.uid,
                note=comment,
            )
        else:
            vals.update(
                service_state="closed",
                closed_at=fields.Datetime.now(),
                close_kind="confirmed",
                kpi_first_time_fix=0.0 if request.reopen_count else 100.0,
            )
            request.write(vals)
        return True

    def action_close(self):
        """The logistics manager closes a request without the requester."""
        if not self.env.user.has_group(
            "hospital_logistics.hospital_logistics_group_manager"
        ):
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
        for request in self:
            request.write(
                {
                    "service_state": "closed",
                    "closed_at": fields.Datetime.now(),
                    "close_kind": "manager",
                    "kpi_first_time_fix": 0.0 if request.reopen_count else 100.0,
                }
            )
        return True

    def action_cancel(self):
        self._hospital_check_staff()
        self._hospital_check_state(OPEN_STATES, self.env._("cancel"))
        self.write({"service_state": "cancel"})
        self._hospital_set_stage("maintenance.stage_4")
        return True

    # ----------------------------------------------------------------- crons

    @api.model
    def _cron_escalate(self):
        """Flag breaches and climb the escalation chain.

        A constant number of queries per rung, whatever the number of late
        requests: the late requests are found and updated in bulk, their
        activities created in one batch, and each recipient gets one digest.
        """
        now = fields.Datetime.now()
        late = self.search(
            [
                ("service_state", "in", OPEN_STATES),
                ("sla_due_at", "<", now),
                ("is_breached", "=", False),
            ]
        )
        late.with_context(tracking_disable=True).write({"is_breached": True})
        # Every active rung of every company: a short configuration list, read
        # with the fields this loop needs in the same query.
        rungs = self.env["hospital.escalation.level"].search_fetch(
            [], ["company_id", "level", "offset_hours"]
        )
        for rung in rungs:
            requests = self.search(
                [
                    ("company_id", "=", rung.company_id.id),
                    ("service_state", "in", OPEN_STATES),
                    ("sla_due_at", "<=", now - timedelta(hours=rung.offset_hours)),
                    ("escalation_level", "<", rung.level),
                ]
            )
            requests._hospital_escalate(rung)

    def _hospital_escalate(self, rung):
        if not self:
            return
        now = fields.Datetime.now()
        activity_type = self.env.ref(
            "hospital_maintenance.mail_act_hospital_escalation"
        )
        model_id = self.env["ir.model"]._get_id(self._name)
        by_recipient = {}
        recipients_cache = {}
        for request in self:
            # Recipients depend on the team only: compute them once per team.
            key = request.maintenance_team_id
            if key not in recipients_cache:
                recipients_cache[key] = rung._recipients(request)
            for recipient in recipients_cache[key]:
                by_recipient.setdefault(recipient, []).append(request.id)
        activity_vals = []
        for recipient, request_ids in by_recipient.items():
            # Stored texts: write them in the recipient's language.
            translated = self.with_context(lang=recipient.lang).env
            summary = translated._(
                "Escalated: %(level)s", level=rung.with_env(translated).name
            )
            activity_vals += [
                {
                    "activity_type_id": activity_type.id,
                    "res_model_id": model_id,
                    "res_id": request_id,
                    "user_id": recipient.id,
                    "summary": summary,
                    "date_deadline": fields.Date.context_today(self),
                }
                for request_id in request_ids
            ]
            self.env["mail.thread"].sudo().message_notify(
                partner_ids=recipient.partner_id.ids,
                subject=summary,
                body=translated._(
                    "%(count)s requests are late or about to be late and have been "
                    "escalated to you. See your activities.",
                    count=len(request_ids),
                ),
            )
        self.env["mail.activity"].sudo().with_context(
            mail_activity_quick_update=True
        ).create(activity_vals)
        self.with_context(tracking_disable=True).write(
            {"escalation_level": rung.level, "escalated_at": now}
        )

    @api.model
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
            requests = self.search(
                [
                    ("company_id", "=", company.id),
                    ("service_state", "=", "done"),
                    ("resolved_at", "<=", limit),
                ]
            )
            requests.with_context(tracking_disable=True).write(
                {
                    "service_state": "closed",
                    "closed_at": now,
                    "close_kind": "auto",
                }
            )
            first_time = requests.filtered(lambda r: not r.reopen_count)
            first_time.with_context(tracking_disable=True).write(
                {"kpi_first_time_fix": 100.0}
            )
            (requests - first_time).with_context(tracking_disable=True).write(
                {"kpi_first_time_fix": 0.0}
            )
