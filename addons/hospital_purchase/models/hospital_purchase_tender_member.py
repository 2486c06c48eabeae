from odoo import fields, models
from odoo.exceptions import UserError

from odoo.addons.hospital_logistics.models.hospital_workflow_mixin import (
    hospital_transition,
)


class HospitalPurchaseTenderMember(models.Model):
    """A member of a tender's evaluation committee and the declaration of
    conflict of interest (利益冲突声明) each gives before scoring."""

    _name = "hospital.purchase.tender.member"
    _description = "Evaluation Committee Member"
    _inherit = ["hospital.workflow.line.mixin"]
    _hospital_document_field = "tender_id"
    _hospital_workflow_fields = ("declaration", "declared_date")
    _rec_name = "user_id"

    tender_id = fields.Many2one(
        "hospital.purchase.tender", required=True, ondelete="cascade", index=True
    )
    user_id = fields.Many2one(
        "res.users", string="Member", required=True, domain=[("share", "=", False)]
    )
    role = fields.Selection(
        [("chair", "Chair"), ("member", "Member"), ("expert", "External Expert")],
        default="member",
        required=True,
    )
    declaration = fields.Selection(
        [
            ("pending", "Not Declared"),
            ("none", "No Conflict of Interest"),
            ("conflict", "Conflict Declared (Withdrawn)"),
        ],
        default="pending",
        required=True,
        readonly=True,
    )
    declaration_note = fields.Text()
    declared_date = fields.Datetime(readonly=True)

    _user_unique = models.Constraint(
        "UNIQUE(tender_id, user_id)", "A person sits once on a committee."
    )

    def write(self, vals):
        """A member from any department (finance, a clinical expert) writes
        what his own pending declaration says, whatever his other rights."""
        if (
            not self.env.su
            and set(vals) == {"declaration_note"}
            and all(
                m.user_id == self.env.user and m.declaration == "pending" for m in self
            )
        ):
            return super(HospitalPurchaseTenderMember, self.sudo()).write(vals)
        return super().write(vals)

    def _hospital_check_self(self):
        for member in self:
            if member.user_id != self.env.user and not self.env.su:
                raise UserError(self.env._("Each member gives his own declaration."))
            if member.declaration != "pending":
                raise UserError(self.env._("The declaration is already given."))

    @hospital_transition
    def action_declare_none(self):
        self._hospital_check_self()
        # Members come from any department (finance, clinical experts): the
        # declaration is theirs to give, checked above, not a right to edit
        # the committee.
        self.sudo().write(
            {"declaration": "none", "declared_date": fields.Datetime.now()}
        )
        return True

    @hospital_transition
    def action_declare_conflict(self):
        self._hospital_check_self()
        for member in self:
            if not (member.declaration_note or "").strip():
                raise UserError(self.env._("Say what the conflict of interest is."))
        self.sudo().write(
            {"declaration": "conflict", "declared_date": fields.Datetime.now()}
        )
        return True
