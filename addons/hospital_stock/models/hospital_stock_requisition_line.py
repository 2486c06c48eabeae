from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools.float_utils import float_compare


class HospitalStockRequisitionLine(models.Model):
    _name = "hospital.stock.requisition.line"
    _description = "Ward Requisition Line"

    requisition_id = fields.Many2one(
        "hospital.stock.requisition", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(related="requisition_id.company_id", store=True)
    product_id = fields.Many2one(
        "product.product",
        string="Item",
        required=True,
        domain="[('is_storable', '=', True)]",
    )
    product_description = fields.Text(
        string="Specification", related="product_id.description_pickingout"
    )
    uom_id = fields.Many2one(related="product_id.uom_id", string="Unit")
    quantity = fields.Float(
        string="Requested", digits="Product Unit", required=True, default=1.0
    )
    qty_issued = fields.Float(string="Issued", digits="Product Unit", copy=False)
    swap_old = fields.Boolean(related="product_id.hospital_swap_old", string="交旧领新")
    qty_old_returned = fields.Float(
        string="Old Returned",
        digits="Product Unit",
        copy=False,
        help="Old items handed back to the keeper (交旧领新).",
    )

    @api.model_create_multi
    def create(self, vals_list):
        lines = super().create(vals_list)
        lines._hospital_check_editable()
        return lines

    def unlink(self):
        self._hospital_check_editable()
        return super().unlink()

    def _hospital_check_editable(self):
        if self.env.su:
            return
        for line in self:
            if line.requisition_id.state not in ("draft", "submitted"):
                raise UserError(
                    self.env._(
                        "The items of requisition %(name)s can no longer change.",
                        name=line.requisition_id.name,
                    )
                )

    def write(self, vals):
        if not self.env.su:
            issuing = set(vals) <= {"qty_issued", "qty_old_returned"}
            for line in self:
                state = line.requisition_id.state
                if state in ("draft", "submitted") and not issuing:
                    continue
                if state == "approved" and issuing:
                    continue
                raise UserError(
                    self.env._(
                        "The items of requisition %(name)s can no longer change.",
                        name=line.requisition_id.name,
                    )
                )
        return super().write(vals)

    def _hospital_check_quantities(self):
        for line in self:
            if (
                float_compare(
                    line.quantity, 0.0, precision_rounding=line.uom_id.rounding
                )
                <= 0
            ):
                raise UserError(
                    self.env._(
                        "The requested quantity of %(product)s must be positive.",
                        product=line.product_id.display_name,
                    )
                )

    def _hospital_check_issue(self):
        if not any(line.qty_issued for line in self):
            raise UserError(self.env._("Enter the quantities you issue."))
        for line in self:
            rounding = line.uom_id.rounding
            if float_compare(line.qty_issued, 0.0, precision_rounding=rounding) < 0:
                raise UserError(self.env._("An issued quantity cannot be negative."))
            if (
                float_compare(
                    line.qty_issued, line.quantity, precision_rounding=rounding
                )
                > 0
            ):
                raise UserError(
                    self.env._(
                        "%(product)s: %(issued)s issued but only %(asked)s were "
                        "requested and approved.",
                        product=line.product_id.display_name,
                        issued=line.qty_issued,
                        asked=line.quantity,
                    )
                )
            if (
                line.swap_old
                and float_compare(
                    line.qty_old_returned, line.qty_issued, precision_rounding=rounding
                )
                < 0
            ):
                raise UserError(
                    self.env._(
                        "%(product)s is issued only against the old one (交旧领新): "
                        "%(returned)s returned for %(issued)s issued.",
                        product=line.product_id.display_name,
                        returned=line.qty_old_returned,
                        issued=line.qty_issued,
                    )
                )
