from odoo import api, fields, models
from odoo.exceptions import ValidationError

NAME_LIMIT = 128


class HospitalContractType(models.Model):
    _name = "hospital.contract.type"
    _description = "Contract Type (合同类别)"
    _inherit = ["mail.thread"]
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True, tracking=True)
    code = fields.Char(tracking=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    department_id = fields.Many2one(
        "hr.department",
        string="Owning Department",
        tracking=True,
        help="Drafts, files and answers for the contracts of this type (e.g. "
        "labour contracts: HR; equipment: the equipment department).",
    )
    countersign_department_ids = fields.Many2many(
        "hr.department",
        "hospital_contract_type_countersign_rel",
        "type_id",
        "department_id",
        string="Countersigning Departments",
        help="Related departments that countersign (会签) every contract of this type.",
    )
    requires_legal_opinion = fields.Boolean(
        string="Legal Opinion Required",
        tracking=True,
        help="A legal adviser gives a written opinion (法律意见) before approval.",
    )
    requires_qualification = fields.Boolean(
        string="Work Qualification Required",
        default=True,
        help="The counterparty must hold a valid qualification for the work.",
    )
    requires_financial_statements = fields.Boolean(
        string="Financial Statements Required",
        help="The counterparty must file valid financial statements.",
    )
    is_investment = fields.Boolean(
        string="Investment Contract",
        help="Investment contracts from the archive investment amount up are "
        "transferred to the archive office.",
    )
    company_id = fields.Many2one("res.company", default=lambda self: self.env.company)

    @api.constrains("name", "code")
    def _check_name_length(self):
        for kind in self:
            if len(kind.name or "") > NAME_LIMIT or len(kind.code or "") > NAME_LIMIT:
                raise ValidationError(
                    self.env._(
                        "A contract type's name and code are at most %(limit)s "
                        "characters long.",
                        limit=NAME_LIMIT,
                    )
                )
