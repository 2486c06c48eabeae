from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError


class StockMove(models.Model):
    _name = "stock.move"
    _inherit = ["stock.move", "hospital.stock.text.limit.mixin"]

    _hospital_text_limits = {"hospital_reject_reason": 256}

    hospital_requisition_line_id = fields.Many2one(
        "hospital.stock.requisition.line",
        string="Ward Requisition Line",
        index="btree_not_null",
    )
    hospital_cost_center_id = fields.Many2one(
        "account.analytic.account",
        string="Charged Cost Centre",
        help="Ward consumption (实耗实销) is expensed to the ward's cost centre.",
    )
    hospital_qty_rejected = fields.Float(
        string="Rejected Quantity",
        digits="Product Unit",
        help="Received goods refused at inspection (wrong, damaged or not to "
        "specification); they go back to the vendor and are not stored.",
    )
    hospital_reject_reason = fields.Char(string="Rejection Reason")

    @api.constrains("hospital_qty_rejected")
    def _check_rejected_not_negative(self):
        for move in self:
            if move.hospital_qty_rejected < 0:
                raise ValidationError(
                    self.env._(
                        "%(product)s: a rejected quantity cannot be negative.",
                        product=move.product_id.display_name,
                    )
                )

    @api.depends(
        "picking_id.name",
        "scrap_id.name",
        "location_dest_usage",
        "is_inventory",
        "inventory_name",
        "origin",
    )
    def _compute_reference(self):
        result = super()._compute_reference()
        # Ward documents move stock without a transfer: their number is the
        # reference the ledger, the analytic lines and the chatter show.
        for move in self:
            if not move.reference and move.origin:
                move.reference = move.origin
        return result

    def _get_analytic_distribution(self):
        if self.hospital_cost_center_id:
            return {str(self.hospital_cost_center_id.id): 100}
        return super()._get_analytic_distribution()

    def _action_done(self, cancel_backorder=False):
        self._check_ward_issue_has_requisition()
        return super()._action_done(cancel_backorder=cancel_backorder)

    def _check_ward_issue_has_requisition(self):
        """Goods reach a ward from the warehouse only against a requisition.

        Whatever screen is used (a transfer in Inventory included), the keeper
        cannot put stock into a ward's custody without the signed requisition
        the ward will answer for.
        """
        loans = self.env.ref("hospital_stock.location_ward_loans")
        for move in self:
            source = move.location_id
            if (
                move.location_dest_id.hospital_department_id
                and source.usage == "internal"
                and not source.hospital_department_id
                and source != loans
                and not move.hospital_requisition_line_id
            ):
                raise UserError(
                    self.env._(
                        "%(product)s cannot go to %(ward)s without an approved "
                        "requisition: issue it from the requisition.",
                        product=move.product_id.display_name,
                        ward=move.location_dest_id.hospital_department_id.name,
                    )
                )

    def _prepare_analytic_line_values(self, account_field_values, amount, unit_amount):
        # With periodic valuation a move carries no value: ward consumption is
        # still expensed to the cost centre at the product's cost.
        if self.hospital_cost_center_id and not amount:
            amount = -unit_amount * self.product_id.standard_price
        return super()._prepare_analytic_line_values(
            account_field_values, amount, unit_amount
        )

    def _check_not_expired(self):
        expired = self.move_line_ids.lot_id.filtered(
            lambda lot: lot.hospital_expiry_state == "expired"
        )
        if expired:
            raise UserError(
                self.env._(
                    "Expired lots cannot be issued or used (过期失效): %(lots)s. "
                    "Take them out of stock.",
                    lots=", ".join(expired.mapped("display_name")),
                )
            )

    def _hospital_move_done(self, vals_list, date=None):
        """Create and post stock moves in one go, lots given on the lines.

        ``vals_list`` items are move values plus an optional ``lot_id``.  The
        ward documents call this with superuser rights: the head nurse has no
        Inventory rights, her signed document is what authorises the move.
        """
        move_vals = []
        for vals in vals_list:
            vals = dict(vals)
            lot_id = vals.pop("lot_id", False)
            vals.setdefault(
                "product_uom",
                self.env["product.product"].browse(vals["product_id"]).uom_id.id,
            )
            vals["move_line_ids"] = [
                fields.Command.create(
                    {
                        "product_id": vals["product_id"],
                        "product_uom_id": vals["product_uom"],
                        "location_id": vals["location_id"],
                        "location_dest_id": vals["location_dest_id"],
                        "lot_id": lot_id,
                        "quantity": vals["product_uom_qty"],
                        "picked": True,
                    }
                )
            ]
            vals["picked"] = True
            if vals.get("is_inventory"):
                vals.setdefault("inventory_name", vals.get("origin"))
            move_vals.append(vals)
        moves = self.sudo().create(move_vals)
        moves._action_confirm(merge=False)
        loans = self.env.ref("hospital_stock.location_ward_loans")
        # Expired goods may still be counted, written off or brought back;
        # they may not be used or handed out.
        moves.filtered(
            lambda m: (
                m.location_id.usage == "internal"
                and m.location_id != loans
                and m.location_dest_id.usage != "inventory"
                or m.location_dest_id
                == self.env.ref("hospital_stock.location_ward_consumption")
            )
        )._check_not_expired()
        moves._action_done()
        if date:
            moves.write({"date": date})
            moves.move_line_ids.write({"date": date})
        return moves
