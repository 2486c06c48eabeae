from odoo import models
from odoo.exceptions import UserError
from odoo.tools.float_utils import float_compare


class HospitalStockAvailableMixin(models.AbstractModel):
    """Availability of a ward's lines, shared by consumption and loans."""

    _name = "hospital.stock.available.mixin"
    _description = "Ward Stock Availability Check"

    def _check_available_in(self, location, product, lot, quantity):
        if product.tracking != "none" and not lot:
            raise UserError(
                self.env._(
                    "Say which lot of %(product)s.", product=product.display_name
                )
            )
        available = (
            self.env["stock.quant"]
            .sudo()
            ._get_available_quantity(
                product, location, lot_id=lot or None, strict=bool(lot)
            )
        )
        if (
            float_compare(
                quantity, available, precision_rounding=product.uom_id.rounding
            )
            > 0
        ):
            raise UserError(
                self.env._(
                    "Only %(available)s %(product)s on hand in %(location)s, "
                    "not %(qty)s.",
                    available=available,
                    product=product.display_name,
                    location=location.display_name,
                    qty=quantity,
                )
            )
