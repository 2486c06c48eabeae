from odoo import api, fields, models
from odoo.exceptions import UserError


class PurchaseOrder(models.Model):
    _inherit = "purchase.order"

    hospital_canteen = fields.Boolean(
        string="Canteen Purchase",
        compute="_compute_hospital_canteen",
        store=True,
        help="The order buys canteen food: the supplier needs a valid food "
        "business licence (食品经营许可证) on the order date.",
    )

    @api.depends("order_line.product_id.categ_id.hospital_canteen")
    def _compute_hospital_canteen(self):
        categories = self.order_line.product_id.categ_id
        canteen = categories._hospital_is_canteen()
        for order in self:
            order.hospital_canteen = any(
                canteen.get(line.product_id.categ_id.id)
                for line in order.order_line
                if line.product_id
            )

    def button_confirm(self):
        self.filtered(
            lambda po: po.state in ("draft", "sent")
        )._hospital_check_food_licence()
        return super().button_confirm()

    def _hospital_check_food_licence(self):
        """The canteen buys only from suppliers holding a food business
        licence valid on the order date (DOMAIN.md §9)."""
        Qualification = self.env["hospital.contract.qualification"]
        for order in self.filtered("hospital_canteen"):
            vendor = order.partner_id.commercial_partner_id
            on_date = fields.Date.to_date(
                order.date_order
            ) or fields.Date.context_today(order)
            if not Qualification._hospital_food_licensed(vendor, on_date):
                raise UserError(
                    self.env._(
                        "%(order)s buys canteen food from %(vendor)s, who holds no "
                        "food business licence (食品经营许可证) valid on %(date)s. "
                        "Record the licence under Contracts › Counterparty "
                        "Documents, or choose a licensed supplier.",
                        order=order.name,
                        vendor=vendor.name,
                        date=on_date,
                    )
                )
