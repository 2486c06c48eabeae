from odoo import fields, models
from odoo.exceptions import UserError
from odoo.tools.float_utils import float_compare, float_is_zero


class StockPicking(models.Model):
    _name = "stock.picking"
    _inherit = ["stock.picking", "hospital.stock.text.limit.mixin"]

    _hospital_text_limits = {"hospital_inspection_note": 2000}

    hospital_requisition_id = fields.Many2one(
        "hospital.stock.requisition", string="Requisition", index="btree_not_null"
    )
    hospital_inspected = fields.Boolean(
        string="Inspected",
        tracking=True,
        copy=False,
        help="Quantity and quality checked against the purchase order and the "
        "vendor bill (入库验收).",
    )
    hospital_inspector_id = fields.Many2one(
        "res.users", string="Inspected By", tracking=True, copy=False
    )
    hospital_inspection_note = fields.Text(string="Inspection Notes", copy=False)
    hospital_qty_rejected = fields.Float(
        string="Rejected", compute="_compute_hospital_qty_rejected"
    )

    def _compute_hospital_qty_rejected(self):
        for picking in self:
            picking.hospital_qty_rejected = sum(
                picking.move_ids.mapped("hospital_qty_rejected")
            )

    def action_hospital_inspect(self):
        for picking in self:
            picking._check_receipt_against_order_and_bill()
        self.write({"hospital_inspected": True, "hospital_inspector_id": self.env.uid})
        for picking in self.filtered("hospital_qty_rejected"):
            picking.message_post(
                body=self.env._(
                    "Goods rejected at inspection: %(lines)s",
                    lines="; ".join(
                        f"{move.product_id.display_name}: "
                        f"{move.hospital_qty_rejected:g} "
                        f"({move.hospital_reject_reason})"
                        for move in picking.move_ids
                        if move.hospital_qty_rejected
                    ),
                )
            )

    def _hospital_is_purchase_receipt(self):
        self.ensure_one()
        return self.picking_type_code == "incoming" and any(
            self.move_ids.mapped("purchase_line_id")
        )

    def _check_receipt_against_order_and_bill(self):
        """Accepted + rejected must match what was ordered and what was billed."""
        self.ensure_one()
        if not self._hospital_is_purchase_receipt():
            return
        for move in self.move_ids.filtered("purchase_line_id"):
            line = move.purchase_line_id
            rounding = move.product_uom.rounding
            if move.quantity < 0:
                raise UserError(self.env._("A received quantity cannot be negative."))
            if move.hospital_qty_rejected and not move.hospital_reject_reason:
                raise UserError(
                    self.env._(
                        "Say why %(product)s was rejected.",
                        product=move.product_id.display_name,
                    )
                )
            received_before = line.qty_received
            ordered_left = line.product_qty - received_before
            if (
                float_compare(
                    move.quantity + move.hospital_qty_rejected,
                    ordered_left,
                    precision_rounding=rounding,
                )
                > 0
            ):
                raise UserError(
                    self.env._(
                        "%(product)s: %(qty)s received and rejected, but only "
                        "%(left)s are still on purchase order %(order)s.",
                        product=move.product_id.display_name,
                        qty=move.quantity + move.hospital_qty_rejected,
                        left=ordered_left,
                        order=line.order_id.name,
                    )
                )
            if not float_is_zero(line.qty_invoiced, precision_rounding=rounding):
                billed_left = line.qty_invoiced - received_before
                if (
                    float_compare(
                        move.quantity, billed_left, precision_rounding=rounding
                    )
                    > 0
                ):
                    raise UserError(
                        self.env._(
                            "%(product)s: %(qty)s accepted but the vendor bill "
                            "covers only %(left)s more.",
                            product=move.product_id.display_name,
                            qty=move.quantity,
                            left=billed_left,
                        )
                    )

    def button_validate(self):
        for picking in self:
            if (
                picking._hospital_is_purchase_receipt()
                and not picking.hospital_inspected
            ):
                raise UserError(
                    self.env._(
                        "Receipt %(name)s has not been inspected against the "
                        "purchase order and the vendor bill.",
                        name=picking.name,
                    )
                )
            if picking._hospital_is_purchase_receipt():
                picking._check_receipt_against_order_and_bill()
        return super().button_validate()
