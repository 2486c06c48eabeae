from odoo import api, fields, models
from odoo.exceptions import UserError

from odoo.addons.hospital_logistics.models.hospital_workflow_mixin import (
    ALL_FIELDS,
    hospital_transition,
)

ACTION_ACTIVITY = "hospital_emergency.mail_act_hospital_emergency_action"


class HospitalEmergencyDrill(models.Model):
    """A drill (应急演练) of a plan: when, who took part, what was found and
    the follow-up actions, each with its owner and deadline.  Recording the
    drill as done needs its findings and schedules the actions as
    activities to their owners."""

    _name = "hospital.emergency.drill"
    _description = "Emergency Drill"
    _inherit = ["mail.thread", "mail.activity.mixin", "hospital.workflow.mixin"]
    _order = "date desc, id desc"
    _hospital_workflow_fields = ("state",)
    _hospital_editable_states = {"planned": ALL_FIELDS, "done": ("action_ids",)}
    _hospital_free_fields = ("active",)

    name = fields.Char(required=True, tracking=True)
    plan_id = fields.Many2one(
        "hospital.emergency.plan", required=True, tracking=True, ondelete="restrict"
    )
    scenario = fields.Selection(related="plan_id.scenario", store=True)
    date = fields.Date(required=True, default=fields.Date.context_today, tracking=True)
    participant_count = fields.Integer(string="Participants")
    findings = fields.Text(tracking=True)
    action_ids = fields.One2many(
        "hospital.emergency.drill.action", "drill_id", string="Follow-up Actions"
    )
    state = fields.Selection(
        [("planned", "Planned"), ("done", "Done"), ("cancel", "Cancelled")],
        default="planned",
        required=True,
        readonly=True,
        tracking=True,
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    active = fields.Boolean(default=True)

    @hospital_transition
    def action_done(self):
        for drill in self:
            if drill.state != "planned":
                raise UserError(self.env._("Only a planned drill is recorded as done."))
            if not (drill.findings or "").strip():
                raise UserError(
                    self.env._(
                        "Record the findings of the drill %(drill)s, even “nothing "
                        "found”, before closing it.",
                        drill=drill.name,
                    )
                )
        self.state = "done"
        self.action_ids._hospital_schedule()
        return True

    @hospital_transition
    def action_cancel(self):
        if self.filtered(lambda d: d.state != "planned"):
            raise UserError(self.env._("Only a planned drill is cancelled."))
        self.state = "cancel"
        return True


class HospitalEmergencyDrillAction(models.Model):
    _name = "hospital.emergency.drill.action"
    _description = "Drill Follow-up Action"
    _order = "deadline, id"

    drill_id = fields.Many2one(
        "hospital.emergency.drill", required=True, index=True, ondelete="cascade"
    )
    name = fields.Char(string="Action", required=True)
    user_id = fields.Many2one("res.users", string="Owner", required=True)
    deadline = fields.Date(required=True)
    done = fields.Boolean()
    is_overdue = fields.Boolean(compute="_compute_is_overdue")

    @api.depends("deadline", "done")
    def _compute_is_overdue(self):
        today = fields.Date.context_today(self)
        for action in self:
            action.is_overdue = not action.done and action.deadline < today

    @api.constrains("deadline", "drill_id")
    def _check_deadline(self):
        for action in self:
            if action.deadline < action.drill_id.date:
                raise UserError(
                    self.env._(
                        "The follow-up action “%(action)s” cannot be due before "
                        "the drill.",
                        action=action.name,
                    )
                )

    def _hospital_schedule(self):
        """One activity per open action to its owner, on the drill."""
        for action in self.filtered(lambda a: not a.done):
            action.drill_id.sudo().activity_schedule(
                ACTION_ACTIVITY,
                user_id=action.user_id.id,
                date_deadline=action.deadline,
                summary=action.name,
            )

    @api.model_create_multi
    def create(self, vals_list):
        actions = super().create(vals_list)
        actions.filtered(lambda a: a.drill_id.state == "done")._hospital_schedule()
        return actions
