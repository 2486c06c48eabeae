from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.hospital_logistics.models.hospital_workflow_mixin import (
    ALL_FIELDS,
    hospital_transition,
)


class HospitalWardRound(models.Model):
    """Weekly administrative round (行政查房) of the logistics chief.

    Once every point raised has its answer, the round is closed: what was
    answered to the wards no longer changes.
    """

    _name = "hospital.ward.round"
    _description = "Weekly Ward Round"
    _inherit = ["mail.thread", "hospital.workflow.mixin"]
    _order = "date desc"
    _check_company_auto = True
    _hospital_editable_states = {"open": ALL_FIELDS}

    name = fields.Char(compute="_compute_name", store=True)
    date = fields.Date(required=True, default=fields.Date.context_today, tracking=True)
    chief_id = fields.Many2one(
        "res.users",
        string="Logistics Chief",
        required=True,
        default=lambda self: self.env.user,
        tracking=True,
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    item_ids = fields.One2many(
        "hospital.ward.round.item", "round_id", string="Feedback"
    )
    state = fields.Selection(
        [("open", "Open"), ("done", "Answered")],
        default="open",
        required=True,
        readonly=True,
        tracking=True,
    )
    active = fields.Boolean(default=True)

    @api.depends("date")
    def _compute_name(self):
        for round_ in self:
            round_.name = self.env._("Ward round %(date)s", date=round_.date)

    @api.constrains("date")
    def _check_date_not_in_future(self):
        today = fields.Date.context_today(self)
        for round_ in self:
            if round_.date > today:
                raise ValidationError(
                    self.env._(
                        "A ward round records what the wards raised: it cannot "
                        "take place on %(date)s, after today.",
                        date=round_.date,
                    )
                )

    @hospital_transition
    def action_done(self):
        for round_ in self:
            unanswered = round_.item_ids.filtered(
                lambda i: not i.request_id and not i.answer
            )
            if unanswered:
                raise UserError(
                    self.env._(
                        "Every item of the round gets an answer: turn it into a "
                        "request or explain it. Unanswered: %(items)s",
                        items=", ".join(unanswered.mapped("feedback")),
                    )
                )
        self.state = "done"
        return True
