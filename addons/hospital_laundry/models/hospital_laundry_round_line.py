from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError


class HospitalLaundryRoundLine(models.Model):
    """One item type of a slip, counted both ways."""

    _name = "hospital.laundry.round.line"
    _description = "Laundry Count by Item Type"
    _inherit = ["hospital.workflow.line.mixin"]
    _hospital_document_field = "round_id"
    _order = "round_id, id"

    round_id = fields.Many2one(
        "hospital.laundry.round", required=True, index=True, ondelete="cascade"
    )
    department_id = fields.Many2one(related="round_id.department_id", store=True)
    company_id = fields.Many2one(related="round_id.company_id", store=True)
    item_type_id = fields.Many2one("hospital.laundry.item.type", required=True)
    collected_qty = fields.Integer(string="Collected")
    damaged_qty = fields.Integer(string="Damaged")
    mended_qty = fields.Integer(string="Mended")
    delivered_qty = fields.Integer(string="Delivered")
    difference = fields.Integer(compute="_compute_difference", store=True)
    reason = fields.Char(
        help="Why more (or fewer) items come back than were collected."
    )

    _item_uniq = models.Constraint(
        "UNIQUE (round_id, item_type_id)", "Each item type is counted once per slip."
    )

    @api.depends("collected_qty", "delivered_qty")
    def _compute_difference(self):
        for line in self:
            line.difference = line.delivered_qty - line.collected_qty

    @api.constrains("collected_qty", "damaged_qty", "mended_qty", "delivered_qty")
    def _check_quantities(self):
        for line in self:
            if (
                min(
                    line.collected_qty,
                    line.damaged_qty,
                    line.mended_qty,
                    line.delivered_qty,
                )
                < 0
            ):
                raise ValidationError(self.env._("Counts cannot be negative."))
            if line.damaged_qty > line.collected_qty:
                raise ValidationError(
                    self.env._(
                        "More items damaged than collected (%s).",
                        line.item_type_id.name,
                    )
                )
            if line.mended_qty > line.damaged_qty:
                raise ValidationError(
                    self.env._(
                        "More items mended than damaged (%s).", line.item_type_id.name
                    )
                )

    @api.constrains("collected_qty", "delivered_qty", "reason")
    def _check_more_than_collected(self):
        for line in self:
            if line.delivered_qty > line.collected_qty and not line.reason:
                raise ValidationError(
                    self.env._(
                        "%(item)s: %(delivered)s delivered for %(collected)s "
                        "collected. Give the reason (items of another ward, a "
                        "replacement...).",
                        item=line.item_type_id.name,
                        delivered=line.delivered_qty,
                        collected=line.collected_qty,
                    )
                )

    def _check_deliverable(self):
        for line in self:
            if line.mended_qty < line.damaged_qty:
                raise UserError(
                    self.env._(
                        "%(count)s damaged %(item)s are not mended yet: damaged "
                        "items are mended before they go out.",
                        count=line.damaged_qty - line.mended_qty,
                        item=line.item_type_id.name,
                    )
                )
