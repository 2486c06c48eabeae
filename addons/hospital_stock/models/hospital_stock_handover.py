from odoo import api, fields, models
from odoo.exceptions import UserError

from odoo.addons.hospital_logistics.models.hospital_workflow_mixin import (
    hospital_transition,
)


class HospitalStockHandover(models.Model):
    _name = "hospital.stock.handover"
    _description = "Custody Handover (交接)"
    _inherit = ["mail.thread", "mail.activity.mixin", "hospital.stock.count.mixin"]
    _order = "create_date desc, id desc"
    _check_company_auto = True

    _hospital_count_line_model = "hospital.stock.handover.line"
    _hospital_workflow_fields = ("state", "date_done")
    _hospital_signers = {
        "outgoing_signature": "_hospital_outgoing",
        "incoming_signature": "_hospital_incoming",
    }
    # Who hands over to whom is set when the head nurse changes.
    _hospital_editable_states = {
        "draft": (
            "line_ids",
            "line_ids.counted_qty",
            "line_ids.note",
            "outgoing_signature",
            "incoming_signature",
        ),
    }

    name = fields.Char(compute="_compute_name", store=True)
    active = fields.Boolean(default=True)
    state = fields.Selection(
        [("draft", "Counting"), ("done", "Handed Over")],
        default="draft",
        required=True,
        tracking=True,
        copy=False,
    )
    outgoing_user_id = fields.Many2one(
        "res.users", string="Outgoing Head Nurse", required=True
    )
    incoming_user_id = fields.Many2one(
        "res.users", string="Incoming Head Nurse", required=True
    )
    line_ids = fields.One2many(
        "hospital.stock.handover.line", "handover_id", string="Joint Count"
    )
    date_done = fields.Datetime(string="Handed Over On", readonly=True, copy=False)
    outgoing_signature = fields.Binary(copy=False)
    outgoing_signature_user_id = fields.Many2one("res.users", readonly=True, copy=False)
    outgoing_signature_date = fields.Datetime(readonly=True, copy=False)
    incoming_signature = fields.Binary(copy=False)
    incoming_signature_user_id = fields.Many2one("res.users", readonly=True, copy=False)
    incoming_signature_date = fields.Datetime(readonly=True, copy=False)

    @api.depends("department_id", "outgoing_user_id", "incoming_user_id")
    def _compute_name(self):
        for handover in self:
            handover.name = self.env._(
                "%(department)s: %(outgoing)s → %(incoming)s",
                department=handover.department_id.name or "",
                outgoing=handover.outgoing_user_id.name or "",
                incoming=handover.incoming_user_id.name or "",
            )

    @api.model_create_multi
    def create(self, vals_list):
        handovers = super().create(vals_list)
        for handover in handovers:
            for user in handover.outgoing_user_id | handover.incoming_user_id:
                handover.activity_schedule(
                    "mail.mail_activity_data_todo",
                    user_id=user.id,
                    summary=self.with_context(lang=user.lang).env._(
                        "Joint count and signatures of the custody handover"
                    ),
                )
        return handovers

    def _check_department_member(self):
        # The outgoing head nurse is no longer a member once replaced: being
        # named on the handover is enough.
        return

    @api.ondelete(at_uninstall=False)
    def _unlink_never(self):
        """A handover is never deleted, not even by a manager: it is archived."""
        raise UserError(self.env._("Handovers are archived, not deleted."))

    def _hospital_outgoing(self):
        return self.outgoing_user_id

    def _hospital_incoming(self):
        return self.incoming_user_id

    @hospital_transition
    def action_done(self):
        self._check_count_open()
        self._check_all_signed()
        self._hospital_close_count({"date_done": fields.Datetime.now()})
        return True
