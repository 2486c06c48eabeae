from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import SQL, format_datetime

from odoo.addons.hospital_logistics.groups import MANAGER
from odoo.addons.hospital_logistics.models.hospital_workflow_mixin import (
    ALL_FIELDS,
    hospital_transition,
)

from ..groups import DISPATCHER, DRIVER
from .fleet_vehicle import BOOKED_STATES

# What a driver enters on his own slip; everything else is the office's.
DRIVER_FIELDS = {"odometer_out", "odometer_in", "departed_at", "returned_at"}


class HospitalFleetTrip(models.Model):
    _name = "hospital.fleet.trip"
    _description = "Dispatch Slip (出车单)"
    _hospital_sequence_code = "hospital.fleet.trip"
    _inherit = ["mail.thread", "mail.activity.mixin", "hospital.signature.mixin"]
    _order = "date_start desc, id desc"
    _check_company_auto = True

    _hospital_workflow_fields = (
        "state",
        "name",
        "dispatcher_id",
        "dispatched_at",
        "closed_at",
        "ambulance_approved_by_id",
        "ambulance_approved_at",
    )
    _hospital_editable_states = {
        "draft": ALL_FIELDS,
        "dispatched": ("odometer_out", "departed_at"),
        "departed": ("odometer_in", "departed_at", "returned_at"),
        "returned": ("dispatcher_signature", "user_signature"),
    }
    _hospital_free_fields = ("active", "note")
    _hospital_signers = {
        "dispatcher_signature": "_hospital_dispatcher_signers",
        "user_signature": "_hospital_user_signers",
    }

    name = fields.Char(string="Number", readonly=True, copy=False, default="/")
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    request_id = fields.Many2one(
        "hospital.fleet.request",
        string="Vehicle Request",
        check_company=True,
        tracking=True,
        index="btree_not_null",
    )
    is_emergency = fields.Boolean(related="request_id.is_emergency", store=True)
    paperwork_pending = fields.Boolean(related="request_id.paperwork_pending")
    department_id = fields.Many2one(
        "hr.department", required=True, check_company=True, tracking=True
    )
    user_id = fields.Many2one(
        "res.users",
        string="Vehicle User",
        required=True,
        domain="[('share', '=', False)]",
        tracking=True,
        help="The person who used the vehicle (用车人): signs the slip on return.",
    )
    purpose = fields.Char(required=True)
    destination = fields.Char(required=True, tracking=True)
    passenger_count = fields.Integer(string="Passengers", default=1)
    is_patient_transport = fields.Boolean(string="Patient Transport", tracking=True)
    vehicle_id = fields.Many2one(
        "fleet.vehicle", required=True, check_company=True, tracking=True
    )
    vehicle_kind = fields.Selection(
        related="vehicle_id.hospital_vehicle_kind", string="Vehicle Kind"
    )
    driver_id = fields.Many2one(
        "res.users",
        required=True,
        tracking=True,
        domain=lambda self: [("all_group_ids", "in", self.env.ref(DRIVER).ids)],
    )
    date_start = fields.Datetime(string="Departure", required=True, tracking=True)
    date_end = fields.Datetime(string="Return", required=True, tracking=True)
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("dispatched", "Dispatched"),
            ("departed", "On the Road"),
            ("returned", "Returned"),
            ("done", "Closed"),
            ("cancel", "Cancelled"),
        ],
        default="draft",
        required=True,
        tracking=True,
        copy=False,
        index=True,
    )
    dispatcher_id = fields.Many2one("res.users", readonly=True, copy=False)
    dispatched_at = fields.Datetime(readonly=True, copy=False)
    departed_at = fields.Datetime(string="Left at", copy=False, tracking=True)
    returned_at = fields.Datetime(string="Back at", copy=False, tracking=True)
    closed_at = fields.Datetime(readonly=True, copy=False)
    odometer_out = fields.Float(string="Odometer Out (km)", copy=False, tracking=True)
    odometer_in = fields.Float(string="Odometer In (km)", copy=False, tracking=True)
    distance = fields.Float(
        string="Distance (km)", compute="_compute_distance", store=True
    )
    duration_hours = fields.Float(
        string="Duration (h)",
        compute="_compute_duration_hours",
        store=True,
        help="From departure to return: the basis of the driver's travel allowance.",
    )
    ambulance_approved_by_id = fields.Many2one(
        "res.users", string="Non-patient Use Approved by", readonly=True, copy=False
    )
    ambulance_approved_at = fields.Datetime(readonly=True, copy=False)
    key_ids = fields.One2many("hospital.fleet.key", "trip_id", string="Keys Out")
    note = fields.Text()
    dispatcher_signature = fields.Binary(copy=False)
    dispatcher_signature_user_id = fields.Many2one(
        "res.users", string="Signed by (Dispatcher)", readonly=True, copy=False
    )
    dispatcher_signature_date = fields.Datetime(readonly=True, copy=False)
    user_signature = fields.Binary(string="Vehicle User Signature", copy=False)
    user_signature_user_id = fields.Many2one(
        "res.users", string="Signed by (User)", readonly=True, copy=False
    )
    user_signature_date = fields.Datetime(readonly=True, copy=False)

    # The bookings overlapping a window, whatever the number of trips: a GiST
    # index on the booked windows (PostgreSQL's own range operators).
    _booking_window_idx = models.Index(
        "USING gist (tsrange(date_start, date_end)) WHERE state IN "
        "('dispatched', 'departed', 'returned', 'done')"
    )
    # Each vehicle's next departure, for the dispatch board.
    _vehicle_next_idx = models.Index(
        "(vehicle_id, date_start) WHERE state = 'dispatched'"
    )

    @api.depends("odometer_out", "odometer_in")
    def _compute_distance(self):
        for trip in self:
            trip.distance = (
                max(trip.odometer_in - trip.odometer_out, 0.0)
                if trip.odometer_in and trip.odometer_out
                else 0.0
            )

    @api.depends("departed_at", "returned_at")
    def _compute_duration_hours(self):
        for trip in self:
            trip.duration_hours = (
                max((trip.returned_at - trip.departed_at).total_seconds() / 3600, 0.0)
                if trip.departed_at and trip.returned_at
                else 0.0
            )

    def write(self, vals):
        approved = self.filtered("ambulance_approved_by_id")
        if approved and {"vehicle_id", "is_patient_transport"} & set(vals):
            # The approval was given for one ambulance and one use.
            approved._hospital_transition().write(
                {"ambulance_approved_by_id": False, "ambulance_approved_at": False}
            )
        return super().write(vals)

    @api.onchange("vehicle_id", "date_start")
    def _onchange_vehicle_duty_driver(self):
        """An ambulance leaves with the driver on duty."""
        if (
            self.vehicle_id.hospital_vehicle_kind == "ambulance"
            and self.date_start
            and not self.driver_id
        ):
            self.driver_id = self.env["hospital.fleet.duty"]._hospital_on_duty(
                self.vehicle_id, self.date_start
            )

    # ------------------------------------------------------------ rules
    @api.constrains("date_start", "date_end")
    def _check_return_after_departure(self):
        for trip in self:
            if trip.date_end <= trip.date_start:
                raise ValidationError(
                    self.env._(
                        "%(trip)s: the planned return must come after the departure.",
                        trip=trip.display_name,
                    )
                )

    @api.constrains("departed_at", "returned_at")
    def _check_back_after_leaving(self):
        for trip in self:
            if trip.returned_at and not trip.departed_at:
                raise ValidationError(
                    self.env._(
                        "%(trip)s cannot come back before it has left.",
                        trip=trip.display_name,
                    )
                )
            if trip.returned_at and trip.returned_at < trip.departed_at:
                raise ValidationError(
                    self.env._(
                        "%(trip)s: the return (%(back)s) is before the departure "
                        "(%(left)s).",
                        trip=trip.display_name,
                        back=trip.returned_at,
                        left=trip.departed_at,
                    )
                )

    @api.constrains("odometer_out", "odometer_in")
    def _check_odometer(self):
        for trip in self:
            if trip.odometer_out < 0 or trip.odometer_in < 0:
                raise ValidationError(
                    self.env._("An odometer reading cannot be negative.")
                )
            if trip.odometer_in and trip.odometer_in < trip.odometer_out:
                raise ValidationError(
                    self.env._(
                        "%(trip)s: the odometer in (%(odo_in)s km) is below the "
                        "odometer out (%(odo_out)s km).",
                        trip=trip.display_name,
                        odo_in=f"{trip.odometer_in:g}",
                        odo_out=f"{trip.odometer_out:g}",
                    )
                )

    @api.constrains("passenger_count")
    def _check_passenger_count(self):
        if any(trip.passenger_count < 0 for trip in self):
            raise ValidationError(
                self.env._("The number of passengers cannot be negative.")
            )

    @api.constrains("driver_id")
    def _check_driver_is_driver(self):
        drivers = self.env.ref(DRIVER).all_user_ids
        for trip in self:
            if trip.driver_id not in drivers:
                raise ValidationError(
                    self.env._(
                        "%(user)s is not one of the hospital's drivers (驾驶员): "
                        "only drivers run trips.",
                        user=trip.driver_id.name,
                    )
                )

    @api.constrains("vehicle_id", "driver_id", "date_start", "date_end", "state")
    def _check_no_double_booking(self):
        """A vehicle and a driver run one trip at a time."""
        booked = self.filtered(lambda t: t.state in BOOKED_STATES)
        clash = booked._hospital_booking_conflicts()
        if not clash:
            return
        trip, other, same_vehicle = clash[0]
        raise ValidationError(
            self.env._(
                "%(trip)s overlaps %(other)s (%(start)s – %(end)s): %(what)s is "
                "already booked then.",
                trip=trip.display_name,
                other=other.name,
                start=format_datetime(self.env, other.date_start),
                end=format_datetime(self.env, other.date_end),
                what=trip.vehicle_id.display_name
                if same_vehicle
                else trip.driver_id.name,
            )
        )

    def _hospital_booking_conflicts(self):
        """``[(trip, other trip, same vehicle?)]`` for the trips of ``self``
        whose window overlaps another booking of their vehicle or driver: one
        query on the booking indexes, whatever the number of trips."""
        if not self:
            return []
        self._hospital_lock_resources()
        self.flush_model(["vehicle_id", "driver_id", "date_start", "date_end", "state"])
        self.env.cr.execute(
            SQL(
                """SELECT t.id, o.id, o.vehicle_id = t.vehicle_id
                     FROM hospital_fleet_trip t
                     JOIN hospital_fleet_trip o
                       ON tsrange(o.date_start, o.date_end)
                          && tsrange(t.date_start, t.date_end)
                      AND o.state IN %(states)s
                      AND o.id != t.id
                      AND (o.vehicle_id = t.vehicle_id OR o.driver_id = t.driver_id)
                    WHERE t.id IN %(ids)s
                 ORDER BY o.vehicle_id = t.vehicle_id DESC
                    LIMIT 1""",
                ids=tuple(self.ids),
                states=BOOKED_STATES,
            )
        )
        Trip = self.browse()
        return [
            (Trip.browse(trip_id), Trip.browse(other_id).sudo(), same)
            for trip_id, other_id, same in self.env.cr.fetchall()
        ]

    def _hospital_lock_resources(self):
        """Two dispatchers booking the same vehicle or driver at the same
        moment: each updates the row of what it books, so the second
        transaction waits, fails to serialise and is retried by Odoo, and its
        check then sees the first booking."""
        self.env.cr.execute(
            SQL(
                "UPDATE fleet_vehicle SET id = id WHERE id IN %s",
                tuple(self.vehicle_id.ids),
            )
        )
        self.env.cr.execute(
            SQL(
                "UPDATE res_users SET id = id WHERE id IN %s", tuple(self.driver_id.ids)
            )
        )

    def _hospital_check_content_editable(self, fnames):
        super()._hospital_check_content_editable(fnames)
        user = self.env.user
        if user.has_group(DISPATCHER):
            return
        allowed = DRIVER_FIELDS if user.has_group(DRIVER) else set()
        # Signatures are governed by who may sign them, not by this rule.
        refused = set(fnames) - allowed - set(self._hospital_signers)
        if refused:
            raise UserError(
                self.env._(
                    "Only the vehicle office changes a dispatch slip (%(fields)s); "
                    "a driver enters the odometer and times of his own trips.",
                    fields=", ".join(sorted(self._hospital_field_labels(refused))),
                )
            )

    def _hospital_dispatcher_signers(self):
        return self.dispatcher_id

    def _hospital_user_signers(self):
        return self.user_id

    def _hospital_check_signable(self, field):
        if self.state != "returned":
            raise UserError(
                self.env._(
                    "%(trip)s is signed once the vehicle is back: the signatures "
                    "certify the odometer out and in.",
                    trip=self.display_name,
                )
            )

    def _check_ambulance_use(self):
        """Ambulances carry patients; any other use needs the office's approval."""
        for trip in self:
            if (
                trip.vehicle_kind == "ambulance"
                and not trip.is_patient_transport
                and not trip.ambulance_approved_by_id
            ):
                raise UserError(
                    self.env._(
                        "%(vehicle)s is an ambulance: a trip without a patient needs "
                        "the vehicle office's approval first.",
                        vehicle=trip.vehicle_id.display_name,
                    )
                )

    def _check_seats(self):
        for trip in self:
            seats = trip.vehicle_id.seats
            if seats and trip.passenger_count + 1 > seats:
                raise UserError(
                    self.env._(
                        "%(vehicle)s seats %(seats)s with the driver: it cannot take "
                        "%(count)s passengers.",
                        vehicle=trip.vehicle_id.display_name,
                        seats=seats,
                        count=trip.passenger_count,
                    )
                )

    def _check_request_dispatchable(self):
        for trip in self.filtered("request_id"):
            request = trip.request_id
            if request.state == "submitted" or (
                request.is_emergency and request.state in ("draft", "dispatched")
            ):
                continue
            if request.state == "dispatched":
                continue
            raise UserError(
                self.env._(
                    "%(request)s is %(state)s: only a submitted request is "
                    "dispatched (emergencies leave first, 先派后补).",
                    request=request.display_name,
                    state=dict(
                        request._fields["state"]._description_selection(self.env)
                    )[request.state],
                )
            )

    def _hospital_check_office(self):
        if not self.env.su and not self.env.user.has_group(DISPATCHER):
            raise UserError(
                self.env._(
                    "Only the vehicle office dispatches, closes and cancels trips."
                )
            )

    def _hospital_check_driver(self):
        """The driver of the trip, or the office, records leaving and return."""
        if self.env.su or self.env.user.has_group(DISPATCHER):
            return
        for trip in self:
            if trip.driver_id != self.env.user:
                raise UserError(
                    self.env._(
                        "%(trip)s is driven by %(driver)s: only he or the vehicle "
                        "office records its departure and return.",
                        trip=trip.display_name,
                        driver=trip.driver_id.name,
                    )
                )

    def _hospital_check_state(self, states, action):
        for trip in self:
            if trip.state not in states:
                raise UserError(
                    self.env._(
                        "%(trip)s cannot %(action)s now.",
                        trip=trip.display_name,
                        action=action,
                    )
                )

    # ------------------------------------------------------------ buttons
    @hospital_transition
    def action_approve_ambulance_use(self):
        if not self.env.user.has_group(MANAGER):
            raise UserError(
                self.env._(
                    "The non-patient use of an ambulance is approved by the head "
                    "of the vehicle office (logistics manager)."
                )
            )
        self._hospital_check_state(("draft",), self.env._("be approved"))
        self.write(
            {
                "ambulance_approved_by_id": self.env.uid,
                "ambulance_approved_at": fields.Datetime.now(),
            }
        )

    @hospital_transition
    def action_dispatch(self):
        self._hospital_check_office()
        self._hospital_check_state(("draft",), self.env._("be dispatched"))
        self._check_request_dispatchable()
        self._check_ambulance_use()
        self._check_seats()
        self.write(
            {
                "state": "dispatched",
                "dispatcher_id": self.env.uid,
                "dispatched_at": fields.Datetime.now(),
            }
        )
        for trip in self:
            trip.request_id._hospital_trip_dispatched(trip)
            trip._hospital_notify_driver()

    def _hospital_notify_driver(self):
        self.ensure_one()
        driver = self.driver_id
        env = self.with_context(lang=driver.lang, tz=driver.tz).env
        self.activity_schedule(
            "hospital_fleet.mail_act_hospital_fleet_trip",
            date_deadline=fields.Date.to_date(self.date_start),
            user_id=driver.id,
            summary=env._(
                "Leave at %(time)s with %(vehicle)s for %(destination)s",
                time=format_datetime(env, self.date_start, tz=driver.tz),
                vehicle=self.vehicle_id.license_plate or self.vehicle_id.name,
                destination=self.destination,
            ),
        )

    @hospital_transition
    def action_depart(self):
        self._hospital_check_driver()
        self._hospital_check_state(("dispatched",), self.env._("leave"))
        # The last reading may have been recorded by this transaction.
        self.vehicle_id.invalidate_recordset(["odometer"])
        for trip in self:
            last = trip.vehicle_id.odometer
            if trip.odometer_out <= 0 or trip.odometer_out < last:
                raise UserError(
                    self.env._(
                        "%(trip)s: enter the odometer out (at least %(last)s km, the "
                        "last reading of %(vehicle)s) before leaving.",
                        trip=trip.display_name,
                        last=f"{last:g}",
                        vehicle=trip.vehicle_id.display_name,
                    )
                )
            on_road = self.search_count(
                [
                    ("id", "!=", trip.id),
                    ("state", "=", "departed"),
                    "|",
                    ("vehicle_id", "=", trip.vehicle_id.id),
                    ("driver_id", "=", trip.driver_id.id),
                ]
            )
            if on_road:
                raise UserError(
                    self.env._(
                        "%(vehicle)s or %(driver)s is still on another trip.",
                        vehicle=trip.vehicle_id.display_name,
                        driver=trip.driver_id.name,
                    )
                )
            trip.vehicle_id.hospital_key_ids._hospital_hand_out(trip)
            if not trip.departed_at:
                trip.departed_at = fields.Datetime.now()
        self.write({"state": "departed"})
        self.activity_feedback(["hospital_fleet.mail_act_hospital_fleet_trip"])

    @hospital_transition
    def action_return(self):
        self._hospital_check_driver()
        self._hospital_check_state(("departed",), self.env._("come back"))
        for trip in self:
            if trip.odometer_in <= 0:
                raise UserError(
                    self.env._(
                        "%(trip)s: enter the odometer in before recording the return.",
                        trip=trip.display_name,
                    )
                )
            if not trip.returned_at:
                trip.returned_at = fields.Datetime.now()
        self.write({"state": "returned"})
        # The slip is the authority on the vehicle's mileage.
        self.env["fleet.vehicle.odometer"].sudo().create(
            [
                {
                    "vehicle_id": trip.vehicle_id.id,
                    "value": trip.odometer_in,
                    "date": fields.Date.to_date(trip.returned_at),
                    "driver_id": trip.driver_id.partner_id.id,
                }
                for trip in self
            ]
        )

    @hospital_transition
    def action_receive_keys(self):
        """The vehicle office takes back the keys and papers of the trip."""
        self._hospital_check_office()
        self.key_ids._hospital_receive()

    @hospital_transition
    def action_close(self):
        self._hospital_check_office()
        self._hospital_check_state(("returned",), self.env._("be closed"))
        for trip in self:
            if not (trip.dispatcher_signature and trip.user_signature):
                raise UserError(
                    self.env._(
                        "%(trip)s is closed once signed by the dispatcher and by the "
                        "vehicle user.",
                        trip=trip.display_name,
                    )
                )
            if trip.key_ids:
                raise UserError(
                    self.env._(
                        "%(trip)s: the keys and papers (%(keys)s) have not come back "
                        "to the vehicle office.",
                        trip=trip.display_name,
                        keys=", ".join(trip.key_ids.mapped("name")),
                    )
                )
        self.write({"state": "done", "closed_at": fields.Datetime.now()})
        self.request_id._hospital_trips_closed()

    @hospital_transition
    def action_cancel(self):
        self._hospital_check_office()
        self._hospital_check_state(("draft", "dispatched"), self.env._("be cancelled"))
        self.write({"state": "cancel"})
        self.activity_unlink(["hospital_fleet.mail_act_hospital_fleet_trip"])
        self.request_id._hospital_trips_closed()

    @hospital_transition
    def action_draft(self):
        self._hospital_check_office()
        self._hospital_check_state(("cancel",), self.env._("return to draft"))
        self.write({"state": "draft", "dispatcher_id": False, "dispatched_at": False})
