from odoo import api, fields, models
from odoo.exceptions import UserError

# What the approval of a plan fixes: once the plan left its draft, these
# change only through the buttons (the OCA wizard and allocations update
# the purchase figures, never these).
FROZEN = {
    "product_id",
    "product_qty",
    "product_uom_id",
    "estimated_cost",
    "hospital_price_unit",
    "request_id",
    "specifications",
    "hospital_quality",
}


class PurchaseRequestLine(models.Model):
    _inherit = "purchase.request.line"

    hospital_quality = fields.Char(
        string="Quality Requirement",
        help="Standard, grade or certification the item must meet.",
    )
    hospital_price_unit = fields.Monetary(
        string="Estimated Unit Price",
        currency_field="currency_id",
        help="Estimated price per unit; the line's estimated cost follows it.",
    )
    hospital_kind = fields.Selection(
        related="request_id.hospital_kind", store=True, index=True
    )
    hospital_department_id = fields.Many2one(
        related="request_id.hospital_department_id", store=True, index=True
    )
    hospital_month = fields.Date(related="request_id.hospital_month", store=True)
    hospital_product_qty = fields.Float(
        string="Quantity in Product Unit",
        compute="_compute_hospital_product_qty",
        store=True,
        digits="Product Unit",
        help="The planned quantity in the item's own unit: what orders are "
        "compared with.",
    )

    @api.depends("product_qty", "product_uom_id", "product_id.uom_id")
    def _compute_hospital_product_qty(self):
        for line in self:
            uom = line.product_id.uom_id
            line.hospital_product_qty = (
                line.product_uom_id._compute_quantity(line.product_qty, uom)
                if line.product_uom_id and uom and line.product_uom_id != uom
                else line.product_qty
            )

    @api.onchange("hospital_price_unit", "product_qty")
    def _onchange_hospital_price_unit(self):
        for line in self:
            if line.hospital_price_unit:
                line.estimated_cost = line.hospital_price_unit * line.product_qty

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self._hospital_check_qty(vals)
            self._hospital_fill_cost(vals)
            if vals.get("product_id") and not vals.get("product_uom_id"):
                # A plan line is in the item's unit unless it says otherwise
                # (RFQs and the comparison with orders need a unit).
                vals["product_uom_id"] = (
                    self.env["product.product"].browse(vals["product_id"]).uom_id.id
                )
        lines = super().create(vals_list)
        lines._hospital_check_request_open(FROZEN)
        return lines

    def write(self, vals):
        self._hospital_check_qty(vals)
        if "hospital_price_unit" in vals or "product_qty" in vals:
            for line in self:
                line_vals = dict(vals)
                line_vals.setdefault("hospital_price_unit", line.hospital_price_unit)
                line_vals.setdefault("product_qty", line.product_qty)
                self._hospital_fill_cost(line_vals)
                if "estimated_cost" in line_vals and "estimated_cost" not in vals:
                    vals = {**vals, "estimated_cost": line_vals["estimated_cost"]}
        self._hospital_check_request_open(self._hospital_changed(vals))
        return super().write(vals)

    def _hospital_changed(self, vals):
        """The frozen fields ``vals`` really changes (OCA's wizard writes the
        same unit back through its related fields)."""
        changed = set()
        for fname in set(vals) & FROZEN:
            field = self._fields[fname]
            if any(
                field.convert_to_write(line[fname], line)
                != field.convert_to_write(
                    field.convert_to_record(
                        field.convert_to_cache(vals[fname], line), line
                    ),
                    line,
                )
                for line in self
            ):
                changed.add(fname)
        return changed

    @api.ondelete(at_uninstall=False)
    def _unlink_except_hospital_submitted(self):
        self._hospital_check_request_open(FROZEN)

    def _hospital_fill_cost(self, vals):
        if vals.get("hospital_price_unit") and "estimated_cost" not in vals:
            vals["estimated_cost"] = vals["hospital_price_unit"] * vals.get(
                "product_qty", 0.0
            )

    def _hospital_check_qty(self, vals):
        if "product_qty" in vals and (vals["product_qty"] or 0.0) <= 0:
            raise UserError(self.env._("A planned quantity must be greater than zero."))
        if (vals.get("hospital_price_unit") or 0.0) < 0:
            raise UserError(self.env._("An estimated price cannot be negative."))

    def _hospital_check_request_open(self, fnames):
        request = self.env["purchase.request"]
        if request._hospital_in_transition() or not (set(fnames) & FROZEN):
            return
        for line in self:
            if line.request_id.hospital_kind and line.request_id.state != "draft":
                raise UserError(
                    self.env._(
                        "%(request)s is submitted: its items and quantities no "
                        "longer change. Reset it to draft to rework it.",
                        request=line.request_id.display_name,
                    )
                )
