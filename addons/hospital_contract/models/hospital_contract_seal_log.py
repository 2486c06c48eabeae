from odoo import api, fields, models
from odoo.exceptions import ValidationError

SEALABLE = ("approved", "signed", "archived")


class HospitalContractSealLog(models.Model):
    """One use of the contract seal (合同专用章用印登记). Entries are added,
    never changed nor deleted."""

    _name = "hospital.contract.seal.log"
    _description = "Contract Seal Log (用印登记)"
    _order = "date desc, id desc"

    contract_id = fields.Many2one(
        "hospital.contract", required=True, index=True, ondelete="restrict"
    )
    company_id = fields.Many2one(related="contract_id.company_id", store=True)
    department_id = fields.Many2one(related="contract_id.department_id")
    date = fields.Datetime(required=True, default=fields.Datetime.now)
    user_id = fields.Many2one(
        "res.users", string="Applied By", required=True, default=lambda s: s.env.user
    )
    seal_kind = fields.Selection(
        [
            ("contract", "Contract Seal (合同专用章)"),
            ("official", "Official Seal (公章)"),
        ],
        default="contract",
        required=True,
    )
    copies = fields.Integer(required=True, default=1)
    purpose = fields.Char(required=True)

    @api.constrains("contract_id", "copies", "purpose")
    def _check_sealable(self):
        for log in self:
            if log.contract_id.state not in SEALABLE:
                raise ValidationError(
                    self.env._(
                        "The seal goes only on an approved contract; %(contract)s is "
                        "not approved.",
                        contract=log.contract_id.display_name,
                    )
                )
            if log.copies < 1:
                raise ValidationError(
                    self.env._("A seal is applied to at least one copy.")
                )
            if len(log.purpose or "") > 256:
                raise ValidationError(
                    self.env._("The purpose of a seal use is at most 256 characters.")
                )
