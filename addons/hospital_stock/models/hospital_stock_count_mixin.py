from odoo import api, models
from odoo.exceptions import UserError

from odoo.addons.hospital_logistics.models.hospital_workflow_mixin import (
    hospital_transition,
)


class HospitalStockCountMixin(models.AbstractModel):
    """A signed count of a ward's stock against its books: the weekly check
    and the custody handover.

    The sheet lists what the books hold when it is opened; the counters type
    what they find and sign; when it is closed the book quantities are read
    again (stock may have moved while counting).  Each document declares
    ``_hospital_count_line_model`` and the state it is counted in, ``draft``.
    """

    _name = "hospital.stock.count.mixin"
    _inherit = ["hospital.stock.department.mixin", "hospital.signature.mixin"]
    _description = "Signed Count of a Ward's Stock"

    _hospital_count_line_model = None
    _hospital_workflow_fields = ("state",)

    @api.model_create_multi
    def create(self, vals_list):
        records = super().create(vals_list)
        records.filtered(lambda record: not record.line_ids)._hospital_load_lines()
        return records

    def _hospital_count_line_field(self):
        return self._fields["line_ids"].inverse_name

    @hospital_transition
    def _hospital_load_lines(self):
        """One line per product and lot on hand, counted as on the books
        until the counters say otherwise."""
        book = self.location_id._hospital_quants_to_count()
        inverse = self._hospital_count_line_field()
        self.env[self._hospital_count_line_model].create(
            [
                {
                    inverse: record.id,
                    "product_id": quant.product_id.id,
                    "lot_id": quant.lot_id.id,
                    "theoretical_qty": quant.quantity,
                    "counted_qty": quant.quantity,
                }
                for record in self
                for quant in book[record.location_id]
            ]
        )

    def _hospital_refresh_theoretical(self):
        """What the books say when the count is closed."""
        quants = (
            self.env["stock.quant"]
            .sudo()
            ._read_group(
                [("location_id", "in", self.location_id.ids)],
                ["location_id", "product_id", "lot_id"],
                ["quantity:sum"],
            )
        )
        book = {(loc.id, product.id, lot.id): qty for loc, product, lot, qty in quants}
        for record in self:
            for line in record.line_ids:
                line.theoretical_qty = book.get(
                    (record.location_id.id, line.product_id.id, line.lot_id.id), 0.0
                )

    def _check_count_open(self):
        for record in self:
            if record.state != "draft":
                raise UserError(
                    self.env._(
                        "%(document)s is already closed.", document=record.display_name
                    )
                )

    def _check_all_signed(self):
        for record in self:
            missing = [field for field in record._hospital_signers if not record[field]]
            if missing:
                raise UserError(
                    self.env._(
                        "%(document)s is closed once signed: %(signatures)s missing.",
                        document=record.display_name,
                        signatures=", ".join(record._hospital_field_labels(missing)),
                    )
                )

    def _hospital_close_count(self, vals):
        """Close the count with the book quantities of now: ``vals`` are the
        document's own closing values besides its state."""
        self._hospital_refresh_theoretical()
        self.write(dict(vals, state="done"))
        self.activity_unlink(["mail.mail_activity_data_todo"])
