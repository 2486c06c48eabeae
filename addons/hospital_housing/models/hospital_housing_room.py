from odoo import fields, models


class HospitalHousingRoom(models.Model):
    """A dormitory room; each resident has a bed, a desk and a chair in it."""

    _name = "hospital.housing.room"
    _description = "Dormitory Room"
    _order = "building_id, name"
    _check_company_auto = True

    name = fields.Char(string="Room", required=True, size=32)
    building_id = fields.Many2one(
        "hospital.housing.building",
        required=True,
        index=True,
        ondelete="restrict",
        check_company=True,
    )
    company_id = fields.Many2one(
        related="building_id.company_id", store=True, index=True
    )
    floor = fields.Integer()
    active = fields.Boolean(default=True)
    bed_ids = fields.One2many("hospital.housing.bed", "room_id", string="Beds")
    note = fields.Text()

    _name_building_uniq = models.Constraint(
        "UNIQUE (building_id, name)", "A room number is used once per building."
    )

    def _compute_display_name(self):
        for room in self:
            room.display_name = (
                f"{room.building_id.name or ''} {room.name or ''}".strip()
            )
