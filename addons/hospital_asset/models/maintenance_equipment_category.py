from odoo import fields, models


class MaintenanceEquipmentCategory(models.Model):
    _inherit = "maintenance.equipment.category"

    hospital_asset_code = fields.Char(
        string="Asset Class Code",
        help="Printed in front of the asset numbers of this category.",
    )
    hospital_low_value = fields.Boolean(
        string="Low-value Items",
        help="Low-value items (低值易耗品) are scrapped only against the returned "
        "item: the warehouse confirms the return before approval.",
    )
