from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.hospital_logistics.models.hospital_workflow_mixin import (
    ALL_FIELDS,
    hospital_transition,
)


class HospitalLicenceTraining(models.Model):
    """A training and examination session (培训考核) for a licence type:
    technical workers are trained and examined before they work, and
    re-examined on their cycle.  Closing the session renews, for each
    attendee who passed, the licence of the session's type from the exam
    date."""

    _name = "hospital.licence.training"
    _description = "Licence Training Session"
    _inherit = ["mail.thread", "mail.activity.mixin", "hospital.workflow.mixin"]
    _order = "date desc, id desc"
    _hospital_workflow_fields = ("state",)
    _hospital_editable_states = {"draft": ALL_FIELDS}
    _hospital_free_fields = ("active", "note")

    name = fields.Char(string="Session", required=True, tracking=True)
    licence_type_id = fields.Many2one(
        "hospital.licence.type", required=True, tracking=True, ondelete="restrict"
    )
    date = fields.Date(
        string="Exam Date",
        required=True,
        default=fields.Date.context_today,
        tracking=True,
    )
    trainer = fields.Char(tracking=True)
    location = fields.Char()
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    line_ids = fields.One2many(
        "hospital.licence.training.line", "training_id", string="Attendees"
    )
    state = fields.Selection(
        [("draft", "Planned"), ("done", "Closed"), ("cancel", "Cancelled")],
        default="draft",
        required=True,
        tracking=True,
        readonly=True,
    )
    note = fields.Text()
    active = fields.Boolean(default=True)
    passed_count = fields.Integer(compute="_compute_counts")
    attendee_count = fields.Integer(compute="_compute_counts")

    @api.depends("line_ids.result", "line_ids.attended")
    def _compute_counts(self):
        for training in self:
            training.attendee_count = len(training.line_ids.filtered("attended"))
            training.passed_count = len(
                training.line_ids.filtered(lambda line: line.result == "pass")
            )

    @hospital_transition
    def action_close(self):
        for training in self:
            if training.state != "draft":
                raise UserError(self.env._("Only a planned session can be closed."))
            undecided = training.line_ids.filtered(
                lambda line: line.attended and not line.result
            )
            if undecided:
                raise UserError(
                    self.env._(
                        "Enter the exam result of %(people)s before closing the "
                        "session.",
                        people=", ".join(undecided.employee_id.mapped("name")),
                    )
                )
            passed = training.line_ids.filtered(lambda line: line.result == "pass")
            for line in passed.filtered(lambda line: not line.licence_id):
                line.licence_id = line.licence_id.create(
                    {
                        "name": line.licence_number
                        or self.env._("%(session)s", session=training.name),
                        "employee_id": line.employee_id.id,
                        "licence_type_id": training.licence_type_id.id,
                        "issue_date": training.date,
                    }
                )
            training.state = "done"
        return True

    @hospital_transition
    def action_cancel(self):
        if self.filtered(lambda t: t.state != "draft"):
            raise UserError(self.env._("Only a planned session can be cancelled."))
        self.state = "cancel"
        return True


class HospitalLicenceTrainingLine(models.Model):
    _name = "hospital.licence.training.line"
    _description = "Licence Training Attendee"
    _order = "training_id, id"

    training_id = fields.Many2one(
        "hospital.licence.training", required=True, index=True, ondelete="cascade"
    )
    employee_id = fields.Many2one("hr.employee", required=True, ondelete="restrict")
    attended = fields.Boolean(default=True)
    score = fields.Float()
    result = fields.Selection([("pass", "Passed"), ("fail", "Failed")])
    licence_number = fields.Char(help="Number of the licence issued on passing.")
    licence_id = fields.Many2one("hospital.licence", readonly=True, copy=False)

    _unique_employee = models.UniqueIndex(
        "(training_id, employee_id)",
        "An employee attends a session once.",
    )

    @api.constrains("attended", "result", "score")
    def _check_result(self):
        for line in self:
            if line.result and not line.attended:
                raise ValidationError(
                    self.env._(
                        "%(person)s did not attend: no exam result.",
                        person=line.employee_id.name,
                    )
                )
            if line.score < 0 or line.score > 100:
                raise ValidationError(self.env._("A score is between 0 and 100."))

    def write(self, vals):
        if self.training_id.filtered(lambda t: t.state != "draft"):
            raise UserError(self.env._("The session is closed: its results are final."))
        return super().write(vals)

    @api.model_create_multi
    def create(self, vals_list):
        lines = super().create(vals_list)
        if lines.training_id.filtered(lambda t: t.state != "draft"):
            raise UserError(self.env._("The session is closed: its results are final."))
        return lines
