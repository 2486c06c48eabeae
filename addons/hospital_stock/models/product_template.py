from odoo import api, fields, models
from odoo.exceptions import ValidationError


class ProductTemplate(models.Model):
    _inherit = "product.template"

    hospital_swap_old = fields.Boolean(
        string="Return Old to Get New (交旧领新)",
        help="Office supplies and the like: the keeper issues a new one only when "
        "the old one is handed back.",
    )
    hospital_important = fields.Boolean(
        string="Important Item",
        help="Lending it out of the ward needs the head nurse's approval.",
    )
    hospital_sterile = fields.Boolean(
        string="Sterile Single-use",
        help="Tracked by lot with an expiry date; expired lots cannot be issued.",
    )
    hospital_ward_quantity = fields.Float(
        string="In Ward Custody",
        compute="_compute_hospital_ward_quantity",
        help="Quantity held in the wards' stock locations.",
    )

    @api.constrains("hospital_sterile", "tracking", "use_expiration_date")
    def _check_hospital_sterile_tracking(self):
        for template in self.filtered("hospital_sterile"):
            if template.tracking != "lot" or not template.use_expiration_date:
                raise ValidationError(
                    self.env._(
                        "%(product)s is a sterile single-use item: it must be "
                        "tracked by lot with an expiration date.",
                        product=template.name,
                    )
                )

    @api.onchange("hospital_sterile")
    def _onchange_hospital_sterile(self):
        if self.hospital_sterile:
            self.is_storable = True
            self.tracking = "lot"
            self.use_expiration_date = True

    def _compute_hospital_ward_quantity(self):
        quantities = dict(
            self.env["stock.quant"]
            .sudo()
            ._read_group(
                [
                    ("product_id.product_tmpl_id", "in", self.ids),
                    ("location_id.hospital_department_id", "!=", False),
                ],
                ["product_id"],
                ["quantity:sum"],
            )
        )
        for template in self:
            template.hospital_ward_quantity = sum(
                quantities.get(product, 0.0) for product in template.product_variant_ids
            )

    def action_hospital_ward_custody(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "hospital_stock.stock_quant_action_ward"
        )
        action["domain"] = [
            ("product_id.product_tmpl_id", "=", self.id),
            ("location_id.hospital_department_id", "!=", False),
        ]
        return action
