from odoo import api, fields, models
from odoo.exceptions import UserError

from odoo.addons.hospital_logistics.models.hospital_workflow_mixin import (
    hospital_transition,
)


class HospitalContractCountersign(models.Model):
    """The countersignature (会签) of one related department on a contract:
    its head signs, agreeing or refusing with an opinion."""

    _name = "hospital.contract.countersign"
    _description = "Contract Countersignature (会签)"
    _inherit = ["mail.thread", "hospital.signature.mixin"]
    _order = "contract_id, id"
    _rec_name = "department_id"

    _hospital_workflow_fields = ("state",)
    _hospital_editable_states = {"pending": ("opinion", "signature")}
    _hospital_signers = {"signature": "_hospital_countersigners"}
    _hospital_signature_certifies = {"signature": ("opinion",)}

    contract_id = fields.Many2one(
        "hospital.contract", required=True, index=True, ondelete="cascade"
    )
    company_id = fields.Many2one(related="contract_id.company_id", store=True)
    department_id = fields.Many2one("hr.department", required=True, index=True)
    state = fields.Selection(
        [("pending", "Pending"), ("agreed", "Agreed"), ("refused", "Refused")],
        default="pending",
        required=True,
        tracking=True,
    )
    opinion = fields.Text()
    signature = fields.Binary(copy=False)
    signature_user_id = fields.Many2one(
        "res.users", string="Countersigned By", readonly=True, copy=False
    )
    signature_date = fields.Datetime(
        string="Countersigned On", readonly=True, copy=False
    )

    def _hospital_countersigners(self):
        """The department's head; a department without one signs through the
        people working in it."""
        self.ensure_one()
        department = self.department_id.sudo()
        return department.manager_id.user_id or department.member_ids.user_id

    def _hospital_signers_all(self):
        users = self.env["res.users"]
        for line in self:
            users |= line._hospital_countersigners()
        return users

    def _hospital_check_signable(self, field):
        if self.contract_id.state != "countersign":
            raise UserError(
                self.env._(
                    "%(contract)s is not being countersigned.",
                    contract=self.contract_id.display_name,
                )
            )

    def _hospital_ask_signers(self):
        for line in self:
            for user in line._hospital_countersigners():
                line.contract_id.activity_schedule(
                    "mail.mail_activity_data_todo",
                    user_id=user.id,
                    summary=line.with_context(lang=user.lang).env._(
                        "Countersign for %(department)s",
                        department=line.department_id.name,
                    ),
                )

    @api.ondelete(at_uninstall=False)
    def _unlink_except_signed(self):
        if not self._hospital_in_transition() and any(
            line.state != "pending" for line in self
        ):
            raise UserError(self.env._("A given countersignature is never deleted."))

    def _hospital_check_decision(self):
        for line in self:
            if line.state != "pending" or line.contract_id.state != "countersign":
                raise UserError(
                    self.env._(
                        "%(department)s has already countersigned, or the contract "
                        "is no longer being countersigned.",
                        department=line.department_id.name,
                    )
                )
            if not line.signature or line.signature_user_id != self.env.user:
                raise UserError(
                    self.env._(
                        "Sign for %(department)s first: only its head countersigns.",
                        department=line.department_id.name,
                    )
                )

    @hospital_transition
    def action_agree(self):
        self._hospital_check_decision()
        self.write({"state": "agreed"})
        contracts = self.contract_id
        contracts.activity_feedback(
            ["mail.mail_activity_data_todo"], user_id=self.env.uid
        )
        contracts.filtered(
            lambda c: all(line.state == "agreed" for line in c.countersign_ids)
        )._hospital_countersigned()
        return True

    @hospital_transition
    def action_refuse(self):
        self._hospital_check_decision()
        for line in self:
            if not (line.opinion or "").strip():
                raise UserError(
                    self.env._("Write the department's opinion: why it refuses.")
                )
        self.write({"state": "refused"})
        for line in self:
            line.contract_id.sudo()._hospital_transition().write(
                {
                    "state": "refused",
                    "refused_by_id": self.env.uid,
                    "refusal_reason": line.opinion,
                }
            )
        return True
