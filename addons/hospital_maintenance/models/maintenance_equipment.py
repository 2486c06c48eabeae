from odoo import fields, models
from odoo.tools.sql import column_exists, create_column


class MaintenanceEquipment(models.Model):
    _name = "maintenance.equipment"
    _inherit = ["maintenance.equipment", "hospital.qr.mixin"]
    _hospital_qr_route = "equipment"
    _hospital_qr_label_report = (
        "hospital_maintenance.maintenance_equipment_label_report"
    )

    hospital_location_id = fields.Many2one(
        "hospital.location",
        string="Room",
        check_company=True,
        help="Where the equipment stands; a fault reported from its QR code is "
        "located here.",
    )

    _qr_token_uniq = models.Constraint(
        "UNIQUE(qr_token)", "A QR code must identify a single piece of equipment."
    )

    def _auto_init(self):
        # Equipment registered before the install needs a distinct token each:
        # a column default would give them all the same one.
        if not column_exists(self.env.cr, self._table, "qr_token"):
            create_column(self.env.cr, self._table, "qr_token", "varchar")
            self.env.cr.execute(
                "UPDATE maintenance_equipment "
                "SET qr_token = md5(random()::text || id::text)"
            )
        return super()._auto_init()
