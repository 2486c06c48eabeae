from odoo import api, fields, models
from odoo.exceptions import ValidationError


class HospitalContractAuditFinding(models.Model):
    _name = "hospital.contract.audit.finding"
    _description = "Contract Audit Finding (检查发现)"
    _inherit = ["hospital.workflow.line.mixin"]
    _order = "audit_id, id"

    _hospital_document_field = "audit_id"

    audit_id = fields.Many2one(
        "hospital.contract.audit", required=True, index=True, ondelete="cascade"
    )
    company_id = fields.Many2one(related="audit_id.company_id", store=True)
    contract_id = fields.Many2one("hospital.contract", required=True, index=True)
    severity = fields.Selection(
        [("observation", "Observation"), ("minor", "Minor"), ("major", "Major")],
        required=True,
        default="minor",
    )
    description = fields.Text(required=True)
    action_taken = fields.Text(string="Corrective Action")
    resolved = fields.Boolean()

    @api.constrains("description", "action_taken")
    def _check_text_length(self):
        for finding in self:
            if len(finding.description or "") + len(finding.action_taken or "") > 20000:
                raise ValidationError(
                    self.env._("A finding is described in at most 20,000 characters.")
                )
