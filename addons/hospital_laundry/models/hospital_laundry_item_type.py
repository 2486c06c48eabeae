from odoo import fields, models


class HospitalLaundryItemType(models.Model):
    """What is counted: sheets, quilt covers, patient gowns, work clothes..."""

    _name = "hospital.laundry.item.type"
    _description = "Laundry Item Type"
    _order = "sequence, name"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    category = fields.Selection(
        [("linen", "Linen"), ("clothes", "Work Clothes"), ("patient", "Patient Wear")],
        required=True,
        default="linen",
    )
