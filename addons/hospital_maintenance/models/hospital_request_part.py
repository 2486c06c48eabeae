from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.hospital_logistics.models.hospital_workflow_mixin import (
    hospital_transition,
)


class HospitalRequestPart(models.Model):
    """A spare part taken from the warehouse for a repair, at its cost.

    A line of its request: it changes only while the request is open and its
    approval does not cover it; the stock move is the request's own doing.
    """

    _name = "hospital.request.part"
    _description = "Part Consumed by a Request"
    _inherit = ["hospital.workflow.line.mixin"]
    _check_company_auto = True
    _hospital_document_field = "request_id"
    _hospital_workflow_fields = ("move_id", "subtotal")

    request_id = fields.Many2one(
        "maintenance.request", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(related="request_id.company_id", store=True)
    currency_id = fields.Many2one(related="company_id.currency_id")
    product_id = fields.Many2one(
        "product.product",
        string="Part",
        required=True,
        check_company=True,
        domain="[('type', '=', 'consu')]",
    )
    quantity = fields.Float(required=True, default=1.0, digits="Product Unit")
    uom_id = fields.Many2one(related="product_id.uom_id")
    unit_cost = fields.Monetary(
        compute="_compute_unit_cost",
        store=True,
        readonly=False,
        help="Cost of the part when it was taken, from the product's cost.",
    )
    subtotal = fields.Monetary(compute="_compute_subtotal", store=True)
    move_id = fields.Many2one("stock.move", string="Stock Move", readonly=True)

    @api.depends("product_id")
    def _compute_unit_cost(self):
        for part in self:
            part.unit_cost = part.product_id.standard_price

    @api.depends("quantity", "unit_cost")
    def _compute_subtotal(self):
        for part in self:
            part.subtotal = part.quantity * part.unit_cost

    @api.constrains("quantity", "unit_cost")
    def _check_quantity(self):
        for part in self:
            if part.quantity <= 0:
                raise ValidationError(
                    self.env._(
                        "The quantity of %(part)s must be positive: parts are "
                        "consumed, never given back through a repair.",
                        part=part.product_id.display_name,
                    )
                )
            if part.unit_cost < 0:
                raise ValidationError(
                    self.env._(
                        "The cost of %(part)s cannot be negative.",
                        part=part.product_id.display_name,
                    )
                )

    def write(self, vals):
        if self.filtered("move_id") and {"product_id", "quantity"} & set(vals):
            raise UserError(
                self.env._("A part already taken from stock cannot be changed.")
            )
        return super().write(vals)

    @hospital_transition
    def _consume_from_stock(self):
        """Take the parts out of the company's warehouse into consumption."""
        todo = self.filtered(lambda p: not p.move_id)
        if not todo:
            return
        warehouses = (
            self.env["stock.warehouse"]
            .sudo()
            .search([("company_id", "in", todo.company_id.ids)])
        )
        warehouse_of = {}
        for warehouse in warehouses:
            warehouse_of.setdefault(warehouse.company_id, warehouse)
        moves_vals = []
        for part in todo:
            warehouse = warehouse_of.get(part.company_id)
            if not warehouse:
                raise UserError(
                    self.env._(
                        "%(company)s has no warehouse to take parts from.",
                        company=part.company_id.name,
                    )
                )
            moves_vals.append(
                {
                    "product_id": part.product_id.id,
                    "product_uom_qty": part.quantity,
                    "product_uom": part.product_id.uom_id.id,
                    "location_id": warehouse.lot_stock_id.id,
                    "location_dest_id": part.product_id.with_company(
                        part.company_id
                    ).property_stock_inventory.id,
                    "company_id": part.company_id.id,
                    "origin": part.request_id.display_name,
                }
            )
        moves = self.env["stock.move"].sudo().create(moves_vals)
        moves._action_confirm()
        for move in moves:
            move.quantity = move.product_uom_qty
        moves.picked = True
        moves._action_done()
        for part, move in zip(todo, moves, strict=True):
            part.move_id = move
