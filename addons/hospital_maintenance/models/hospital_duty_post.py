from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import ValidationError

from .input_limits import SHORT, check_text_limits


class HospitalDutyPost(models.Model):
    """A post staffed around the clock (boiler room, power room)."""

    _name = "hospital.duty.post"
    _description = "24-hour Duty Post"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "name"
    _check_company_auto = True
    _hospital_text_limits = {"name": SHORT}

    name = fields.Char(required=True, translate=True, tracking=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    active = fields.Boolean(default=True)
    team_id = fields.Many2one("maintenance.team", check_company=True)
    shift_hours = fields.Float(
        string="Shift Length (h)", default=8.0, required=True, tracking=True
    )
    handover_ids = fields.One2many("hospital.shift.handover", "post_id")
    last_handover_at = fields.Datetime(
        compute="_compute_last_handover_at",
        store=True,
        help="When the last handover signed by both operators took place.",
    )
    handover_missing = fields.Boolean(
        compute="_compute_handover_missing",
        search="_search_handover_missing",
        help="No handover signed by both operators within a shift plus the grace "
        "period of Settings.",
    )

    @api.constrains("shift_hours")
    def _check_shift_hours(self):
        for post in self:
            if not 0 < post.shift_hours <= 24:
                raise ValidationError(
                    self.env._(
                        "%(post)s: a shift lasts more than 0 and at most 24 hours, "
                        "not %(hours)s.",
                        post=post.name,
                        hours=post.shift_hours,
                    )
                )

    @api.constrains(lambda self: tuple(self._hospital_text_limits))
    def _check_text_limits(self):
        check_text_limits(self)

    @api.depends("handover_ids.state", "handover_ids.handover_at")
    def _compute_last_handover_at(self):
        signed = self.env["hospital.shift.handover"]._read_group(
            [("post_id", "in", self.ids), ("state", "=", "signed")],
            ["post_id"],
            ["handover_at:max"],
        )
        last = {post.id: when for post, when in signed}
        for post in self:
            post.last_handover_at = last.get(post.id, False)

    def _handover_due_before(self):
        self.ensure_one()
        grace = self.company_id.hospital_handover_grace_minutes / 60
        return fields.Datetime.now() - timedelta(hours=self.shift_hours + grace)

    def _compute_handover_missing(self):
        for post in self:
            post.handover_missing = not post.last_handover_at or (
                post.last_handover_at < post._handover_due_before()
            )

    def _search_handover_missing(self, operator, value):
        if operator != "in":
            return NotImplemented
        # Few posts exist (boiler room, power room): filtering them is cheap.
        # Read them with what the check needs in the same query.
        posts = self.search_fetch([], ["last_handover_at", "shift_hours", "company_id"])
        missing = posts.filtered("handover_missing")
        if True in value:
            return [("id", "in", missing.ids)]
        return [("id", "not in", missing.ids)]

    @api.model
    def _cron_flag_missing_handover(self):
        """Ask the post's team leader about a post whose handover is missing."""
        activity_type = self.env.ref("hospital_maintenance.mail_act_hospital_handover")
        posts = self.search([("handover_missing", "in", [True])])
        pending = self.env["mail.activity"].search(
            [
                ("res_model", "=", self._name),
                ("res_id", "in", posts.ids),
                ("activity_type_id", "=", activity_type.id),
            ]
        )
        flagged = set(pending.mapped("res_id"))
        for post in posts.filtered(lambda p: p.id not in flagged):
            leader = post.team_id.user_id or self.env.user
            post.activity_schedule(
                "hospital_maintenance.mail_act_hospital_handover",
                user_id=leader.id,
                summary=self.with_context(lang=leader.lang).env._(
                    "No signed handover since %(time)s",
                    time=post.last_handover_at or "-",
                ),
            )
