from odoo import api, fields, models
from odoo.fields import Domain


class ResUsers(models.Model):
    _inherit = "res.users"

    hospital_kpi_department_ids = fields.Many2many(
        "hr.department",
        string="Departments Evaluated",
        compute="_compute_hospital_kpi_department_ids",
        help="Departments whose KPI figures this user sees as their head: the "
        "department's manager (hr) or its head nurse.",
    )

    @api.depends_context("uid")
    def _compute_hospital_kpi_department_ids(self):
        Department = self.env["hr.department"].sudo()
        for user in self:
            user.hospital_kpi_department_ids = Department.search(
                Domain("manager_id.user_id", "=", user.id)
                | Domain("head_nurse_id", "=", user.id)
            )
