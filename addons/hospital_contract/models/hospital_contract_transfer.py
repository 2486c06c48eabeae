from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.hospital_logistics.groups import ARCHIVIST
from odoo.addons.hospital_logistics.models.hospital_workflow_mixin import (
    hospital_transition,
)


class HospitalContractTransfer(models.Model):
    """The hand-over of a contract's originals to the archive office (移交)."""

    _name = "hospital.contract.transfer"
    _description = "Contract Transfer to the Archive Office (档案移交)"
    _hospital_sequence_code = "hospital.contract.transfer"
    _inherit = ["mail.thread", "mail.activity.mixin", "hospital.workflow.mixin"]
    _order = "id desc"

    _hospital_workflow_fields = (
        "state",
        "sent_by_id",
        "date_received",
        "received_by_id",
    )
    _hospital_editable_states = {"sent": ("archive_code", "note")}
    _hospital_free_fields = ("note",)

    name = fields.Char(string="Number", readonly=True, copy=False, default="/")
    contract_id = fields.Many2one(
        "hospital.contract", required=True, index=True, ondelete="restrict"
    )
    company_id = fields.Many2one(related="contract_id.company_id", store=True)
    state = fields.Selection(
        [("sent", "Handed Over"), ("received", "Received by the Archive Office")],
        default="sent",
        required=True,
        tracking=True,
    )
    date_sent = fields.Date(default=fields.Date.context_today, readonly=True)
    sent_by_id = fields.Many2one(
        "res.users", default=lambda s: s.env.user, readonly=True
    )
    date_received = fields.Date(readonly=True)
    received_by_id = fields.Many2one("res.users", readonly=True)
    archive_code = fields.Char(string="Archive Code (档号)", tracking=True)
    note = fields.Text()

    _contract_uniq = models.Constraint(
        "UNIQUE(contract_id)",
        "A contract is transferred to the archive office once.",
    )

    @api.constrains("contract_id", "archive_code")
    def _check_contract_in_force(self):
        for transfer in self:
            if transfer.contract_id.state not in ("signed", "archived", "destroyed"):
                raise ValidationError(
                    self.env._(
                        "Only a signed contract is transferred to the archive office."
                    )
                )
            if len(transfer.archive_code or "") > 64:
                raise ValidationError(
                    self.env._("An archive code is at most 64 characters long.")
                )

    @api.ondelete(at_uninstall=False)
    def _unlink_never(self):
        raise UserError(self.env._("A transfer record is kept for good."))

    def _hospital_notify_archivists(self):
        archivists = self.env.ref(ARCHIVIST).sudo().user_ids
        for transfer in self:
            for user in archivists:
                transfer.activity_schedule(
                    "mail.mail_activity_data_todo",
                    user_id=user.id,
                    summary=transfer.with_context(lang=user.lang).env._(
                        "Receive the originals of %(contract)s",
                        contract=transfer.contract_id.display_name,
                    ),
                )
            transfer.message_post(
                body=self.env._("Originals handed over to the archive office."),
                partner_ids=archivists.partner_id.ids,
            )

    @hospital_transition
    def action_receive(self):
        if not self.env.user.has_group(ARCHIVIST):
            raise UserError(self.env._("Only the archive office receives a transfer."))
        if any(transfer.state != "sent" for transfer in self):
            raise UserError(self.env._("This transfer has already been received."))
        self.write(
            {
                "state": "received",
                "received_by_id": self.env.uid,
                "date_received": fields.Date.context_today(self),
            }
        )
        return True
