from odoo import api, fields, models
from odoo.exceptions import UserError

from odoo.addons.hospital_logistics.models.hospital_workflow_mixin import (
    ALL_FIELDS,
    hospital_transition,
)

from ..groups import OFFICE


class HospitalHousingApplication(models.Model):
    """Moving into a dormitory, or to another bed, needs the logistics
    office's approval (入住申请 / 调换申请); the approval registers the
    allocation.  The office also gives free beds through an application it
    approves itself."""

    _name = "hospital.housing.application"
    _description = "Dormitory Application"
    _hospital_sequence_code = "hospital.housing.application"
    _inherit = ["mail.thread", "mail.activity.mixin", "hospital.workflow.mixin"]
    _order = "id desc"
    _check_company_auto = True

    _hospital_workflow_fields = (
        "state",
        "name",
        "allocation_id",
        "new_allocation_id",
        "approved_by_id",
        "approved_date",
    )
    _hospital_editable_states = {
        "draft": ALL_FIELDS,
        "submitted": ("bed_id", "date_start", "office_note"),
    }
    _hospital_free_fields = ("active", "office_note")

    name = fields.Char(string="Number", readonly=True, copy=False, default="/")
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    kind = fields.Selection(
        [("move_in", "Move In"), ("transfer", "Transfer to Another Bed")],
        required=True,
        default="move_in",
        tracking=True,
    )
    employee_id = fields.Many2one(
        "hr.employee",
        string="Resident",
        required=True,
        tracking=True,
        default=lambda self: self.env.user.employee_id,
    )
    department_id = fields.Many2one(
        "hr.department",
        related="employee_id.department_id",
        store=True,
        string="Department",
    )
    allocation_id = fields.Many2one(
        "hospital.housing.allocation",
        string="Current Allocation",
        compute="_compute_allocation_id",
        store=True,
        help="The bed a transfer leaves.",
    )
    bed_id = fields.Many2one(
        "hospital.housing.bed",
        check_company=True,
        tracking=True,
        domain="[('is_occupied', '=', False)]",
        help="Chosen by the dormitory office before approval.",
    )
    date_start = fields.Date(
        string="From", required=True, default=fields.Date.context_today, tracking=True
    )
    reason = fields.Text()
    office_note = fields.Text()
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("submitted", "Submitted"),
            ("approved", "Approved"),
            ("refused", "Refused"),
            ("cancel", "Cancelled"),
        ],
        default="draft",
        required=True,
        tracking=True,
        copy=False,
    )
    approved_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    approved_date = fields.Datetime(readonly=True, copy=False)
    new_allocation_id = fields.Many2one(
        "hospital.housing.allocation", string="Allocation", readonly=True, copy=False
    )

    @api.depends("employee_id", "kind")
    def _compute_allocation_id(self):
        for application in self:
            if application.state not in ("draft", "submitted", False):
                application.allocation_id = application.allocation_id
                continue
            application.allocation_id = application.kind == "transfer" and self.env[
                "hospital.housing.allocation"
            ].sudo().search(
                [
                    ("employee_id", "=", application.employee_id.id),
                    ("state", "=", "active"),
                ],
                limit=1,
            )

    def write(self, vals):
        if "bed_id" in vals and not self.env.su and not self.env.user.has_group(OFFICE):
            if any(application.state != "draft" for application in self):
                raise UserError(
                    self.env._("Only the dormitory office assigns the bed.")
                )
        return super().write(vals)

    def _check_office(self):
        if not self.env.su and not self.env.user.has_group(OFFICE):
            raise UserError(
                self.env._(
                    "Only the dormitory office approves or refuses applications."
                )
            )

    @hospital_transition
    def action_submit(self):
        for application in self:
            if application.state != "draft":
                raise UserError(self.env._("Only a draft application is submitted."))
            if application.kind == "transfer" and not application.allocation_id:
                raise UserError(
                    self.env._(
                        "%(resident)s has no bed to transfer from: apply to move in.",
                        resident=application.employee_id.name,
                    )
                )
        self.write({"state": "submitted"})

    @hospital_transition
    def action_approve(self):
        """Approve and register: the allocation starts, a transfer ends the
        previous one the night before."""
        self._check_office()
        Allocation = self.env["hospital.housing.allocation"]
        for application in self:
            if application.state not in ("draft", "submitted"):
                raise UserError(self.env._("This application is already decided."))
            if not application.bed_id:
                raise UserError(
                    self.env._("Choose the bed before approving the application.")
                )
            previous = application.allocation_id
            if application.kind == "transfer":
                if not previous or previous.state != "active":
                    raise UserError(
                        self.env._("The resident no longer has a bed to transfer from.")
                    )
                if previous.bed_id == application.bed_id:
                    raise UserError(self.env._("A transfer goes to another bed."))
                previous._end_for_transfer(application.date_start)
            Allocation._check_free(
                application.bed_id, application.employee_id, application.date_start
            )
            allocation = Allocation._hospital_transition().create(
                {
                    "employee_id": application.employee_id.id,
                    "bed_id": application.bed_id.id,
                    "date_start": application.date_start,
                    "company_id": application.company_id.id,
                    "application_id": application.id,
                }
            )
            application.write(
                {
                    "state": "approved",
                    "approved_by_id": self.env.uid,
                    "approved_date": fields.Datetime.now(),
                    "new_allocation_id": allocation.id,
                }
            )

    @hospital_transition
    def action_refuse(self):
        self._check_office()
        if any(application.state != "submitted" for application in self):
            raise UserError(self.env._("Only a submitted application is refused."))
        self.write({"state": "refused"})

    @hospital_transition
    def action_cancel(self):
        if any(application.state not in ("draft", "submitted") for application in self):
            raise UserError(self.env._("A decided application stays as decided."))
        self.write({"state": "cancel"})

    @hospital_transition
    def action_draft(self):
        if any(application.state != "cancel" for application in self):
            raise UserError(
                self.env._("Only a cancelled application goes back to draft.")
            )
        self.write({"state": "draft"})
