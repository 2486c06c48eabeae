from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.hospital_logistics.groups import FINANCE, MANAGER
from odoo.addons.hospital_logistics.models.hospital_workflow_mixin import (
    hospital_transition,
)


class HospitalStockStocktake(models.Model):
    _name = "hospital.stock.stocktake"
    _description = "Warehouse Stocktake (库房盘点)"
    _hospital_sequence_code = "hospital.stock.stocktake"
    _inherit = [
        "mail.thread",
        "mail.activity.mixin",
        "hospital.workflow.mixin",
        "hospital.tier.validation",
    ]
    _order = "date desc, id desc"
    _check_company_auto = True

    _tier_validation_manual_config = False
    _state_from = ["counted"]
    _state_to = ["posted"]
    _cancel_state = "cancel"
    _hospital_workflow_fields = ("state", "date")
    _hospital_free_fields = ("active", "review_ids")
    # The warehouse location is chosen when the count is opened: its books
    # fill the lines.  Once closed, the count is what gets approved.
    _hospital_editable_states = {
        "draft": (
            "line_ids",
            "line_ids.counted_qty",
            "line_ids.writedown_amount",
            "line_ids.note",
        ),
    }

    name = fields.Char(string="Number", readonly=True, copy=False, default="/")
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    location_id = fields.Many2one(
        "stock.location",
        string="Warehouse Location",
        required=True,
        check_company=True,
        domain="[('hospital_is_warehouse_stock', '=', True)]",
    )
    date = fields.Datetime(
        default=fields.Datetime.now, required=True, readonly=True, copy=False
    )
    state = fields.Selection(
        [
            ("draft", "Counting"),
            ("counted", "Counted"),
            ("posted", "Posted"),
            ("cancel", "Cancelled"),
        ],
        default="draft",
        required=True,
        tracking=True,
        copy=False,
    )
    line_ids = fields.One2many(
        "hospital.stock.stocktake.line", "stocktake_id", string="Count"
    )
    difference_count = fields.Integer(compute="_compute_totals", store=True)
    surplus_value = fields.Monetary(compute="_compute_totals", store=True)
    deficit_value = fields.Monetary(compute="_compute_totals", store=True)
    writedown_value = fields.Monetary(
        string="Write-down", compute="_compute_totals", store=True
    )

    @api.depends(
        "line_ids.difference", "line_ids.difference_value", "line_ids.writedown_amount"
    )
    def _compute_totals(self):
        for take in self:
            lines = take.line_ids
            take.difference_count = len(
                lines.filtered(lambda line: line.difference or line.writedown_amount)
            )
            take.surplus_value = sum(
                v for v in lines.mapped("difference_value") if v > 0
            )
            take.deficit_value = -sum(
                v for v in lines.mapped("difference_value") if v < 0
            )
            take.writedown_value = sum(lines.mapped("writedown_amount"))

    @api.model_create_multi
    def create(self, vals_list):
        takes = super().create(vals_list)
        takes.filtered(lambda t: not t.line_ids)._hospital_load_lines()
        return takes

    @api.constrains("location_id")
    def _check_location_is_warehouse(self):
        for take in self:
            if not take.location_id.hospital_is_warehouse_stock:
                raise ValidationError(
                    self.env._(
                        "%(location)s is not a logistics warehouse: wards count "
                        "their stock in weekly checks.",
                        location=take.location_id.display_name,
                    )
                )

    @api.ondelete(at_uninstall=False)
    def _unlink_except_posted_or_not_logistics_manager(self):
        """Only a logistics manager deletes a stocktake, and never a posted one."""
        if not self.env.user.has_group(MANAGER) or any(
            take.state == "posted" for take in self
        ):
            raise UserError(self.env._("Stocktakes are archived, not deleted."))

    @hospital_transition
    def _hospital_load_lines(self):
        quants = (
            self.env["stock.quant"]
            .sudo()
            .search(
                [
                    ("location_id", "child_of", self.location_id.ids),
                    ("quantity", "!=", 0),
                ]
            )
        )
        self.env["hospital.stock.stocktake.line"].create(
            [
                {
                    "stocktake_id": take.id,
                    "location_id": quant.location_id.id,
                    "product_id": quant.product_id.id,
                    "lot_id": quant.lot_id.id,
                    "theoretical_qty": quant.quantity,
                    "counted_qty": quant.quantity,
                }
                for take in self
                for quant in quants
                if quant.location_id._child_of(take.location_id)
            ]
        )

    @hospital_transition
    def action_counted(self):
        for take in self:
            if take.state != "draft":
                raise UserError(
                    self.env._("Only a stocktake being counted can be closed.")
                )
        self.write({"state": "counted"})

    @hospital_transition
    def action_post(self):
        """Surpluses, deficits and write-downs are posted only once approved."""
        for take in self:
            if take.state != "counted":
                raise UserError(self.env._("Close the count before posting."))
        self.write({"state": "posted"})
        Move = self.env["stock.move"]
        for take in self:
            vals = []
            for line in take.line_ids.filtered("difference"):
                inventory = line.product_id.with_company(
                    take.company_id
                ).property_stock_inventory
                source, destination = line.location_id, inventory
                if line.difference > 0:
                    source, destination = inventory, line.location_id
                vals.append(
                    {
                        "product_id": line.product_id.id,
                        "product_uom_qty": abs(line.difference),
                        "location_id": source.id,
                        "location_dest_id": destination.id,
                        "lot_id": line.lot_id.id,
                        "origin": take.name,
                        "company_id": take.company_id.id,
                        "is_inventory": True,
                    }
                )
            if vals:
                Move._hospital_move_done(vals)
        self.location_id.sudo().hospital_last_check_date = fields.Datetime.now()
        finance = self.env.ref(FINANCE).user_ids.partner_id
        for take in self:
            take.message_post(
                body=self.env._(
                    "Stocktake posted: surplus %(surplus)s, deficit %(deficit)s, "
                    "write-down %(writedown)s. The report goes to finance.",
                    surplus=take.surplus_value,
                    deficit=take.deficit_value,
                    writedown=take.writedown_value,
                ),
                partner_ids=finance.ids,
            )
        return True

    @hospital_transition
    def action_cancel(self):
        if any(take.state == "posted" for take in self):
            raise UserError(self.env._("A posted stocktake cannot be cancelled."))
        self.write({"state": "cancel"})
