from odoo import fields, models
from odoo.exceptions import UserError


class StockMove(models.Model):
    _inherit = "stock.move"

    hospital_requisition_line_id = fields.Many2one(
        "hospital.stock.requisition.line", string="Requisition Line", index="btree_not_null"
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

    def _get_analytic_distribution(self):
        if self.hospital_cost_center_id:
            return {str(self.hospital_cost_center_id.id): 100}
        return super()._get_analytic_distribution()

    def _hospital_check_not_expired(self):
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
            vals.setdefault("product_uom", self.env["product.product"].browse(vals["product_id"]).uom_id.id)
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
            move_vals.append(vals)
        moves = self.sudo().create(move_vals)
        moves._action_confirm(merge=False)
        moves._hospital_check_not_expired()
        moves._action_done()
        if date:
            moves.write({"date": date})
            moves.move_line_ids.write({"date": date})
        return moves
