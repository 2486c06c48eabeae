import uuid

from odoo import fields, models


class MaintenanceEquipment(models.Model):
    _inherit = "maintenance.equipment"

    hospital_location_id = fields.Many2one(
        "hospital.location",
        string="Room",
        check_company=True,
        help="Where the equipment stands; a fault reported from its QR code is "
        "located here.",
    )
    qr_token = fields.Char(
        string="QR Token",
        default=lambda self: uuid.uuid4().hex,
        copy=False,
        readonly=True,
        index=True,
    )
    qr_url = fields.Char(string="Reporting Link", compute="_compute_qr_url")

    _qr_token_uniq = models.Constraint(
        "UNIQUE(qr_token)", "A QR code must identify a single piece of equipment."
    )

    def _compute_qr_url(self):
        base = self.get_base_url()
        for equipment in self:
            equipment.qr_url = f"{base}/hospital/report/equipment/{equipment.qr_token}"

    def action_print_labels(self):
        return self.env.ref(
            "hospital_maintenance.maintenance_equipment_label_report"
        ).report_action(self)
