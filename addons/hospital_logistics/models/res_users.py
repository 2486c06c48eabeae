from odoo import api, fields, models
from odoo.fields import Domain


class ResUsers(models.Model):
    _inherit = "res.users"

    hospital_department_ids = fields.Many2many(
        "hr.department",
        string="Hospital Departments",
        compute="_compute_hospital_department_ids",
        search="_search_hospital_department_ids",
        help="Departments whose records this user sees as a member: the "
        "departments of the user's employee records, and those the user heads, "
        "keeps or manages.",
    )

    @api.depends("employee_ids.department_id")
    def _compute_hospital_department_ids(self):
        Department = self.env["hr.department"].sudo()
        for user in self:
            departments = user.sudo().employee_ids.department_id | Department.search(
                user._hospital_department_domain()
            )
            user.hospital_department_ids = departments

    def _hospital_department_domain(self):
        self.ensure_one()
        return (
            Domain("head_nurse_id", "=", self.id)
            | Domain("keeper_id", "=", self.id)
            | Domain("manager_id.user_id", "=", self.id)
        )

    def _search_hospital_department_ids(self, operator, value):
        if operator != "in":
            return NotImplemented
        departments = self.env["hr.department"].sudo().browse(value)
        custodians = (
            departments.head_nurse_id
            | departments.keeper_id
            | departments.manager_id.user_id
        )
        return Domain("employee_ids.department_id", "in", departments.ids) | Domain(
            "id", "in", custodians.ids
        )
