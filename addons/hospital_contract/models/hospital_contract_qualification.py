from odoo import api, fields, models
from odoo.exceptions import ValidationError

KINDS = [
    ("licence", "Business Licence (营业执照)"),
    ("qualification", "Qualification for the Work (资质证书)"),
    ("legal_representative", "Legal Representative Certificate (法定代表人证明)"),
    ("power_of_attorney", "Power of Attorney (授权委托书)"),
    ("financial", "Financial Statements (财务报表)"),
]


class HospitalContractQualification(models.Model):
    """A document proving the counterparty may contract for the work."""

    _name = "hospital.contract.qualification"
    _description = "Counterparty Qualification Document (资质文件)"
    _inherit = ["mail.thread"]
    _order = "partner_id, kind, date_expiry desc"

    partner_id = fields.Many2one(
        "res.partner",
        string="Counterparty",
        required=True,
        index=True,
        tracking=True,
        domain="[('is_company', '=', True)]",
    )
    kind = fields.Selection(KINDS, required=True, tracking=True)
    number = fields.Char(string="Document Number", tracking=True)
    date_issue = fields.Date(string="Issued On")
    date_expiry = fields.Date(
        string="Valid Until", tracking=True, help="Empty: valid without limit."
    )
    document = fields.Binary(string="Scan", attachment=True)
    document_name = fields.Char()
    note = fields.Text()
    active = fields.Boolean(default=True)
    is_valid = fields.Boolean(
        string="Valid Today", compute="_compute_is_valid", search="_search_is_valid"
    )

    @api.depends("date_expiry")
    def _compute_is_valid(self):
        today = fields.Date.context_today(self)
        for doc in self:
            doc.is_valid = not doc.date_expiry or doc.date_expiry >= today

    def _search_is_valid(self, operator, value):
        if operator != "in":
            return NotImplemented
        today = fields.Date.context_today(self)
        return ["|", ("date_expiry", "=", False), ("date_expiry", ">=", today)]

    @api.depends("kind", "number", "partner_id")
    def _compute_display_name(self):
        kinds = dict(self._fields["kind"]._description_selection(self.env))
        for doc in self:
            doc.display_name = " ".join(filter(None, [kinds.get(doc.kind), doc.number]))

    @api.constrains("date_issue", "date_expiry")
    def _check_dates(self):
        for doc in self:
            if doc.date_issue and doc.date_expiry and doc.date_expiry < doc.date_issue:
                raise ValidationError(
                    self.env._("A document cannot expire before it is issued.")
                )

    @api.constrains("number")
    def _check_number_length(self):
        for doc in self:
            if len(doc.number or "") > 64:
                raise ValidationError(
                    self.env._("A document number is at most 64 characters long.")
                )
