from odoo import fields, models

HOSPITAL_SERVICE_KINDS = [
    ("repair", "Repair"),
    ("maintenance", "Maintenance"),
    ("fuel", "Fuel"),
    ("fee", "Fees (tolls, parking, inspection, insurance)"),
    ("cleaning", "Cleaning"),
    ("other", "Other"),
]


class FleetServiceType(models.Model):
    _inherit = "fleet.service.type"

    hospital_kind = fields.Selection(
        HOSPITAL_SERVICE_KINDS,
        string="Hospital Cost Kind",
        default="other",
        help="Repairs go through the deputy director's or the director's "
        "approval; the other kinds are costs of the vehicle booked as they come.",
    )
