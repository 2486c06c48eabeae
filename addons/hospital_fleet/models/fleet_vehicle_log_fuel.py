from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import float_round

from odoo.addons.hospital_logistics.models.hospital_workflow_mixin import (
    ALL_FIELDS,
    hospital_transition,
)

from ..groups import DISPATCHER


class FleetVehicleLogFuel(models.Model):
    """OCA's fuel log, with the driver, the consumption per 100 km since the
    previous fill-up and an alert above the vehicle's norm."""

    _name = "fleet.vehicle.log.fuel"
    _inherit = ["fleet.vehicle.log.fuel", "hospital.workflow.mixin"]

    _hospital_workflow_fields = (
        "state",
        "service_id",
        "hospital_previous_odometer",
        "hospital_distance",
        "hospital_measured_liter",
        "hospital_consumption",
        "hospital_over_norm",
    )
    _hospital_editable_states = {"todo": ALL_FIELDS, "running": ("notes", "inv_ref")}
    _hospital_free_fields = ("active", "notes")

    # OCA ships no Chinese: the labels staff read are restated here, so that
    # this addon's translation covers them.
    date = fields.Date()
    description = fields.Char()
    liter = fields.Float(string="Litres")
    price_per_liter = fields.Float(string="Price per Litre")
    amount = fields.Monetary(string="Cost")
    vendor_id = fields.Many2one()
    notes = fields.Text()
    service_type_id = fields.Many2one()
    odometer = fields.Float(string="Odometer Value")
    state = fields.Selection(
        selection=[
            ("todo", "To Do"),
            ("running", "Sent"),
            ("done", "Confirmed"),
            ("cancelled", "Cancelled"),
        ],
        string="Stage",
    )
    hospital_driver_id = fields.Many2one(
        "res.users",
        string="Filled up by",
        default=lambda self: self.env.user,
        tracking=True,
        domain="[('share', '=', False)]",
    )
    hospital_trip_id = fields.Many2one(
        "hospital.fleet.trip",
        string="Trip",
        domain="[('vehicle_id', '=', vehicle_id)]",
    )
    hospital_previous_odometer = fields.Float(
        string="Previous Fill-up (km)", readonly=True, copy=False
    )
    hospital_distance = fields.Float(
        string="Distance Since Previous Fill-up (km)", readonly=True, copy=False
    )
    hospital_measured_liter = fields.Float(
        string="Litres Measured",
        readonly=True,
        copy=False,
        help="The litres of a fill-up that follows another one: what the "
        "kilometres since then consumed. The first fill-up of a vehicle measures "
        "nothing.",
    )
    hospital_consumption = fields.Float(
        string="Consumption (L/100 km)",
        readonly=True,
        copy=False,
        aggregator="avg",
        help="Litres of this fill-up over the kilometres since the previous one "
        "(every fill-up fills the tank).",
    )
    hospital_fuel_norm = fields.Float(
        related="vehicle_id.hospital_fuel_norm", string="Norm (L/100 km)"
    )
    hospital_over_norm = fields.Boolean(
        string="Above Norm", readonly=True, copy=False, index=True
    )

    @api.constrains("liter", "price_per_liter", "amount")
    def _check_hospital_figures(self):
        for log in self:
            if min(log.liter, log.price_per_liter, log.amount) < 0:
                raise ValidationError(
                    self.env._(
                        "Litres, price and cost of a fill-up cannot be negative."
                    )
                )

    def _inverse_odometer(self):
        # The fill-up records the reading: drivers have no right to write the
        # vehicle's odometer log directly.
        return super(FleetVehicleLogFuel, self.sudo())._inverse_odometer()

    def _hospital_alert_threshold(self):
        """Consumption above which a fill-up of this vehicle raises an alert."""
        self.ensure_one()
        margin = self.company_id.hospital_fuel_alert_margin
        return self.vehicle_id.hospital_fuel_norm * (1 + margin / 100)

    def _hospital_measure(self):
        """Consumption since the vehicle's previous confirmed fill-up."""
        for log in self:
            if log.liter <= 0 or log.odometer <= 0:
                raise UserError(
                    self.env._(
                        "A fill-up is confirmed with its litres and the odometer "
                        "reading."
                    )
                )
            previous = self.search(
                [
                    ("vehicle_id", "=", log.vehicle_id.id),
                    ("state", "=", "done"),
                    ("id", "!=", log.id),
                ],
                order="odometer desc",
                limit=1,
            )
            if previous and log.odometer <= previous.odometer:
                raise UserError(
                    self.env._(
                        "The odometer (%(odometer)s km) is not beyond the previous "
                        "fill-up of %(vehicle)s (%(previous)s km).",
                        odometer=f"{log.odometer:g}",
                        vehicle=log.vehicle_id.display_name,
                        previous=f"{previous.odometer:g}",
                    )
                )
            distance = log.odometer - previous.odometer if previous else 0.0
            consumption = (
                float_round(log.liter / distance * 100, precision_digits=2)
                if distance
                else 0.0
            )
            norm = log.vehicle_id.hospital_fuel_norm
            log.write(
                {
                    "hospital_previous_odometer": previous.odometer,
                    "hospital_distance": distance,
                    "hospital_measured_liter": log.liter if distance else 0.0,
                    "hospital_consumption": consumption,
                    "hospital_over_norm": bool(
                        norm and consumption > log._hospital_alert_threshold()
                    ),
                }
            )
        self.filtered("hospital_over_norm")._hospital_alert()

    def _hospital_alert(self):
        for log in self:
            officer = log.vehicle_id.manager_id or self.env.user
            log.activity_schedule(
                "hospital_fleet.mail_act_hospital_fleet_fuel_alert",
                user_id=officer.id,
                summary=self.with_context(lang=officer.lang).env._(
                    "%(vehicle)s used %(consumption)s L/100 km (norm %(norm)s)",
                    vehicle=log.vehicle_id.display_name,
                    consumption=f"{log.hospital_consumption:g}",
                    norm=f"{log.hospital_fuel_norm:g}",
                ),
            )

    # OCA's buttons write the state directly: they are this log's transitions.
    @hospital_transition
    def button_running(self):
        return super().button_running()

    def _hospital_check_office(self):
        if not self.env.user.has_group(DISPATCHER):
            raise UserError(
                self.env._(
                    "The vehicle office checks the receipt and confirms the fill-up; "
                    "the driver enters it and sends it."
                )
            )

    @hospital_transition
    def button_done(self):
        self._hospital_check_office()
        # In odometer order, each against the one confirmed before it; OCA
        # prepares the cost line from ``self``: one log at a time.
        for log in self.filtered(lambda log: log.state == "running").sorted("odometer"):
            log._hospital_measure()
            super(FleetVehicleLogFuel, log).button_done()
        return True

    @hospital_transition
    def button_todo(self):
        return super().button_todo()

    @hospital_transition
    def button_cancel(self):
        """Cancel, archiving the cost line rather than deleting it as OCA does:
        documents are archived, never deleted."""
        self._hospital_check_office()
        logs = self.filtered(lambda log: log.state in ("todo", "running", "done"))
        logs.service_id.action_archive()
        logs.activity_unlink(["hospital_fleet.mail_act_hospital_fleet_fuel_alert"])
        logs.write(
            {"state": "cancelled", "service_id": False, "hospital_over_norm": False}
        )
        return True
