from odoo import api, fields, models
from odoo.exceptions import ValidationError


class HospitalFleetReportWizard(models.TransientModel):
    """The vehicle office's period report, in Excel: trips and kilometres per
    department (cost allocation), fuel efficiency per vehicle, violations per
    driver. It reads only what the user may read."""

    _name = "hospital.fleet.report.wizard"
    _description = "Vehicle Report (xlsx)"

    date_from = fields.Date(
        required=True,
        default=lambda self: fields.Date.start_of(
            fields.Date.context_today(self), "month"
        ),
    )
    date_to = fields.Date(
        required=True,
        default=lambda self: fields.Date.end_of(
            fields.Date.context_today(self), "month"
        ),
    )

    @api.constrains("date_from", "date_to")
    def _check_period(self):
        for wizard in self:
            if wizard.date_to < wizard.date_from:
                raise ValidationError(self.env._("The period ends before it starts."))

    def _hospital_window(self):
        self.ensure_one()
        return (
            fields.Datetime.to_datetime(self.date_from),
            fields.Datetime.end_of(fields.Datetime.to_datetime(self.date_to), "day"),
        )

    def _hospital_trips_by_department(self):
        start, end = self._hospital_window()
        return self.env["hospital.fleet.trip"]._read_group(
            [
                ("state", "in", ("returned", "done")),
                ("departed_at", ">=", start),
                ("departed_at", "<=", end),
            ],
            ["department_id"],
            ["__count", "distance:sum", "duration_hours:sum"],
            order="department_id",
        )

    def _hospital_fuel_by_vehicle(self):
        """``[(vehicle, litres, measured litres, km, cost, alerts)]``: the
        efficiency is the measured litres over the kilometres of the period (an
        average of the fill-ups' ratios would weigh a short hop like a long
        trip)."""
        Fuel = self.env["fleet.vehicle.log.fuel"]
        domain = [
            ("state", "=", "done"),
            ("date", ">=", self.date_from),
            ("date", "<=", self.date_to),
        ]
        alerts = dict(
            Fuel._read_group(
                [*domain, ("hospital_over_norm", "=", True)],
                ["vehicle_id"],
                ["__count"],
            )
        )
        return [
            (vehicle, litres, measured, km, cost, alerts.get(vehicle, 0))
            for vehicle, litres, measured, km, cost in Fuel._read_group(
                domain,
                ["vehicle_id"],
                [
                    "liter:sum",
                    "hospital_measured_liter:sum",
                    "hospital_distance:sum",
                    "amount:sum",
                ],
                order="vehicle_id",
            )
        ]

    def _hospital_violations_by_driver(self):
        return self.env["hospital.fleet.violation"]._read_group(
            [
                ("state", "=", "confirmed"),
                ("date", ">=", self.date_from),
                ("date", "<=", self.date_to),
            ],
            ["driver_id", "kind"],
            ["__count", "driver_charge:sum", "hospital_amount:sum"],
            order="driver_id, kind",
        )

    def action_export_xlsx(self):
        self.ensure_one()
        return self.env.ref("hospital_fleet.action_report_fleet_xlsx").report_action(
            self
        )
