from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.hospital_logistics.groups import MANAGER
from odoo.addons.hospital_logistics.models.hospital_workflow_mixin import (
    ALL_FIELDS,
    hospital_transition,
)

from .hospital_outsourcing_kpi_template import SERVICE_TYPES


class HospitalOutsourcingAgreement(models.Model):
    """An outsourced service agreement (外包服务协议): one vendor, one service,
    a scope and a period, with its fixed task, staff, cost and reward/penalty
    (定任务、定人员、定成本、定奖罚)."""

    _name = "hospital.outsourcing.agreement"
    _description = "Outsourced Service Agreement"
    _hospital_sequence_code = "hospital.outsourcing.agreement"
    _inherit = ["mail.thread", "mail.activity.mixin", "hospital.workflow.mixin"]
    _order = "date_end desc, id desc"
    _check_company_auto = True

    _hospital_editable_states = {
        "draft": ALL_FIELDS,
        "active": ("backup_vendor_ids", "staff_ids", "licence_type_ids"),
    }
    _hospital_free_fields = ("active", "note")

    name = fields.Char(
        string="Number", required=True, readonly=True, copy=False, default="/"
    )
    title = fields.Char(required=True, tracking=True)
    vendor_id = fields.Many2one(
        "res.partner",
        required=True,
        index=True,
        tracking=True,
        domain="[('is_company', '=', True)]",
    )
    service_type = fields.Selection(SERVICE_TYPES, required=True, tracking=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    state = fields.Selection(
        [("draft", "Draft"), ("active", "In Force"), ("ended", "Ended")],
        default="draft",
        required=True,
        tracking=True,
        copy=False,
    )
    active = fields.Boolean(default=True)
    date_start = fields.Date(string="Start", required=True, tracking=True)
    date_end = fields.Date(string="End", required=True, tracking=True)
    location_ids = fields.Many2many(
        "hospital.location",
        string="Areas",
        check_company=True,
        help="Buildings, floors and rooms the vendor serves.",
    )
    scope = fields.Text(help="What the vendor does, where and how often.")
    fixed_task = fields.Text(string="Fixed Task (定任务)")
    staff_count = fields.Integer(
        string="Fixed Staff (定人员)", help="Staff the vendor keeps on site."
    )
    annual_cost = fields.Monetary(string="Fixed Cost per Year (定成本)")
    reward_penalty = fields.Text(string="Reward and Penalty (定奖罚)")
    deduction_per_point = fields.Monetary(
        string="Deduction per Missing Point",
        help="Deducted from the quarter's payment for each point the score "
        "falls short of the KPI compliance target.",
    )
    kpi_template_id = fields.Many2one(
        "hospital.outsourcing.kpi.template",
        string="KPI Template",
        required=True,
        check_company=True,
        domain="[('service_type', '=', service_type)]",
    )
    backup_vendor_ids = fields.Many2many(
        "res.partner",
        "hospital_outsourcing_agreement_backup_rel",
        "agreement_id",
        "partner_id",
        string="Backup Vendors",
        domain="[('is_company', '=', True)]",
        help="Vendors able to take over the service (emergency plan).",
    )
    licence_type_ids = fields.Many2many(
        "hospital.licence.type",
        "hospital_outsourcing_agreement_licence_type_rel",
        "agreement_id",
        "licence_type_id",
        string="Certificates Required",
        compute="_compute_licence_type_ids",
        store=True,
        readonly=False,
        precompute=True,
        help="Every worker the vendor puts on this agreement holds a valid "
        "certificate of each type (from the service's list, completed here).",
    )
    staff_ids = fields.Many2many(
        "hospital.outsourcing.staff",
        "hospital_outsourcing_agreement_staff_rel",
        "agreement_id",
        "staff_id",
        string="Staff on Site",
        domain="[('vendor_id', '=', vendor_id)]",
        groups="hospital_logistics.hospital_logistics_group_staff",
    )
    staff_flagged_count = fields.Integer(
        compute="_compute_staff_flagged_count",
        string="Workers Not Certified",
        groups="hospital_logistics.hospital_logistics_group_staff",
    )
    note = fields.Html()
    request_ids = fields.One2many(
        "maintenance.request", "hospital_outsourcing_agreement_id", string="Tickets"
    )
    scorecard_ids = fields.One2many(
        "hospital.outsourcing.scorecard", "agreement_id", string="Scorecards"
    )

    @api.depends("service_type", "company_id")
    def _compute_licence_type_ids(self):
        Requirement = self.env["hospital.outsourcing.licence.requirement"].sudo()
        for agreement in self:
            if agreement.service_type and agreement.company_id:
                agreement.licence_type_ids = Requirement._hospital_types_of(
                    agreement.service_type, agreement.company_id
                )

    @api.depends("staff_ids")
    def _compute_staff_flagged_count(self):
        status = self.staff_ids._hospital_certificate_status()
        for agreement in self:
            agreement.staff_flagged_count = len(
                [
                    worker
                    for worker in agreement.staff_ids
                    if status[worker.id][0] in ("missing", "expired")
                ]
            )

    def write(self, vals):
        before = {agreement.id: agreement.staff_ids for agreement in self}
        result = super().write(vals)
        if "staff_ids" in vals:
            Staff = self.env["hospital.outsourcing.staff"]
            for agreement in self:
                added = agreement.staff_ids - before[agreement.id]
                Staff._hospital_check_agreements(
                    [(worker, agreement) for worker in added]
                )
        return result

    @api.constrains("date_start", "date_end")
    def _check_dates(self):
        for agreement in self:
            if agreement.date_end < agreement.date_start:
                raise ValidationError(
                    self.env._(
                        "%(agreement)s ends before it starts.",
                        agreement=agreement.display_name,
                    )
                )

    @api.constrains("staff_count", "annual_cost", "deduction_per_point")
    def _check_figures(self):
        for agreement in self:
            if (
                min(
                    agreement.staff_count,
                    agreement.annual_cost,
                    agreement.deduction_per_point,
                )
                < 0
            ):
                raise ValidationError(
                    self.env._(
                        "Staff, cost and deduction of %(agreement)s cannot be "
                        "negative.",
                        agreement=agreement.display_name,
                    )
                )

    @api.constrains("kpi_template_id", "service_type")
    def _check_template(self):
        for agreement in self:
            if agreement.kpi_template_id.service_type != agreement.service_type:
                raise ValidationError(
                    self.env._(
                        "The KPI template of %(agreement)s is for another service.",
                        agreement=agreement.display_name,
                    )
                )

    @api.depends("name", "title", "vendor_id")
    def _compute_display_name(self):
        for agreement in self:
            agreement.display_name = f"{agreement.name} {agreement.title or ''}".strip()

    @api.model_create_multi
    def create(self, vals_list):
        agreements = super().create(vals_list)
        self.env["hospital.outsourcing.staff"]._hospital_check_agreements(
            [
                (worker, agreement)
                for agreement in agreements
                for worker in agreement.staff_ids
            ]
        )
        return agreements

    def _hospital_check_manager(self):
        if not (self.env.su or self.env.user.has_group(MANAGER)):
            raise UserError(
                self.env._("Only the logistics manager puts agreements in force.")
            )

    @hospital_transition
    def action_activate(self):
        self._hospital_check_manager()
        for agreement in self:
            if agreement.state != "draft":
                raise UserError(
                    self.env._(
                        "%(agreement)s is not a draft.",
                        agreement=agreement.display_name,
                    )
                )
            agreement.kpi_template_id._check_weights()
            if not agreement.kpi_template_id.criterion_ids:
                raise UserError(
                    self.env._(
                        "The KPI template of %(agreement)s has no criteria.",
                        agreement=agreement.display_name,
                    )
                )
        self.write({"state": "active"})
        return True

    def action_view_staff(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "hospital_outsourcing.hospital_outsourcing_staff_action"
        )
        action["domain"] = [("agreement_ids", "in", self.ids)]
        action["context"] = {"default_vendor_id": self.vendor_id.id}
        return action

    def action_view_score_history(self):
        """The vendor's quarterly scores over time, all its agreements."""
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "hospital_outsourcing.hospital_outsourcing_scorecard_action"
        )
        action.update(
            {
                "view_mode": "graph,list,form",
                "views": [(False, "graph"), (False, "list"), (False, "form")],
                "domain": [("vendor_id", "=", self.vendor_id.id)],
                "context": {"graph_groupbys": ["date_from:quarter", "agreement_id"]},
            }
        )
        return action

    @hospital_transition
    def action_end(self):
        self._hospital_check_manager()
        self.filtered(lambda a: a.state == "active").write({"state": "ended"})
        return True

    @api.model
    def _hospital_portal_fixture(self, partner):
        """An agreement in force with vendor ``partner``, for the suite's
        portal isolation test."""
        template = self.env["hospital.outsourcing.kpi.template"].create(
            {
                "name": f"Portal test KPIs {partner.name}",
                "service_type": "cleaning",
                "criterion_ids": [
                    fields.Command.create(
                        {"name": "Inspections", "source": "inspection", "weight": 100}
                    )
                ],
            }
        )
        today = fields.Date.context_today(self)
        agreement = self.create(
            {
                "title": f"Cleaning agreement with {partner.name}",
                "vendor_id": partner.id,
                "service_type": "cleaning",
                "date_start": today.replace(month=1, day=1),
                "date_end": today.replace(month=12, day=31),
                "kpi_template_id": template.id,
            }
        )
        agreement.action_activate()
        return agreement
