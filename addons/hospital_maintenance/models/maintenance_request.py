from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from odoo.addons.hospital_logistics.groups import MANAGER, STAFF
from odoo.addons.hospital_logistics.models.hospital_workflow_mixin import (
    ALL_FIELDS,
    hospital_transition,
)

from .hospital_service_category import URGENCIES
from .input_limits import LONG, SHORT, TEXT, check_text_limits

OPEN_STATES = ("new", "dispatched", "in_progress", "waiting")


class MaintenanceRequest(models.Model):
    """A service request of the one-stop desk: who asks for what, where.

    The request moves only through its buttons (hospital.workflow.mixin); its
    concerns live in files of their own: the SLA clocks and the escalation
    cron (maintenance_request_sla.py), dispatch and report-back
    (maintenance_request_dispatch.py), repairs and their notice
    (maintenance_request_repair.py), confirmation, rating and closing
    (maintenance_request_closed_loop.py).
    """

    _name = "maintenance.request"
    _inherit = ["maintenance.request", "hospital.tier.validation", "hospital.sla.mixin"]

    _hospital_state_field = "service_state"
    _hospital_workflow_fields = (
        "service_state",
        "stage_id",
        "dispatched_at",
        "report_back_deadline",
        "closed_at",
        "close_kind",
        "pause_reason",
        "escalation_level",
        "escalated_at",
        "reopen_count",
        "rating",
        "rating_comment",
        "kpi_first_time_fix",
        "kpi_satisfaction",
        "is_minor",
        "needs_notice",
        "notice_sent",
        "notice_state",
        "parts_cost",
        "repair_cost",
        "validation_status",
        "review_ids",
    )
    # A closed, cancelled or completed request is the record of the service:
    # only the buttons (confirm, rate, close) move it further.
    _hospital_editable_states = dict.fromkeys(OPEN_STATES, ALL_FIELDS)
    _hospital_free_fields = ("archive", "kanban_state", "color")
    _hospital_direct_edits = {
        "kanban_state": "Core maintenance's coloured dot (in progress, blocked, "
        "ready) is the technician's own marker on a card; it moves nothing of the "
        "service flow, which service_state carries.",
    }
    _hospital_text_limits = {
        "name": SHORT,
        "requester_phone": 32,
        "description": LONG,
        "notice_note": TEXT,
    }

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

    @api.depends("company_id", "equipment_id", "service_category_id")
    def _compute_maintenance_team_id(self):
        res = super()._compute_maintenance_team_id()
        for request in self:
            if request.service_category_id.team_id and not request.equipment_id:
                request.maintenance_team_id = request.service_category_id.team_id
        return res

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

    @api.constrains(lambda self: tuple(self._hospital_text_limits))
    def _check_text_limits(self):
        check_text_limits(self)

    # ------------------------------------------------------------------ CRUD

    @api.model_create_multi
    def create(self, vals_list):
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
        requests._hospital_dispatch_emergencies()
        return requests

    @api.ondelete(at_uninstall=False)
    def _unlink_except_not_manager(self):
        if not self.env.su and not self.env.user.has_group(MANAGER):
            raise UserError(
                self.env._(
                    "Requests are kept as the record of the service: cancel them "
                    "instead of deleting them."
                )
            )

    @hospital_transition
    def unlink(self):
        # The request's reviews go with it (tier validation's unlink).
        return super().unlink()

    def _hospital_copy_checklist(self):
        lines = [
            {"request_id": request.id, "name": item.name, "sequence": item.sequence}
            for request in self.filtered(lambda r: not r.checklist_ids)
            for item in request.maintenance_kind_id.checklist_item_ids
        ]
        if lines:
            self.env["hospital.request.checklist"].sudo().create(lines)

    # ------------------------------------------------------ shared by buttons

    def _hospital_is_staff(self):
        return self.env.su or self.env.user.has_group(STAFF)

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

    def _hospital_close_reminders(self, xmlids, feedback):
        """Mark done the activities of ``xmlids`` on these requests: nobody is
        reminded of work that no longer waits for them."""
        types = [self.env.ref(xmlid).id for xmlid in xmlids]
        activities = (
            self.env["mail.activity"]
            .sudo()
            .search(
                [
                    ("res_model", "=", self._name),
                    ("res_id", "in", self.ids),
                    ("activity_type_id", "in", types),
                ]
            )
        )
        if activities:
            activities.action_feedback(feedback=feedback)

    @hospital_transition
    def action_cancel(self):
        self._hospital_check_staff()
        self._hospital_check_state(OPEN_STATES, self.env._("cancel"))
        self.write({"service_state": "cancel"})
        self._hospital_set_stage("maintenance.stage_4")
        self._hospital_close_reminders(
            [
                "hospital_maintenance.mail_act_hospital_dispatch",
                "hospital_maintenance.mail_act_hospital_escalation",
            ],
            self.env._("The request was cancelled."),
        )
        return True
