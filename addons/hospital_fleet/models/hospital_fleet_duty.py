from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import format_datetime

from ..groups import DRIVER


class HospitalFleetDuty(models.Model):
    """A shift of the ambulance duty roster: ambulances are on duty around the
    clock, each shift with its driver."""

    _name = "hospital.fleet.duty"
    _description = "Ambulance Duty Shift"
    _order = "date_start desc, id desc"
    _check_company_auto = True

    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    vehicle_id = fields.Many2one(
        "fleet.vehicle",
        string="Ambulance",
        required=True,
        check_company=True,
        domain="[('hospital_vehicle_kind', '=', 'ambulance')]",
    )
    driver_id = fields.Many2one(
        "res.users",
        required=True,
        domain=lambda self: [("all_group_ids", "in", self.env.ref(DRIVER).ids)],
    )
    date_start = fields.Datetime(string="From", required=True)
    date_end = fields.Datetime(string="To", required=True)
    note = fields.Char()

    _window_idx = models.Index("(vehicle_id, date_start, date_end)")

    @api.depends("vehicle_id", "driver_id", "date_start")
    def _compute_display_name(self):
        for duty in self:
            duty.display_name = " · ".join(
                filter(
                    None,
                    [
                        duty.vehicle_id.license_plate,
                        duty.driver_id.name,
                        duty.date_start and format_datetime(self.env, duty.date_start),
                    ],
                )
            )

    @api.constrains("date_start", "date_end")
    def _check_end_after_start(self):
        for duty in self:
            if duty.date_end <= duty.date_start:
                raise ValidationError(self.env._("A duty shift ends after it starts."))

    @api.constrains("vehicle_id")
    def _check_ambulance(self):
        for duty in self:
            if duty.vehicle_id.hospital_vehicle_kind != "ambulance":
                raise ValidationError(
                    self.env._(
                        "%(vehicle)s is not an ambulance: the duty roster is for "
                        "ambulances.",
                        vehicle=duty.vehicle_id.display_name,
                    )
                )

    @api.constrains("driver_id")
    def _check_driver_is_driver(self):
        drivers = self.env.ref(DRIVER).all_user_ids
        for duty in self:
            if duty.driver_id not in drivers:
                raise ValidationError(
                    self.env._(
                        "%(user)s is not one of the hospital's drivers.",
                        user=duty.driver_id.name,
                    )
                )

    @api.constrains("vehicle_id", "driver_id", "date_start", "date_end")
    def _check_no_overlap(self):
        """One driver per ambulance per shift, one ambulance per driver."""
        for duty in self:
            clash = self.search(
                [
                    ("id", "!=", duty.id),
                    ("date_start", "<", duty.date_end),
                    ("date_end", ">", duty.date_start),
                    "|",
                    ("vehicle_id", "=", duty.vehicle_id.id),
                    ("driver_id", "=", duty.driver_id.id),
                ],
                limit=1,
            )
            if clash:
                raise ValidationError(
                    self.env._(
                        "The shift %(shift)s overlaps %(other)s.",
                        shift=duty.display_name,
                        other=clash.display_name,
                    )
                )

    @api.model
    def _hospital_on_duty(self, vehicle, at):
        """The driver on duty with ``vehicle`` at ``at``."""
        return self.search(
            [
                ("vehicle_id", "=", vehicle.id),
                ("date_start", "<=", at),
                ("date_end", ">", at),
            ],
            limit=1,
        ).driver_id
