from odoo import fields, models


class MaintenanceKind(models.Model):
    _inherit = "maintenance.kind"

    checklist_item_ids = fields.One2many(
        "hospital.checklist.item",
        "kind_id",
        string="Checklist",
        help="Points checked and recorded on every request of this kind.",
    )
