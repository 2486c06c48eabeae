from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.hospital_logistics.models.hospital_workflow_mixin import (
    hospital_transition,
)

LENDABLE = ("signed", "archived")


class HospitalContractLoan(models.Model):
    """A paper original lent out and brought back (借阅登记)."""

    _name = "hospital.contract.loan"
    _description = "Contract Original Loan (合同借阅)"
    _inherit = ["mail.thread", "hospital.workflow.mixin"]
    _order = "state, date_due, id desc"

    _hospital_workflow_fields = ("state", "date_returned", "lent_by_id")
    _hospital_editable_states = {"lent": ("date_due", "purpose")}

    contract_id = fields.Many2one(
        "hospital.contract", required=True, index=True, ondelete="restrict"
    )
    company_id = fields.Many2one(related="contract_id.company_id", store=True)
    borrower_id = fields.Many2one(
        "res.users",
        required=True,
        tracking=True,
        domain="[('share', '=', False)]",
    )
    purpose = fields.Char(required=True)
    date_lent = fields.Date(
        string="Lent On", required=True, default=fields.Date.context_today
    )
    date_due = fields.Date(string="Due Back", required=True, tracking=True)
    date_returned = fields.Date(string="Returned On", readonly=True)
    lent_by_id = fields.Many2one(
        "res.users", default=lambda s: s.env.user, readonly=True
    )
    state = fields.Selection(
        [("lent", "Lent Out"), ("returned", "Returned")],
        default="lent",
        required=True,
        tracking=True,
    )
    is_overdue = fields.Boolean(
        compute="_compute_is_overdue", search="_search_is_overdue"
    )

    @api.depends("display_name")
    def _compute_display_name(self):
        for loan in self:
            loan.display_name = self.env._(
                "%(contract)s to %(borrower)s",
                contract=loan.contract_id.name or "",
                borrower=loan.borrower_id.name or "",
            )

    def _compute_is_overdue(self):
        today = fields.Date.context_today(self)
        for loan in self:
            loan.is_overdue = bool(
                loan.state == "lent" and loan.date_due and loan.date_due < today
            )

    def _search_is_overdue(self, operator, value):
        if operator != "in":
            return NotImplemented
        return [
            ("state", "=", "lent"),
            ("date_due", "<", fields.Date.context_today(self)),
        ]

    @api.constrains("contract_id", "date_lent", "date_due", "purpose")
    def _check_loan(self):
        for loan in self:
            if loan.date_due < loan.date_lent:
                raise ValidationError(
                    self.env._("A loan cannot be due back before it is lent.")
                )
            if len(loan.purpose or "") > 256:
                raise ValidationError(
                    self.env._("The purpose of a loan is at most 256 characters.")
                )
            if loan.contract_id.state not in LENDABLE:
                raise ValidationError(
                    self.env._(
                        "Only the paper original of a signed contract is lent; "
                        "%(contract)s has none to lend.",
                        contract=loan.contract_id.display_name,
                    )
                )
            if loan.state == "lent" and self.search_count(
                [
                    ("contract_id", "=", loan.contract_id.id),
                    ("state", "=", "lent"),
                    ("id", "!=", loan.id),
                ]
            ):
                raise ValidationError(
                    self.env._(
                        "The original of %(contract)s is already lent out.",
                        contract=loan.contract_id.display_name,
                    )
                )

    @api.ondelete(at_uninstall=False)
    def _unlink_never(self):
        raise UserError(self.env._("The loan log is kept: a loan is never deleted."))

    @hospital_transition
    def action_return(self):
        if any(loan.state != "lent" for loan in self):
            raise UserError(self.env._("Only a lent original comes back."))
        self.write(
            {"state": "returned", "date_returned": fields.Date.context_today(self)}
        )
        return True
