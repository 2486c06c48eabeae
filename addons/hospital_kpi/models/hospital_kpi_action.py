from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.hospital_logistics.groups import MANAGER
from odoo.addons.hospital_logistics.models.hospital_workflow_mixin import (
    ALL_FIELDS,
    hospital_transition,
)


class HospitalKpiAction(models.Model):
    """An improvement action decided at a period's evaluation (DOMAIN.md §8:
    the quarterly report is followed by improvement actions and training),
    with an owner and a deadline."""

    _name = "hospital.kpi.action"
    _description = "KPI Improvement Action"
    _inherit = ["mail.thread", "mail.activity.mixin", "hospital.workflow.mixin"]
    _order = "state, deadline, id"
    _check_company_auto = True

    _hospital_workflow_fields = ("state", "done_date")
    _hospital_editable_states = {"open": ALL_FIELDS, "done": ("outcome",)}
    _hospital_free_fields = ("active", "outcome")

    name = fields.Char(string="Action", required=True, tracking=True)
    active = fields.Boolean(default=True)
    period_id = fields.Many2one(
        "hospital.kpi.period",
        string="Evaluation Period",
        required=True,
        index=True,
        check_company=True,
        ondelete="restrict",
    )
    company_id = fields.Many2one(
        related="period_id.company_id", store=True, string="Company"
    )
    definition_id = fields.Many2one(
        "hospital.kpi.definition", string="KPI", check_company=True
    )
    department_id = fields.Many2one(
        "hr.department", index=True, tracking=True, check_company=True
    )
    owner_id = fields.Many2one(
        "res.users",
        required=True,
        tracking=True,
        domain="[('share', '=', False)]",
        default=lambda self: self.env.user,
    )
    deadline = fields.Date(required=True, tracking=True)
    description = fields.Text()
    outcome = fields.Text(help="What was done, written when the action is completed.")
    state = fields.Selection(
        [("open", "Open"), ("done", "Done"), ("cancel", "Cancelled")],
        default="open",
        required=True,
        tracking=True,
        copy=False,
    )
    done_date = fields.Date(readonly=True, copy=False)
    is_overdue = fields.Boolean(compute="_compute_is_overdue")

    @api.depends("deadline", "state")
    def _compute_is_overdue(self):
        today = fields.Date.context_today(self)
        for action in self:
            action.is_overdue = bool(
                action.state == "open" and action.deadline and action.deadline < today
            )

    @api.constrains("name", "description", "outcome")
    def _check_text_length(self):
        for action in self:
            if len(action.name or "") > 256 or len(action.description or "") > 4000:
                raise ValidationError(
                    self.env._(
                        "An improvement action is named in at most 256 characters "
                        "and described in at most 4,000."
                    )
                )
            if len(action.outcome or "") > 4000:
                raise ValidationError(
                    self.env._("The outcome is at most 4,000 characters long.")
                )

    @api.constrains("owner_id")
    def _check_owner_is_staff(self):
        for action in self:
            if action.owner_id.share:
                raise ValidationError(
                    self.env._(
                        "%(user)s is not a hospital staff member and cannot own "
                        "an improvement action.",
                        user=action.owner_id.name,
                    )
                )

    def _hospital_check_owner_or_manager(self):
        for action in self:
            if not (
                action.owner_id == self.env.user or self.env.user.has_group(MANAGER)
            ):
                raise UserError(
                    self.env._(
                        "Only the owner of “%(action)s” or a logistics manager "
                        "completes or cancels it.",
                        action=action.name,
                    )
                )

    @hospital_transition
    def action_done(self):
        self._hospital_check_state("open")
        self._hospital_check_owner_or_manager()
        # The owner (a head nurse, a technician) holds no write access to the
        # evaluation's actions: completing their own is this button's job.
        self.sudo().write(
            {"state": "done", "done_date": fields.Date.context_today(self)}
        )
        return True

    @hospital_transition
    def action_cancel(self):
        self._hospital_check_state("open")
        if not self.env.user.has_group(MANAGER):
            raise UserError(
                self.env._("Only a logistics manager cancels an improvement action.")
            )
        self.write({"state": "cancel"})
        return True

    @hospital_transition
    def action_reopen(self):
        self._hospital_check_state("done", "cancel")
        if not self.env.user.has_group(MANAGER):
            raise UserError(
                self.env._("Only a logistics manager reopens an improvement action.")
            )
        self.write({"state": "open", "done_date": False})
        return True
