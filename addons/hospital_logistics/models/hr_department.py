from odoo import api, fields, models
from odoo.exceptions import ValidationError


class HrDepartment(models.Model):
    _inherit = "hr.department"

    hospital_kind = fields.Selection(
        selection=[
            ("ward", "Clinical Ward"),
            ("medtech", "Medical-technical"),
            ("admin", "Administrative"),
            ("logistics", "Logistics"),
        ],
        string="Department Kind",
        tracking=True,
        help="Clinical wards hold consumables under a head nurse's custody; "
        "medical-technical departments are labs, imaging and pharmacy.",
    )
    hospital_code = fields.Char(string="Department Code", tracking=True)
    head_nurse_id = fields.Many2one(
        "res.users",
        string="Head Nurse / Custodian",
        tracking=True,
        domain="[('share', '=', False)]",
        help="Answers for the department's stock and equipment (账物相符).",
    )
    keeper_id = fields.Many2one(
        "res.users",
        string="Stock Keeper",
        tracking=True,
        domain="[('share', '=', False)]",
        help="Keeps the department's ledger on behalf of the head nurse.",
    )
    cost_center_id = fields.Many2one(
        "account.analytic.account",
        string="Cost Centre",
        tracking=True,
        check_company=True,
        help="Consumption and repairs of the department are costed here.",
    )
    is_critical_area = fields.Boolean(
        string="Critical Area",
        tracking=True,
        help="ICU, operating rooms and emergency: requests from here get the "
        "shorter critical-area response time.",
    )

    hospital_is_mine = fields.Boolean(
        string="My Department",
        compute="_compute_hospital_is_mine",
        search="_search_hospital_is_mine",
    )

    _hospital_code_company_uniq = models.Constraint(
        "UNIQUE(hospital_code, company_id)",
        "A department code must be unique within a hospital.",
    )

    @api.depends_context("uid")
    def _compute_hospital_is_mine(self):
        mine = self.env.user.hospital_department_ids
        for department in self:
            department.hospital_is_mine = department in mine

    def _search_hospital_is_mine(self, operator, value):
        if operator != "in":
            return NotImplemented
        return [("id", "in", self.env.user.hospital_department_ids.ids)]

    @api.constrains("hospital_code")
    def _check_hospital_code_length(self):
        # The code is printed on labels and forms; PostgreSQL's unique index
        # would also refuse a long one, with a traceback instead of a message.
        limit = 32
        for department in self:
            if len(department.hospital_code or "") > limit:
                raise ValidationError(
                    self.env._(
                        "A department code is at most %(limit)s characters long.",
                        limit=limit,
                    )
                )

    @api.constrains("head_nurse_id", "keeper_id")
    def _check_custodians_are_staff(self):
        for department in self:
            for user in department.head_nurse_id | department.keeper_id:
                if user.share:
                    raise ValidationError(
                        self.env._(
                            "%(user)s is not a hospital staff member and cannot "
                            "hold the custody of %(department)s.",
                            user=user.name,
                            department=department.name,
                        )
                    )
