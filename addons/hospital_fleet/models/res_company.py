from odoo import api, fields, models

from odoo.addons.hospital_logistics.groups import LEADERSHIP


class ResCompany(models.Model):
    _inherit = "res.company"

    hospital_vehicle_request_lead_hours = fields.Float(
        string="Vehicle Request Lead Time (h)",
        default=24.0,
        help="Vehicle requests are made at least this long before departure, "
        "except emergencies (dispatch first, paperwork after).",
    )
    hospital_vehicle_ready_minutes = fields.Integer(
        string="Driver Ready Time (min)",
        default=10,
        help="A dispatched driver is ready to leave within this many minutes; "
        "the vehicle office answers an emergency request within the same time.",
    )
    hospital_vehicle_repair_deputy_limit = fields.Monetary(
        string="Vehicle Repair Limit for Deputy Director",
        default=1000.0,
        help="Vehicle repairs up to this amount are approved by the deputy "
        "director, above it by the director.",
    )
    hospital_penalty_no_driver = fields.Monetary(
        string="Penalty: Driving Without Assigned Driver", default=100.0
    )
    hospital_penalty_no_dispatch = fields.Monetary(
        string="Penalty: Trip Without Dispatch", default=100.0
    )
    hospital_penalty_private_use = fields.Monetary(
        string="Penalty: Private Use Without Approval", default=100.0
    )
    hospital_penalty_drunk_driving = fields.Monetary(
        string="Penalty: Drunk or Illegal Driving", default=1000.0
    )
    hospital_penalty_wrong_parking = fields.Monetary(
        string="Penalty: Wrong Parking", default=20.0
    )
    hospital_accident_hospital_share = fields.Float(
        string="Accident Costs Borne by Hospital (%)",
        default=30.0,
        help="Share of accident costs beyond insurance paid by the hospital; "
        "the driver pays the rest.",
    )
    hospital_fuel_alert_margin = fields.Float(
        string="Fuel Consumption Alert Margin (%)",
        default=10.0,
        help="A fill-up whose consumption per 100 km exceeds the vehicle's norm "
        "by more than this share raises an alert to the vehicle office.",
    )
    hospital_fleet_deputy_director_id = fields.Many2one(
        "res.users",
        string="Deputy Director for Vehicles",
        domain=lambda self: [("all_group_ids", "in", self.env.ref(LEADERSHIP).ids)],
        help="Approves vehicle repairs up to the deputy director's limit. Empty: "
        "any member of the hospital leadership.",
    )
    hospital_fleet_director_id = fields.Many2one(
        "res.users",
        string="Director for Vehicles",
        domain=lambda self: [("all_group_ids", "in", self.env.ref(LEADERSHIP).ids)],
        help="Approves vehicle repairs above the deputy director's limit. Empty: "
        "any member of the hospital leadership.",
    )

    @api.model
    def _hospital_threshold_kinds(self):
        return {
            **super()._hospital_threshold_kinds(),
            "hospital_vehicle_request_lead_hours": "period",
            "hospital_vehicle_ready_minutes": "period",
            "hospital_vehicle_repair_deputy_limit": "amount",
            "hospital_penalty_no_driver": "amount",
            "hospital_penalty_no_dispatch": "amount",
            "hospital_penalty_private_use": "amount",
            "hospital_penalty_drunk_driving": "amount",
            "hospital_penalty_wrong_parking": "amount",
            "hospital_accident_hospital_share": "percent",
            "hospital_fuel_alert_margin": "percent",
        }

    def _hospital_penalty_amounts(self):
        """Default penalty of each violation kind (DOMAIN.md §3), read from the
        settings; kinds absent here have no default amount."""
        self.ensure_one()
        return {
            "no_driver": self.hospital_penalty_no_driver,
            "no_dispatch": self.hospital_penalty_no_dispatch,
            "private_use": self.hospital_penalty_private_use,
            "drunk_driving": self.hospital_penalty_drunk_driving,
            "wrong_parking": self.hospital_penalty_wrong_parking,
        }
