from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.hospital_logistics.groups import MANAGER
from odoo.addons.hospital_logistics.models.hospital_workflow_mixin import (
    hospital_transition,
)

ASSET_STATES = [
    ("draft", "To Register"),
    ("in_use", "In Use"),
    ("lost", "Lost"),
    ("scrapped", "Scrapped"),
]
# What only the asset's documents change once it is on the books: its
# department moves by a transfer, its room by a transfer or a posted count.
BOOKED_FIELDS = ("department_id",)


class MaintenanceEquipment(models.Model):
    """An asset is a piece of equipment on the books: repairs and assets share
    one register, and the service desk's QR label is the asset label."""

    _name = "maintenance.equipment"
    _inherit = ["maintenance.equipment", "hospital.workflow.mixin"]

    _hospital_state_field = "hospital_asset_state"
    _hospital_workflow_fields = (
        "hospital_asset_state",
        "hospital_asset_number",
        "hospital_registered_date",
        "hospital_registered_by_id",
        "hospital_scrap_location_id",
    )

    hospital_asset_state = fields.Selection(
        ASSET_STATES,
        string="Asset Status",
        copy=False,
        tracking=True,
        index=True,
        help="Empty: equipment that is not a fixed asset of the hospital.",
    )
    hospital_asset_number = fields.Char(
        string="Asset Number", copy=False, readonly=True, index=True, tracking=True
    )
    hospital_acquisition_date = fields.Date(string="Acquisition Date", tracking=True)
    hospital_asset_value = fields.Monetary(
        string="Original Value",
        currency_field="hospital_currency_id",
        tracking=True,
        help="Purchase value of one unit, in the hospital's currency.",
    )
    hospital_currency_id = fields.Many2one(
        "res.currency",
        compute="_compute_hospital_currency_id",
    )
    hospital_receipt_id = fields.Many2one(
        "stock.picking",
        string="Warehouse Receipt",
        domain="[('picking_type_code', '=', 'incoming')]",
        check_company=True,
        tracking=True,
        help="The receipt (入库单) the asset came in with: assets are registered "
        "after the warehouse receipt.",
    )
    hospital_bill_id = fields.Many2one(
        "account.move",
        string="Vendor Bill",
        domain="[('move_type', 'in', ('in_invoice', 'in_refund'))]",
        check_company=True,
        tracking=True,
        help="The bill finance reimburses once the asset is registered.",
    )
    hospital_scrap_location_id = fields.Many2one(
        "stock.location",
        string="Returned To",
        readonly=True,
        copy=False,
        help="Scrapped, the asset is back at this scrap location of the warehouse.",
    )
    hospital_registered_date = fields.Datetime(string="Registered On", copy=False)
    hospital_registered_by_id = fields.Many2one(
        "res.users", string="Registered By", copy=False
    )
    hospital_low_value = fields.Boolean(related="category_id.hospital_low_value")
    hospital_transfer_ids = fields.Many2many(
        "hospital.asset.transfer",
        string="Transfers",
        compute="_compute_hospital_history",
    )
    hospital_scrap_ids = fields.One2many(
        "hospital.asset.scrap", "equipment_id", string="Scrap Requests"
    )
    hospital_loss_ids = fields.One2many(
        "hospital.asset.loss", "equipment_id", string="Loss Reports"
    )

    _hospital_asset_number_uniq = models.Constraint(
        "UNIQUE(hospital_asset_number, company_id)",
        "An asset number identifies one asset of the hospital.",
    )

    @api.depends("company_id")
    def _compute_hospital_currency_id(self):
        for equipment in self:
            equipment.hospital_currency_id = (
                equipment.company_id or self.env.company
            ).currency_id

    def _compute_hospital_history(self):
        Transfer = self.env["hospital.asset.transfer"]
        transfers = Transfer.search([("equipment_ids", "in", self.ids)])
        for equipment in self:
            equipment.hospital_transfer_ids = transfers.filtered(
                lambda t, e=equipment: e in t.equipment_ids
            )

    @api.constrains("hospital_asset_value")
    def _check_hospital_asset_value(self):
        for equipment in self:
            if equipment.hospital_asset_value < 0:
                raise ValidationError(
                    self.env._(
                        "The value of %(asset)s cannot be negative.",
                        asset=equipment.display_name,
                    )
                )

    def write(self, vals):
        if not self._hospital_in_transition() and set(vals) & set(BOOKED_FIELDS):
            booked = self.filtered(
                lambda e: e.hospital_asset_state in ("in_use", "lost", "scrapped")
            )
            for equipment in booked:
                if vals["department_id"] != equipment.department_id.id:
                    raise UserError(
                        self.env._(
                            "%(asset)s is on the books of %(department)s: it moves "
                            "to another department only by a transfer through the "
                            "managing department.",
                            asset=equipment.display_name,
                            department=equipment.department_id.display_name,
                        )
                    )
        return super().write(vals)

    def _hospital_check_registrable(self):
        for equipment in self:
            if equipment.hospital_asset_state not in (False, "draft"):
                raise UserError(
                    self.env._(
                        "%(asset)s is already registered.", asset=equipment.display_name
                    )
                )
            missing = [
                label
                for fname, label in (
                    ("category_id", self.env._("category")),
                    ("department_id", self.env._("custodian department")),
                    ("hospital_acquisition_date", self.env._("acquisition date")),
                    ("hospital_receipt_id", self.env._("warehouse receipt")),
                )
                if not equipment[fname]
            ]
            if missing:
                raise UserError(
                    self.env._(
                        "%(asset)s cannot be registered without: %(missing)s.",
                        asset=equipment.display_name,
                        missing=", ".join(missing),
                    )
                )
            if equipment.hospital_receipt_id.state != "done":
                raise UserError(
                    self.env._(
                        "%(asset)s: the warehouse receipt %(receipt)s is not "
                        "validated yet; an asset is registered after it is received.",
                        asset=equipment.display_name,
                        receipt=equipment.hospital_receipt_id.name,
                    )
                )

    @hospital_transition
    def action_hospital_register(self):
        """Put the equipment on the books with the next asset number."""
        if not self.env.user.has_group(MANAGER):
            raise UserError(
                self.env._("Only the managing department registers fixed assets.")
            )
        self._hospital_check_registrable()
        sequence = self.env["ir.sequence"]
        for equipment in self:
            number = sequence.with_company(equipment.company_id).next_by_code(
                "hospital.asset"
            )
            prefix = equipment.category_id.hospital_asset_code
            equipment.write(
                {
                    "hospital_asset_state": "in_use",
                    "hospital_asset_number": f"{prefix}-{number}" if prefix else number,
                    "hospital_registered_date": fields.Datetime.now(),
                    "hospital_registered_by_id": self.env.uid,
                }
            )
        return True

    @hospital_transition
    def action_hospital_to_register(self):
        """Mark equipment as a fixed asset to register (e.g. a count's surplus)."""
        for equipment in self:
            if equipment.hospital_asset_state:
                raise UserError(
                    self.env._(
                        "%(asset)s is already in the asset register.",
                        asset=equipment.display_name,
                    )
                )
        self.write({"hospital_asset_state": "draft"})
        return True

    @hospital_transition
    def _hospital_move(self, department, employee=False, location=False):
        vals = {"department_id": department.id, "equipment_assign_to": "other"}
        if employee is not False:
            vals["employee_id"] = employee.id
        if location:
            vals["hospital_location_id"] = location.id
        self.write(vals)

    @hospital_transition
    def _hospital_set_asset_state(self, state, scrap_location=False):
        vals = {"hospital_asset_state": state}
        if state == "scrapped":
            vals["scrap_date"] = fields.Date.context_today(self)
        if scrap_location:
            # Back at the warehouse: no longer standing in a room.
            vals["hospital_scrap_location_id"] = scrap_location.id
            vals["hospital_location_id"] = False
        self.write(vals)
