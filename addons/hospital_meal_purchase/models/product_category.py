from odoo import fields, models


class ProductCategory(models.Model):
    _inherit = "product.category"

    hospital_canteen = fields.Boolean(
        string="Canteen Food",
        help="Food for the canteen (营养食堂): its suppliers must hold a valid "
        "food business licence (食品经营许可证). Applies to the sub-categories.",
    )

    def _hospital_is_canteen(self):
        """Whether each category or one of its parents is canteen food, in
        one query for the batch: ``{category id: bool}``."""
        flagged = set(self.sudo().search([("hospital_canteen", "=", True)]).ids)
        return {
            category.id: bool(
                flagged
                & {
                    int(part)
                    for part in (category.parent_path or "").split("/")
                    if part
                }
            )
            for category in self
        }
