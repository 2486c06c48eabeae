from odoo import api, fields, models
from odoo.fields import Domain


class StockQuant(models.Model):
    _inherit = "stock.quant"

    hospital_department_id = fields.Many2one(
        related="location_id.hospital_department_id", string="Ward"
    )
    hospital_custodian_id = fields.Many2one(
        related="location_id.hospital_custodian_id", string="Custodian"
    )
    hospital_expiry_state = fields.Selection(
        related="lot_id.hospital_expiry_state", string="Expiry"
    )

    @api.model
    def _get_gather_domain(
        self,
        product_id,
        location_id,
        lot_id=None,
        package_id=None,
        owner_id=None,
        strict=False,
    ):
        domain = super()._get_gather_domain(
            product_id, location_id, lot_id, package_id, owner_id, strict
        )
        if self.env.context.get("hospital_skip_expired"):
            # Issues and consumption reserve only what may still be used.
            domain = Domain(domain) & Domain(
                "lot_id", "not any", self.env["stock.lot"]._hospital_expired_domain()
            )
        return domain
