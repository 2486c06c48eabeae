from odoo import api, fields, models
from odoo.exceptions import ValidationError


class HospitalEscalationLevel(models.Model):
    """One rung of the escalation chain (team leader → section chief → deputy
    director). A request climbs a rung once, when its clock passes the rung's
    offset from the due time."""

    _name = "hospital.escalation.level"
    _description = "Escalation Level"
    _order = "level"
    _check_company_auto = True

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
