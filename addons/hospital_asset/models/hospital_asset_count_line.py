from odoo import fields, models
from odoo.exceptions import UserError

from odoo.addons.hospital_logistics.models.hospital_workflow_mixin import (
    hospital_transition,
)

RESULTS = [
    ("pending", "Not Counted Yet"),
    ("found", "Found"),
    ("missing", "Missing (盘亏)"),
    ("surplus", "Surplus (盘盈)"),
    ("wrong_location", "Wrong Location"),
]


class HospitalAssetCountLine(models.Model):
    """One asset of a count: what the books say, what the counter found.

    Not a ``hospital.stock.count.line.mixin``: that line counts quantities of
    a product and lot; an asset is one identified thing found or not, here
    or elsewhere."""

    _name = "hospital.asset.count.line"
    _description = "Asset Count Line"
    _inherit = ["hospital.workflow.line.mixin"]
    _order = "count_id, id"

    _hospital_document_field = "count_id"
    _hospital_workflow_fields = (
        "result",
        "equipment_id",
        "expected_department_id",
        "expected_location_id",
    )

    count_id = fields.Many2one(
        "hospital.asset.count", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(related="count_id.company_id", store=True)
    equipment_id = fields.Many2one(
        "maintenance.equipment", string="Asset", index="btree_not_null"
    )
    asset_number = fields.Char(related="equipment_id.hospital_asset_number")
    expected_department_id = fields.Many2one(
        "hr.department", string="Department on Books", index=True
    )
    expected_location_id = fields.Many2one("hospital.location", string="Room on Books")
    found_location_id = fields.Many2one("hospital.location", string="Found In")
    surplus_name = fields.Char(string="Surplus Item")
    result = fields.Selection(RESULTS, default="pending", required=True, index=True)
    note = fields.Char()

    def _hospital_check_open(self):
        self.count_id._hospital_check_counting()

    @hospital_transition
    def _hospital_mark(self, result):
        self._hospital_check_open()
        self.write({"result": result})

    def action_found(self):
        """Ticked in the list: found where the books say (or, with a room
        given, in the wrong location)."""
        self._hospital_check_open()
        for line in self:
            wrong = (
                line.found_location_id
                and line.found_location_id != line.expected_location_id
            )
            line._hospital_mark("wrong_location" if wrong else "found")
        return True

    def action_missing(self):
        self._hospital_mark("missing")
        return True

    def action_reset(self):
        for line in self:
            if line.result == "surplus":
                raise UserError(
                    self.env._("A surplus line stays: it is what was found.")
                )
        self._hospital_mark("pending")
        return True
