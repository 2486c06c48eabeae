from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.hospital_logistics.models.hospital_workflow_mixin import (
    ALL_FIELDS,
    hospital_transition,
)


class HospitalStockConsumption(models.Model):
    _name = "hospital.stock.consumption"
    _description = "Ward Consumption (实耗实销)"
    _hospital_sequence_code = "hospital.stock.consumption"
    _inherit = [
        "mail.thread",
        "hospital.stock.department.mixin",
        "hospital.workflow.mixin",
        "hospital.stock.text.limit.mixin",
    ]
    _order = "date desc, id desc"
    _check_company_auto = True

    _hospital_workflow_fields = ("state", "user_id")
    # Recorded consumption has moved stock: only its note can still be added.
    _hospital_editable_states = {"draft": ALL_FIELDS, "done": ("note",)}
    _hospital_text_limits = {"note": 2000}

    name = fields.Char(string="Number", readonly=True, copy=False, default="/")
    active = fields.Boolean(default=True)
    date = fields.Datetime(default=fields.Datetime.now, required=True, tracking=True)
    user_id = fields.Many2one(
        "res.users",
        string="Recorded By",
        default=lambda self: self.env.user,
        readonly=True,
        copy=False,
    )
    state = fields.Selection(
        [("draft", "Draft"), ("done", "Recorded")],
        default="draft",
        required=True,
        tracking=True,
        copy=False,
    )
    line_ids = fields.One2many(
        "hospital.stock.consumption.line", "consumption_id", string="Items"
    )
    cost_center_id = fields.Many2one(
        related="department_id.cost_center_id", string="Cost Centre"
    )
    note = fields.Text()

    @api.constrains("date")
    def _check_date_not_future(self):
        now = fields.Datetime.now()
        for consumption in self:
            if consumption.date > now:
                raise ValidationError(
                    self.env._(
                        "Consumption %(name)s is recorded once it has happened, not "
                        "in the future.",
                        name=consumption.name,
                    )
                )

    @api.ondelete(at_uninstall=False)
    def _unlink_except_recorded(self):
        """Recorded consumption has moved stock: nobody deletes it."""
        if any(c.state == "done" for c in self):
            raise UserError(self.env._("Recorded consumption cannot be deleted."))

    @hospital_transition
    def action_done(self):
        for consumption in self:
            if consumption.state != "draft":
                raise UserError(self.env._("This consumption is already recorded."))
            if not consumption.line_ids:
                raise UserError(self.env._("Add what was consumed."))
            consumption.line_ids._check_available()
        Move = self.env["stock.move"]
        destination = self.env.ref("hospital_stock.location_ward_consumption")
        for consumption in self:
            Move._hospital_move_done(
                [
                    {
                        "product_id": line.product_id.id,
                        "product_uom_qty": line.quantity,
                        "location_id": consumption.location_id.id,
                        "location_dest_id": destination.id,
                        "lot_id": line.lot_id.id,
                        "origin": consumption.name,
                        "company_id": consumption.company_id.id,
                        "hospital_cost_center_id": consumption.cost_center_id.id,
                    }
                    for line in consumption.line_ids
                ]
            )
        self.write({"state": "done"})
        return True
