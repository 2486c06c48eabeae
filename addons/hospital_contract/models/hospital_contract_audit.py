from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.hospital_logistics.models.hospital_workflow_mixin import (
    ALL_FIELDS,
    hospital_transition,
)


class HospitalContractAudit(models.Model):
    """A periodic or random audit of contracts by the supervision group
    (监督检查), or the yearly review of major contracts."""

    _name = "hospital.contract.audit"
    _description = "Contract Audit (合同检查)"
    _hospital_sequence_code = "hospital.contract.audit"
    _inherit = ["mail.thread", "mail.activity.mixin", "hospital.workflow.mixin"]
    _order = "date desc, id desc"
    _check_company_auto = True

    _hospital_workflow_fields = ("state",)
    _hospital_editable_states = {
        "draft": ALL_FIELDS,
        "done": ("finding_ids.resolved", "finding_ids.action_taken"),
    }
    _hospital_free_fields = ("summary",)

    name = fields.Char(string="Number", readonly=True, copy=False, default="/")
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    date = fields.Date(required=True, default=fields.Date.context_today)
    kind = fields.Selection(
        [
            ("periodic", "Periodic Audit"),
            ("random", "Random Check"),
            ("review", "Yearly Review of Major Contracts"),
        ],
        required=True,
        default="periodic",
        tracking=True,
    )
    auditor_ids = fields.Many2many(
        "res.users", string="Supervision Group", domain="[('share', '=', False)]"
    )
    contract_ids = fields.Many2many(
        "hospital.contract", string="Contracts Examined", check_company=True
    )
    finding_ids = fields.One2many(
        "hospital.contract.audit.finding", "audit_id", string="Findings"
    )
    summary = fields.Text()
    state = fields.Selection(
        [("draft", "In Progress"), ("done", "Closed")],
        default="draft",
        required=True,
        tracking=True,
    )

    @api.constrains("date")
    def _check_date(self):
        for audit in self:
            if audit.date > fields.Date.context_today(audit):
                raise ValidationError(
                    self.env._("An audit cannot be dated in the future.")
                )

    @api.ondelete(at_uninstall=False)
    def _unlink_never(self):
        raise UserError(self.env._("Audit records are kept, never deleted."))

    @hospital_transition
    def action_done(self):
        for audit in self:
            if audit.state != "draft":
                raise UserError(self.env._("This audit is already closed."))
            if not audit.contract_ids:
                raise UserError(self.env._("An audit examines at least one contract."))
            stray = audit.finding_ids.contract_id - audit.contract_ids
            if stray:
                raise UserError(
                    self.env._(
                        "Findings may only concern the contracts examined: %(names)s.",
                        names=", ".join(stray.mapped("display_name")),
                    )
                )
        self.write({"state": "done"})
        for audit in self.filtered(lambda a: a.kind == "review"):
            audit.contract_ids.sudo()._hospital_reviewed(audit.date)
        return True
