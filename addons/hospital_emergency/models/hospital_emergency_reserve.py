from collections import defaultdict

from odoo import api, fields, models

ALERT_ACTIVITY = "hospital_emergency.mail_act_hospital_emergency_reserve"


class HospitalEmergencyReserve(models.Model):
    """An emergency material reserve (应急物资储备): a minimum quantity of an
    item kept at a place (a stock location and its sub-locations).  A daily
    check compares it with the stock on hand (``stock.quant``) and alerts
    the responsible with an activity when it is below the minimum.

    The reserve is a floor that must never be crossed, checked and alerted,
    not a purchase trigger: a stock reordering rule (``stock.warehouse.
    orderpoint``) of the same item and place may refill it, and is linked
    here when there is one."""

    _name = "hospital.emergency.reserve"
    _description = "Emergency Reserve"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "location_id, product_id"

    product_id = fields.Many2one(
        "product.product",
        string="Item",
        required=True,
        domain=[("is_storable", "=", True)],
        tracking=True,
        ondelete="restrict",
    )
    location_id = fields.Many2one(
        "stock.location",
        string="Place",
        required=True,
        domain=[("usage", "=", "internal")],
        tracking=True,
        ondelete="restrict",
        help="The stock location holding the reserve; its sub-locations count.",
    )
    min_qty = fields.Float(
        string="Minimum Quantity", required=True, digits="Product Unit", tracking=True
    )
    uom_id = fields.Many2one(related="product_id.uom_id")
    responsible_id = fields.Many2one(
        "res.users",
        required=True,
        default=lambda self: self.env.user,
        tracking=True,
        help="Alerted when the reserve falls below its minimum.",
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    orderpoint_id = fields.Many2one(
        "stock.warehouse.orderpoint",
        string="Reordering Rule",
        compute="_compute_orderpoint_id",
        help="The reordering rule of the same item and place, refilling the reserve.",
    )
    qty_on_hand = fields.Float(
        compute="_compute_qty_on_hand", digits="Product Unit", string="On Hand"
    )
    is_below = fields.Boolean(compute="_compute_qty_on_hand", string="Below Minimum")
    note = fields.Text()
    active = fields.Boolean(default=True, tracking=True)

    _unique_reserve = models.UniqueIndex(
        "(product_id, location_id) WHERE active",
        "An item has one emergency reserve per place.",
    )
    _check_min_qty = models.Constraint(
        "CHECK(min_qty > 0)", "The minimum quantity of a reserve is positive."
    )

    @api.depends("product_id", "location_id")
    def _compute_display_name(self):
        for reserve in self:
            reserve.display_name = "{} @ {}".format(
                reserve.product_id.display_name or "",
                reserve.location_id.display_name or "",
            )

    def _hospital_quantities(self):
        """``{reserve id: quantity on hand}`` in one ``_read_group``."""
        reserves = self.filtered(lambda r: r.product_id and r.location_id)
        if not reserves:
            return {}
        groups = (
            self.env["stock.quant"]
            .sudo()
            ._read_group(
                [
                    ("product_id", "in", reserves.product_id.ids),
                    ("location_id", "child_of", reserves.location_id.ids),
                ],
                ["product_id", "location_id"],
                ["quantity:sum"],
            )
        )
        by_product = defaultdict(list)
        for product, location, quantity in groups:
            by_product[product.id].append((location.parent_path, quantity))
        result = {}
        for reserve in reserves:
            prefix = reserve.location_id.parent_path
            result[reserve.id] = sum(
                quantity
                for path, quantity in by_product[reserve.product_id.id]
                if path.startswith(prefix)
            )
        return result

    @api.depends("product_id", "location_id", "min_qty")
    def _compute_qty_on_hand(self):
        quantities = self._hospital_quantities()
        for reserve in self:
            reserve.qty_on_hand = quantities.get(reserve.id, 0.0)
            reserve.is_below = reserve.qty_on_hand < reserve.min_qty

    def _compute_orderpoint_id(self):
        orderpoints = (
            self.env["stock.warehouse.orderpoint"]
            .sudo()
            .search(
                [
                    ("product_id", "in", self.product_id.ids),
                    ("location_id", "in", self.location_id.ids),
                ]
            )
        )
        by_key = {(op.product_id.id, op.location_id.id): op for op in orderpoints}
        for reserve in self:
            reserve.orderpoint_id = by_key.get(
                (reserve.product_id.id, reserve.location_id.id), False
            )

    @api.model
    def _cron_hospital_check_reserves(self):
        """Alert the responsible of each reserve below its minimum, once per
        shortage (until the alert activity is done).  O(1) queries."""
        self.search([("active", "=", True)])._hospital_alert_below()
        return True

    def _hospital_alert_below(self):
        activity_type = self.env.ref(ALERT_ACTIVITY, raise_if_not_found=False)
        if not activity_type or not self:
            return self.browse()
        below = self.filtered("is_below")
        if not below:
            return below
        Activity = self.env["mail.activity"].sudo()
        alerted = set(
            Activity.search(
                [
                    ("res_model", "=", self._name),
                    ("res_id", "in", below.ids),
                    ("activity_type_id", "=", activity_type.id),
                ]
            ).mapped("res_id")
        )
        model_id = self.env["ir.model"]._get_id(self._name)
        vals_list = []
        for reserve in below.filtered(lambda r: r.id not in alerted):
            user = reserve.responsible_id
            env = self.with_context(lang=user.lang or self.env.lang).env
            vals_list.append(
                {
                    "res_model_id": model_id,
                    "res_id": reserve.id,
                    "activity_type_id": activity_type.id,
                    "user_id": user.id,
                    "date_deadline": fields.Date.context_today(self),
                    "summary": env._(
                        "Emergency reserve below minimum: %(qty)s of %(min)s %(uom)s",
                        qty=reserve.qty_on_hand,
                        min=reserve.min_qty,
                        uom=reserve.uom_id.with_env(env).name,
                    ),
                }
            )
        if vals_list:
            Activity.create(vals_list)
        return below
