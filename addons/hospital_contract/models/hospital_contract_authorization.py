from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.fields import Domain

from odoo.addons.hospital_logistics.groups import LEADERSHIP
from odoo.addons.hospital_logistics.models.hospital_workflow_mixin import (
    ALL_FIELDS,
    hospital_transition,
)


class HospitalContractAuthorization(models.Model):
    """A written authorisation (授权委托书) of the legal representative: the
    holder may sign contracts within its scope and period."""

    _name = "hospital.contract.authorization"
    _description = "Signing Authorisation (授权委托书)"
    _hospital_sequence_code = "hospital.contract.authorization"
    _inherit = ["mail.thread", "hospital.workflow.mixin"]
    _order = "date_end desc, id desc"
    _check_company_auto = True

    _hospital_workflow_fields = ("state", "granted_by_id")
    _hospital_editable_states = {"draft": ALL_FIELDS}
    _hospital_free_fields = ("note",)

    name = fields.Char(string="Number", readonly=True, copy=False, default="/")
    user_id = fields.Many2one(
        "res.users",
        string="Authorised Person",
        required=True,
        tracking=True,
        domain="[('share', '=', False)]",
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    date_start = fields.Date(
        string="Valid From", required=True, default=fields.Date.context_today
    )
    date_end = fields.Date(string="Valid Until", required=True, tracking=True)
    type_ids = fields.Many2many(
        "hospital.contract.type",
        string="Contract Types",
        help="Empty: every type of contract.",
    )
    max_amount = fields.Monetary(
        string="Up To Amount", default=0.0, help="Zero: whatever the amount."
    )
    document = fields.Binary(string="Signed Authorisation", attachment=True)
    document_name = fields.Char()
    note = fields.Text()
    state = fields.Selection(
        [("draft", "Draft"), ("active", "In Force"), ("revoked", "Revoked")],
        default="draft",
        required=True,
        tracking=True,
        copy=False,
    )
    granted_by_id = fields.Many2one("res.users", readonly=True, copy=False)

    @api.constrains("date_start", "date_end", "max_amount")
    def _check_period_and_amount(self):
        for auth in self:
            if auth.date_end < auth.date_start:
                raise ValidationError(
                    self.env._("An authorisation cannot end before it starts.")
                )
            if auth.max_amount < 0:
                raise ValidationError(
                    self.env._("An authorisation's amount cannot be negative.")
                )

    @api.ondelete(at_uninstall=False)
    def _unlink_except_granted(self):
        if any(auth.state != "draft" for auth in self):
            raise UserError(
                self.env._("A granted authorisation is revoked, never deleted.")
            )

    def _hospital_check_leadership(self):
        if not self.env.user.has_group(LEADERSHIP):
            raise UserError(
                self.env._(
                    "Only hospital leadership grants or revokes a signing "
                    "authorisation."
                )
            )

    @hospital_transition
    def action_grant(self):
        self._hospital_check_leadership()
        if any(auth.state != "draft" for auth in self):
            raise UserError(self.env._("Only a draft authorisation can be granted."))
        self.write({"state": "active", "granted_by_id": self.env.uid})

    @hospital_transition
    def action_revoke(self):
        self._hospital_check_leadership()
        self.filtered(lambda a: a.state == "active").write({"state": "revoked"})

    @api.model
    def _hospital_valid_domain(self, contract, day):
        """Authorisations that let their holder sign ``contract`` on ``day``."""
        return (
            Domain("state", "=", "active")
            & Domain("company_id", "=", contract.company_id.id)
            & Domain("date_start", "<=", day)
            & Domain("date_end", ">=", day)
            & (
                Domain("type_ids", "=", False)
                | Domain("type_ids", "in", contract.type_id.ids)
            )
            & (
                Domain("max_amount", "in", (0, False))
                | Domain("max_amount", ">=", contract.amount)
            )
        )
