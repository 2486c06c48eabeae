from odoo import fields, models

# Preventive work whose rhythm DOMAIN.md fixes: the interval is a setting.
INTERVAL_SETTINGS = {
    "hospital_generator_test_days": "day",
    "hospital_tool_inventory_months": "month",
}


class MaintenanceKind(models.Model):
    _inherit = "maintenance.kind"

    checklist_item_ids = fields.One2many(
        "hospital.checklist.item",
        "kind_id",
        string="Checklist",
        help="Points checked and recorded on every request of this kind.",
    )
    interval_setting = fields.Selection(
        [
            ("hospital_generator_test_days", "Backup Generator Test Interval"),
            ("hospital_tool_inventory_months", "Tool Inventory Interval"),
        ],
        string="Interval from Settings",
        help="Plans of this kind repeat at the interval set in Settings, and "
        "follow it when the setting changes.",
    )

    def _hospital_interval(self, company):
        """(interval, step) that plans of this kind follow, or None."""
        self.ensure_one()
        if not self.interval_setting:
            return None
        return company[self.interval_setting], INTERVAL_SETTINGS[self.interval_setting]
