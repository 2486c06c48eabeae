from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.hospital_logistics.models.hospital_workflow_mixin import (
    ALL_FIELDS,
    hospital_transition,
)

from .input_limits import TEXT, check_text_limits

# A handover is logged when it happens, give or take a clock's drift.
FUTURE_GRACE = timedelta(minutes=5)


class HospitalShiftHandover(models.Model):
    """Shift handover (交接班) of a 24-hour post: both operators sign.

    A signature covers what it was given on: once an operator has signed, the
    handover no longer changes; a wrong one is archived and written again.
    """

    _name = "hospital.shift.handover"
    _description = "Shift Handover"
    _inherit = ["mail.thread", "hospital.workflow.mixin"]
    _order = "handover_at desc"
    _check_company_auto = True
    _hospital_workflow_fields = ("state", "outgoing_signed_at", "incoming_signed_at")
    _hospital_editable_states = {"draft": ALL_FIELDS}
    _hospital_text_limits = {"equipment_status": TEXT, "notes": TEXT}

    post_id = fields.Many2one("hospital.duty.post", required=True, check_company=True)
    company_id = fields.Many2one(related="post_id.company_id", store=True, index=True)
    handover_at = fields.Datetime(
        string="Handover Time",
        required=True,
        default=fields.Datetime.now,
        tracking=True,
    )
    outgoing_user_id = fields.Many2one(
        "res.users",
        string="Outgoing Operator",
        required=True,
        default=lambda self: self.env.user,
        tracking=True,
    )
    incoming_user_id = fields.Many2one(
        "res.users", string="Incoming Operator", required=True, tracking=True
    )
    equipment_status = fields.Text(help="Readings and state of the plant.")
    notes = fields.Text(string="Open Issues")
    outgoing_signed_at = fields.Datetime(readonly=True, copy=False)
    incoming_signed_at = fields.Datetime(readonly=True, copy=False)
    state = fields.Selection(
        [("draft", "To Sign"), ("signed", "Signed by Both")],
        default="draft",
        required=True,
        readonly=True,
        tracking=True,
    )
    active = fields.Boolean(default=True)

    @api.constrains("outgoing_user_id", "incoming_user_id")
    def _check_two_operators(self):
        for handover in self:
            if handover.outgoing_user_id == handover.incoming_user_id:
                raise ValidationError(
                    self.env._(
                        "A handover is between two operators: the outgoing "
                        "and the incoming operator must differ."
                    )
                )

    @api.constrains("handover_at")
    def _check_handover_not_in_future(self):
        for handover in self:
            if handover.handover_at > fields.Datetime.now() + FUTURE_GRACE:
                raise ValidationError(
                    self.env._(
                        "A handover is logged when it takes place, not ahead: "
                        "%(time)s is in the future.",
                        time=fields.Datetime.to_string(handover.handover_at),
                    )
                )

    @api.constrains(lambda self: tuple(self._hospital_text_limits))
    def _check_text_limits(self):
        check_text_limits(self)

    def _hospital_check_content_editable(self, fnames):
        result = super()._hospital_check_content_editable(fnames)
        for handover in self:
            signer = (handover.outgoing_signed_at and handover.outgoing_user_id) or (
                handover.incoming_signed_at and handover.incoming_user_id
            )
            if signer:
                raise UserError(
                    self.env._(
                        "%(signer)s has signed this handover: what was signed no "
                        "longer changes. Archive it and log the handover again.",
                        signer=signer.name,
                    )
                )
        return result

    @hospital_transition
    def action_sign(self):
        """Each operator signs with their own login; both signatures close it."""
        now = fields.Datetime.now()
        for handover in self:
            if handover.state == "signed":
                raise UserError(self.env._("This handover is already signed by both."))
            if self.env.user == handover.outgoing_user_id:
                handover.outgoing_signed_at = now
            elif self.env.user == handover.incoming_user_id:
                handover.incoming_signed_at = now
            else:
                raise UserError(
                    self.env._(
                        "Only the outgoing and incoming operators sign their handover."
                    )
                )
            if handover.outgoing_signed_at and handover.incoming_signed_at:
                handover.state = "signed"
        return True

    @api.ondelete(at_uninstall=False)
    def _unlink_except_handover_log(self):
        # Every handover is part of the log, signed or not, whoever deletes it.
        raise UserError(
            self.env._("Handover logs are kept: archive a wrong entry instead.")
        )
