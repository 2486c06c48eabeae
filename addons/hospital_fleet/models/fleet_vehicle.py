from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import SQL

from ..groups import DISPATCHER

VEHICLE_KINDS = [
    ("sedan", "Sedan"),
    ("minibus", "Minibus"),
    ("van", "Van"),
    ("truck", "Truck"),
    ("ambulance", "Ambulance (救护车)"),
]
# Trips that hold their vehicle and driver for their window.
BOOKED_STATES = ("dispatched", "departed", "returned", "done")


class FleetVehicle(models.Model):
    _inherit = "fleet.vehicle"

    hospital_vehicle_kind = fields.Selection(
        VEHICLE_KINDS,
        default="sedan",
        required=True,
        tracking=True,
        help="Ambulances are on 24-hour duty with a driver roster and carry "
        "patients; any other use needs the vehicle office's approval.",
    )
    hospital_fuel_norm = fields.Float(
        string="Fuel Norm (L/100 km)",
        tracking=True,
        help="Expected consumption. A fill-up above it by more than the alert "
        "margin (Settings) raises an alert. Zero: no alert.",
    )
    hospital_key_ids = fields.One2many(
        "hospital.fleet.key", "vehicle_id", string="Keys and Papers"
    )
    hospital_trip_count = fields.Integer(
        string="Trips", compute="_compute_hospital_trip_count", groups=DISPATCHER
    )
    # The dispatch board: one batch of queries for every vehicle shown,
    # whatever the number of trips booked.
    hospital_board_status = fields.Selection(
        [
            ("available", "Available"),
            ("booked", "Booked Today"),
            ("out", "On a Trip"),
            ("repair", "In Repair"),
        ],
        string="Now",
        compute="_compute_hospital_board",
        groups=DISPATCHER,
    )
    hospital_current_trip_id = fields.Many2one(
        "hospital.fleet.trip",
        string="Current Trip",
        compute="_compute_hospital_board",
        groups=DISPATCHER,
    )
    hospital_next_trip_id = fields.Many2one(
        "hospital.fleet.trip",
        string="Next Trip",
        compute="_compute_hospital_board",
        groups=DISPATCHER,
    )
    hospital_next_departure = fields.Datetime(
        string="Next Departure", compute="_compute_hospital_board", groups=DISPATCHER
    )
    hospital_duty_driver_id = fields.Many2one(
        "res.users",
        string="Driver on Duty",
        compute="_compute_hospital_board",
        groups=DISPATCHER,
    )
    hospital_keys_out = fields.Integer(
        string="Keys Out", compute="_compute_hospital_board", groups=DISPATCHER
    )

    @api.constrains("hospital_fuel_norm")
    def _check_hospital_fuel_norm(self):
        for vehicle in self:
            if vehicle.hospital_fuel_norm < 0:
                raise ValidationError(
                    self.env._(
                        "%(vehicle)s: the fuel norm cannot be negative.",
                        vehicle=vehicle.display_name,
                    )
                )

    def _compute_hospital_trip_count(self):
        counts = dict(
            self.env["hospital.fleet.trip"]._read_group(
                [("vehicle_id", "in", self.ids)], ["vehicle_id"], ["__count"]
            )
        )
        for vehicle in self:
            vehicle.hospital_trip_count = counts.get(vehicle, 0)

    def _compute_hospital_board(self):
        now = fields.Datetime.now()
        vehicles = self.filtered("id")
        current, upcoming = vehicles._hospital_board_trips(now)
        Trip = self.env["hospital.fleet.trip"]
        repairs = {
            vehicle.id
            for [vehicle] in self.env["fleet.vehicle.log.services"]._read_group(
                [
                    ("vehicle_id", "in", vehicles.ids),
                    ("hospital_kind", "=", "repair"),
                    ("state", "=", "running"),
                ],
                ["vehicle_id"],
            )
        }
        keys_out = dict(
            self.env["hospital.fleet.key"]._read_group(
                [("vehicle_id", "in", vehicles.ids), ("state", "=", "out")],
                ["vehicle_id"],
                ["__count"],
            )
        )
        duties = self.env["hospital.fleet.duty"].search(
            [
                ("vehicle_id", "in", vehicles.ids),
                ("date_start", "<=", now),
                ("date_end", ">", now),
            ]
        )
        duty_driver = {duty.vehicle_id.id: duty.driver_id for duty in duties}
        end_of_day = fields.Datetime.end_of(now, "day")
        # One recordset for every trip shown: their fields are read at once.
        trips = Trip.browse([*current.values(), *upcoming.values()])
        for vehicle in self:
            trip = Trip.browse(current.get(vehicle.id)).with_prefetch(
                trips._prefetch_ids
            )
            following = Trip.browse(upcoming.get(vehicle.id)).with_prefetch(
                trips._prefetch_ids
            )
            vehicle.hospital_current_trip_id = trip
            vehicle.hospital_next_trip_id = following
            vehicle.hospital_next_departure = following.date_start
            vehicle.hospital_duty_driver_id = duty_driver.get(
                vehicle.id, self.env["res.users"]
            )
            vehicle.hospital_keys_out = keys_out.get(vehicle, 0)
            if vehicle.id in repairs:
                vehicle.hospital_board_status = "repair"
            elif trip:
                vehicle.hospital_board_status = "out"
            elif following and following.date_start <= end_of_day:
                vehicle.hospital_board_status = "booked"
            else:
                vehicle.hospital_board_status = "available"

    def _hospital_board_trips(self, now):
        """``({vehicle id: trip on the road}, {vehicle id: next booked trip})``
        in two indexed queries that read a row or two per vehicle."""
        if not self:
            return {}, {}
        Trip = self.env["hospital.fleet.trip"]
        Trip.flush_model(["vehicle_id", "state", "date_start", "date_end", "active"])
        self.env.cr.execute(
            SQL(
                """SELECT vehicle_id, id FROM hospital_fleet_trip
                    WHERE vehicle_id IN %(vehicles)s AND state = 'departed'""",
                vehicles=tuple(self.ids),
            )
        )
        current = dict(self.env.cr.fetchall())
        self.env.cr.execute(
            SQL(
                """SELECT v.id, next.id
                     FROM unnest(%(vehicles)s::int[]) AS v(id)
                     CROSS JOIN LATERAL (
                        SELECT id FROM hospital_fleet_trip
                         WHERE vehicle_id = v.id AND state = 'dispatched'
                           AND date_end > %(now)s AND active
                      ORDER BY date_start LIMIT 1) AS next""",
                vehicles=self.ids,
                now=now,
            )
        )
        upcoming = dict(self.env.cr.fetchall())
        return current, upcoming

    def action_hospital_view_trips(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "hospital_fleet.hospital_fleet_trip_action"
        )
        action["domain"] = [("vehicle_id", "=", self.id)]
        action["context"] = {"default_vehicle_id": self.id}
        return action
