from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError


class HospitalStockCountLineMixin(models.AbstractModel):
    """A line of a count sheet: what the books hold, what was counted.

    Weekly checks, custody handovers and warehouse stocktakes count the same
    way.  The item, its lot and the book quantity come from the books: only
    the document's own steps write them; the counter types the counted
    quantity and a note.  Each line model names its document in
    ``_hospital_document_field``.
    """

    _name = "hospital.stock.count.line.mixin"
    _inherit = ["hospital.workflow.line.mixin", "hospital.stock.text.limit.mixin"]
    _description = "Count Sheet Line"

    _hospital_workflow_fields = ("product_id", "lot_id", "theoretical_qty")
    _hospital_text_limits = {"note": 256}

    product_id = fields.Many2one("product.product", string="Item", required=True)
    lot_id = fields.Many2one("stock.lot")
    uom_id = fields.Many2one(related="product_id.uom_id", string="Unit")
    theoretical_qty = fields.Float(
        string="On Books", digits="Product Unit", readonly=True
    )
    counted_qty = fields.Float(string="Counted", digits="Product Unit")
    difference = fields.Float(
        digits="Product Unit", compute="_compute_difference", store=True
    )
    note = fields.Char()

    @api.depends("theoretical_qty", "counted_qty")
    def _compute_difference(self):
        for line in self:
            line.difference = line.counted_qty - line.theoretical_qty

    @api.constrains("counted_qty")
    def _check_counted_not_negative(self):
        for line in self:
            if line.counted_qty < 0:
                raise ValidationError(
                    self.env._(
                        "%(product)s: a counted quantity cannot be negative.",
                        product=line.product_id.display_name,
                    )
                )

    @api.ondelete(at_uninstall=False)
    def _unlink_except_from_the_books(self):
        """A line comes from the books: deleting it would hide an item from
        the count, and from the differences the ward answers for."""
        if not self._hospital_in_transition():
            raise UserError(
                self.env._(
                    "The lines of a count come from the books: enter what you "
                    "count, a line cannot be deleted."
                )
            )
