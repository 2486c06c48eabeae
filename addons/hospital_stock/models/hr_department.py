from odoo import api, fields, models
from odoo.exceptions import UserError


class HrDepartment(models.Model):
    _inherit = "hr.department"

    hospital_location_id = fields.Many2one(
        "stock.location",
        string="Ward Stock Location",
        copy=False,
        tracking=True,
        check_company=True,
        domain="[('usage', '=', 'internal')]",
        help="Where the consumables in this department's custody are kept.",
    )
    hospital_handover_ids = fields.One2many(
        "hospital.stock.handover", "department_id", string="Custody Handovers"
    )
    hospital_handover_pending = fields.Boolean(
        string="Handover Pending",
        compute="_compute_hospital_handover_pending",
        help="The head nurse changed and the joint count is not signed yet: the "
        "ward cannot reconcile until it is.",
    )
    hospital_check_overdue = fields.Boolean(
        related="hospital_location_id.hospital_check_overdue",
        string="Weekly Check Overdue",
    )
    hospital_requisition_count = fields.Integer(
        compute="_compute_hospital_stock_counters"
    )
    hospital_overdue_loan_count = fields.Integer(
        compute="_compute_hospital_stock_counters"
    )

    @api.depends("hospital_handover_ids.state")
    def _compute_hospital_handover_pending(self):
        for department in self:
            department.hospital_handover_pending = any(
                handover.state == "draft"
                for handover in department.hospital_handover_ids
            )

    def _compute_hospital_stock_counters(self):
        Requisition = self.env["hospital.stock.requisition"]
        Loan = self.env["hospital.stock.loan"]
        open_requisitions = dict(
            Requisition._read_group(
                [
                    ("department_id", "in", self.ids),
                    ("state", "in", ("submitted", "approved", "issued")),
                ],
                ["department_id"],
                ["__count"],
            )
        )
        overdue_loans = dict(
            Loan._read_group(
                [("department_id", "in", self.ids), ("is_overdue", "in", [True])],
                ["department_id"],
                ["__count"],
            )
        )
        for department in self:
            department.hospital_requisition_count = open_requisitions.get(department, 0)
            department.hospital_overdue_loan_count = overdue_loans.get(department, 0)

    @api.model_create_multi
    def create(self, vals_list):
        departments = super().create(vals_list)
        departments.filtered(
            lambda d: d.hospital_kind == "ward" and not d.hospital_location_id
        )._hospital_create_location()
        return departments

    def write(self, vals):
        outgoing = {}
        if "head_nurse_id" in vals:
            outgoing = {
                department: department.head_nurse_id
                for department in self
                if department.head_nurse_id
                and department.head_nurse_id.id != vals["head_nurse_id"]
            }
        result = super().write(vals)
        if vals.get("hospital_kind") == "ward":
            self.filtered(
                lambda d: not d.hospital_location_id
            )._hospital_create_location()
        if outgoing:
            self.env["hospital.stock.handover"].sudo().create(
                [
                    {
                        "department_id": department.id,
                        "outgoing_user_id": user.id,
                        "incoming_user_id": department.head_nurse_id.id,
                    }
                    for department, user in outgoing.items()
                    if department.hospital_location_id and department.head_nurse_id
                ]
            )
        if "hospital_location_id" in vals:
            self._hospital_link_location()
        return result

    @api.model
    def _hospital_create_missing_locations(self):
        """Wards that existed before this module get their location too."""
        self.search(
            [("hospital_kind", "=", "ward"), ("hospital_location_id", "=", False)]
        )._hospital_create_location()

    def _hospital_create_location(self):
        """Give each ward its own stock location under the hospital's wards."""
        parent = self.env.ref("hospital_stock.location_wards")
        for department in self:
            department.hospital_location_id = (
                self.env["stock.location"]
                .sudo()
                .create(
                    {
                        "name": department.name,
                        "location_id": parent.id,
                        "usage": "internal",
                        "company_id": (department.company_id or self.env.company).id,
                    }
                )
            )

    def _hospital_link_location(self):
        for department in self.filtered("hospital_location_id"):
            location = department.hospital_location_id.sudo()
            if location.hospital_department_id not in (
                department,
                self.env["hr.department"],
            ):
                raise UserError(
                    self.env._(
                        "%(location)s is already the stock location of %(department)s.",
                        location=location.display_name,
                        department=location.hospital_department_id.name,
                    )
                )
            location.hospital_department_id = department

    def action_hospital_open_requisitions(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "hospital_stock.hospital_stock_requisition_action"
        )
        action["domain"] = [("department_id", "=", self.id)]
        action["context"] = {"default_department_id": self.id}
        return action

    def action_hospital_open_stock(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "hospital_stock.stock_quant_action_ward"
        )
        action["domain"] = [("location_id", "child_of", self.hospital_location_id.id)]
        return action
