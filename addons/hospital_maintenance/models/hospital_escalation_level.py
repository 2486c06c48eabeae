from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import ValidationError

from .input_limits import SHORT, check_text_limits
from .maintenance_request import OPEN_STATES

# A rung is reached at most a month before or after the deadline.
MAX_OFFSET_HOURS = 24 * 30


class HospitalEscalationLevel(models.Model):
    """One rung of the escalation chain (team leader → section chief → deputy
    director). A request climbs a rung once, when its clock passes the rung's
    offset from the due time. The rung decides which requests reach it and
    posts their escalation."""

    _name = "hospital.escalation.level"
    _description = "Escalation Level"
    _order = "level"
    _check_company_auto = True
    _hospital_text_limits = {"name": SHORT}

    name = fields.Char(required=True, translate=True)
    level = fields.Integer(
        required=True,
        help="Rungs are climbed in this order; a request is escalated once per rung.",
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    active = fields.Boolean(default=True)
    offset_hours = fields.Float(
        string="Hours After Due Time",
        help="Negative: the rung is reached this long before the deadline "
        "(nearly breaching); zero: at the deadline; positive: after it.",
    )
    recipient = fields.Selection(
        [
            ("team_leader", "Team Leader"),
            ("group", "Everyone in a Role"),
            ("user", "Named Person"),
        ],
        required=True,
        default="team_leader",
    )
    user_id = fields.Many2one(
        "res.users",
        string="Person",
        help="Section chief or deputy director who receives this rung.",
    )

    group_id = fields.Many2one(
        "res.groups",
        string="Role",
        help="e.g. Logistics Manager (section chief) or Hospital Leadership "
        "(deputy director).",
    )

    _level_company_uniq = models.Constraint(
        "UNIQUE(level, company_id)", "Each rung of the chain needs its own level."
    )

    @api.constrains("recipient", "user_id")
    def _check_recipient(self):
        for rung in self:
            if rung.recipient == "user" and not rung.user_id:
                raise ValidationError(
                    self.env._(
                        "Escalation level “%(name)s” goes to a named person: "
                        "choose who.",
                        name=rung.name,
                    )
                )
            if rung.recipient == "group" and not rung.group_id:
                raise ValidationError(
                    self.env._(
                        "Escalation level “%(name)s” goes to a role: choose which.",
                        name=rung.name,
                    )
                )

    @api.constrains("level", "offset_hours")
    def _check_level_and_offset(self):
        for rung in self:
            if rung.level < 1:
                raise ValidationError(
                    self.env._(
                        "Escalation level “%(name)s”: levels are counted from 1.",
                        name=rung.name,
                    )
                )
            if abs(rung.offset_hours) > MAX_OFFSET_HOURS:
                raise ValidationError(
                    self.env._(
                        "Escalation level “%(name)s”: a rung is reached at most "
                        "%(hours)s hours before or after the deadline.",
                        name=rung.name,
                        hours=MAX_OFFSET_HOURS,
                    )
                )

    @api.constrains(lambda self: tuple(self._hospital_text_limits))
    def _check_text_limits(self):
        check_text_limits(self)

    def _hospital_reached_by(self, now):
        """The open requests of this rung's hospital whose clock has passed the
        rung's offset at ``now`` and that have not climbed it yet."""
        self.ensure_one()
        return self.env["maintenance.request"].search(
            [
                ("company_id", "=", self.company_id.id),
                ("service_state", "in", OPEN_STATES),
                ("sla_due_at", "<=", now - timedelta(hours=self.offset_hours)),
                ("escalation_level", "<", self.level),
            ]
        )

    def _hospital_escalate(self, requests):
        """Escalate ``requests`` to this rung: one activity per request and
        recipient, one digest per recipient, then stamp the level reached.

        A constant number of queries whatever the number of requests: the
        activities are created in one batch, the stamp in one write.
        """
        self.ensure_one()
        if not requests:
            return
        activity_type = self.env.ref(
            "hospital_maintenance.mail_act_hospital_escalation"
        )
        model_id = self.env["ir.model"]._get_id(requests._name)
        by_recipient = {}
        recipients_of_team = {}
        for request in requests:
            # Recipients depend on the team only: compute them once per team.
            team = request.maintenance_team_id
            if team not in recipients_of_team:
                recipients_of_team[team] = self._recipients(request)
            for recipient in recipients_of_team[team]:
                by_recipient.setdefault(recipient, []).append(request.id)
        activity_vals = []
        for recipient, request_ids in by_recipient.items():
            # Stored texts: write them in the recipient's language.
            translated = self.with_context(lang=recipient.lang).env
            summary = translated._(
                "Escalated: %(level)s", level=self.with_env(translated).name
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
        requests._hospital_transition().with_context(tracking_disable=True).write(
            {"escalation_level": self.level, "escalated_at": fields.Datetime.now()}
        )

    def _recipients(self, request):
        """Users who receive this rung for ``request``."""
        self.ensure_one()
        if self.recipient == "team_leader":
            return request.maintenance_team_id.user_id or self.user_id
        if self.recipient == "group":
            # Direct members only: leadership implies the manager role but must
            # not receive the section chief's rung.
            return self.group_id.user_ids.filtered(
                lambda u: u.active and request.company_id in u.company_ids
            )
        return self.user_id
