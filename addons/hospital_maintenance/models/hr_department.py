from odoo import fields, models


class HrDepartment(models.Model):
    _inherit = "hr.department"

    service_open_count = fields.Integer(
        string="Open Service Requests", compute="_compute_service_counts"
    )
    service_breached_count = fields.Integer(
        string="Late Service Requests", compute="_compute_service_counts"
    )

    def _compute_service_counts(self):
        groups = self.env["maintenance.request"]._read_group(
            [
                ("department_id", "in", self.ids),
                (
                    "service_state",
                    "in",
                    ("new", "dispatched", "in_progress", "waiting"),
                ),
            ],
            ["department_id", "is_breached"],
            ["__count"],
        )
        counts = {}
        for department, breached, count in groups:
            total, late = counts.get(department.id, (0, 0))
            counts[department.id] = (total + count, late + (count if breached else 0))
        for department in self:
            department.service_open_count, department.service_breached_count = (
                counts.get(department.id, (0, 0))
            )

    def action_open_service_requests(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "hospital_maintenance.maintenance_request_action"
        )
        action["domain"] = [("department_id", "=", self.id)]
        action["context"] = {"search_default_open": 1, "default_department_id": self.id}
        return action
