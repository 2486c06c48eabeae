from odoo import fields, models


class HospitalLicenceType(models.Model):
    _inherit = "hospital.licence.type"

    hospital_required_to_drive = fields.Boolean(
        string="Required to Drive",
        tracking=True,
        help="A driver is dispatched on a trip only with a licence of this type "
        "valid on the day of departure.",
    )
