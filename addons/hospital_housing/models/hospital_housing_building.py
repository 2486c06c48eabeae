from odoo import api, fields, models


class HospitalHousingBuilding(models.Model):
    """A staff dormitory building (宿舍楼) and how full it is today."""

    _name = "hospital.housing.building"
    _description = "Dormitory Building"
    _inherit = ["mail.thread"]
    _order = "sequence, name"
    _check_company_auto = True

    name = fields.Char(required=True, tracking=True)
    code = fields.Char(size=32)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    address = fields.Char()
    residents_kind = fields.Selection(
        [("male", "Men"), ("female", "Women"), ("mixed", "Mixed Floors")],
        string="Residents",
        default="mixed",
    )
    keeper_id = fields.Many2one(
        "res.users", string="Dormitory Keeper", help="The office's keeper (宿管员)."
    )
    room_ids = fields.One2many("hospital.housing.room", "building_id", string="Rooms")
    bed_count = fields.Integer(string="Beds", compute="_compute_occupancy")
    occupied_count = fields.Integer(string="Occupied", compute="_compute_occupancy")
    free_count = fields.Integer(string="Free", compute="_compute_occupancy")
    occupancy_rate = fields.Float(string="Occupancy (%)", compute="_compute_occupancy")

    _code_company_uniq = models.Constraint(
        "UNIQUE (code, company_id)", "A building code is used once per hospital."
    )

    @api.depends("room_ids.bed_ids")
    def _compute_occupancy(self):
        """Two grouped queries for any number of buildings: their beds, and
        their beds occupied today."""
        Bed = self.env["hospital.housing.bed"]
        domain = [("building_id", "in", self.ids)]
        beds = dict(Bed._read_group(domain, ["building_id"], ["__count"]))
        occupied = dict(
            Bed._read_group(
                domain + [("is_occupied", "=", True)], ["building_id"], ["__count"]
            )
        )
        for building in self:
            total = beds.get(building, 0)
            taken = occupied.get(building, 0)
            building.bed_count = total
            building.occupied_count = taken
            building.free_count = total - taken
            building.occupancy_rate = 100.0 * taken / total if total else 0.0

    def action_open_beds(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "hospital_housing.hospital_housing_bed_action"
        )
        action["domain"] = [("building_id", "=", self.id)]
        action["context"] = {"default_building_id": self.id, "search_default_free": 0}
        return action
