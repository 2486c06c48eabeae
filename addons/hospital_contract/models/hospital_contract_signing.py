from odoo import fields, models
from odoo.exceptions import UserError
from odoo.fields import Domain

from odoo.addons.hospital_logistics.groups import FINANCE
from odoo.addons.hospital_logistics.models.hospital_workflow_mixin import (
    hospital_transition,
)

from .hospital_contract import IN_FORCE


# One model, one file per concern: its flow and register, its signing, its
# archiving; merged they would make a file over 1,000 lines.
class HospitalContract(models.Model):
    """Signing (签订), the contract seal log and the finance copy (财务联):
    only the legal representative or the holder of a valid authorisation
    signs for the hospital."""

    _inherit = "hospital.contract"  # pylint: disable=consider-merging-classes-inherited

    # Signing (签订) by the legal representative or an authorised person
    hospital_signature = fields.Binary(
        string="Signature for the Hospital", copy=False, groups="base.group_user"
    )
    hospital_signature_user_id = fields.Many2one(
        "res.users", string="Signed By", readonly=True, copy=False
    )
    hospital_signature_date = fields.Datetime(
        string="Signature Drawn On", readonly=True, copy=False
    )
    authorization_id = fields.Many2one(
        "hospital.contract.authorization",
        string="Signed Under Authorisation",
        readonly=True,
        copy=False,
    )
    signed_date = fields.Date(readonly=True, copy=False)
    seal_log_ids = fields.One2many("hospital.contract.seal.log", "contract_id")
    # The original marked for finance (财务联)
    finance_copy_state = fields.Selection(
        [("none", "Not Sent"), ("sent", "Sent to Finance"), ("received", "Received")],
        string="Finance Copy",
        default="none",
        required=True,
        copy=False,
        tracking=True,
    )
    finance_copy_sent_date = fields.Date(readonly=True, copy=False)
    finance_received_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    finance_received_date = fields.Date(readonly=True, copy=False)

    def _hospital_contract_signers(self):
        self.ensure_one()
        today = fields.Date.context_today(self)
        authorizations = (
            self.env["hospital.contract.authorization"]
            .sudo()
            .search(
                self.env["hospital.contract.authorization"]._hospital_valid_domain(
                    self, today
                )
            )
        )
        return self.company_id.hospital_legal_representative_id | authorizations.user_id

    @hospital_transition
    def action_sign(self):
        """The legal representative or an authorised person signs; the
        contract seal is applied and logged."""
        self._hospital_check_state("approved")
        today = fields.Date.context_today(self)
        Authorization = self.env["hospital.contract.authorization"].sudo()
        for contract in self:
            signer = contract.hospital_signature_user_id
            if (
                not contract.hospital_signature
                or signer not in contract._hospital_contract_signers()
            ):
                raise UserError(
                    self.env._(
                        "Only the legal representative (法定代表人) or the holder of "
                        "a valid written authorisation (授权委托书) signs "
                        "%(contract)s: draw the signature as that person first.",
                        contract=contract.display_name,
                    )
                )
            authorization = Authorization.browse()
            if signer != contract.company_id.hospital_legal_representative_id:
                authorization = Authorization.search(
                    Authorization._hospital_valid_domain(contract, today)
                    & Domain("user_id", "=", signer.id),
                    limit=1,
                )
            contract.write(
                {
                    "state": "signed",
                    "signed_date": today,
                    "authorization_id": authorization.id,
                }
            )
        self.env["hospital.contract.seal.log"].sudo().create(
            [
                {
                    "contract_id": contract.id,
                    "user_id": self.env.uid,
                    "copies": contract.original_count,
                    "purpose": self.env._("Signing"),
                }
                for contract in self
            ]
        )
        return True

    @hospital_transition
    def action_send_finance(self):
        self._hospital_check_state(*IN_FORCE)
        if any(c.finance_copy_state != "none" for c in self):
            raise UserError(self.env._("The finance copy has already been sent."))
        self.write(
            {
                "finance_copy_state": "sent",
                "finance_copy_sent_date": fields.Date.context_today(self),
            }
        )
        finance = self.env.ref(FINANCE).sudo().user_ids
        for contract in self:
            for user in finance:
                contract.activity_schedule(
                    "mail.mail_activity_data_todo",
                    user_id=user.id,
                    summary=contract.with_context(lang=user.lang).env._(
                        "Receive the finance copy (财务联) of this contract"
                    ),
                )
        return True

    @hospital_transition
    def action_finance_receive(self):
        if not self.env.user.has_group(FINANCE):
            raise UserError(self.env._("Only finance receives the finance copy."))
        if any(c.finance_copy_state != "sent" for c in self):
            raise UserError(self.env._("No finance copy is on its way."))
        self.write(
            {
                "finance_copy_state": "received",
                "finance_received_by_id": self.env.uid,
                "finance_received_date": fields.Date.context_today(self),
            }
        )
        self.activity_feedback(["mail.mail_activity_data_todo"])
        return True
