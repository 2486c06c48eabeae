from odoo import fields, models
from odoo.exceptions import UserError

from odoo.addons.hospital_logistics.models.hospital_workflow_mixin import (
    ALL_FIELDS,
    hospital_transition,
)


class HospitalFleetKey(models.Model):
    """A key or a paper of a vehicle, held by the vehicle office and handed to
    the driver for a trip only."""

    _name = "hospital.fleet.key"
    _description = "Vehicle Key or Paper"
    _inherit = ["mail.thread", "hospital.workflow.mixin"]
    _order = "vehicle_id, kind, id"
    _check_company_auto = True

    _hospital_workflow_fields = ("state", "holder_id", "trip_id", "handed_out_at")
    _hospital_editable_states = {"office": ALL_FIELDS}

    name = fields.Char(required=True, tracking=True)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    vehicle_id = fields.Many2one(
        "fleet.vehicle", required=True, check_company=True, index=True
    )
    kind = fields.Selection(
        [
            ("key", "Key"),
            ("spare_key", "Spare Key"),
            ("registration", "Vehicle Licence (行驶证)"),
            ("insurance", "Insurance Policy"),
            ("fuel_card", "Fuel Card"),
            ("other", "Other"),
        ],
        required=True,
        default="key",
    )
    travels_with_vehicle = fields.Boolean(
        default=True,
        help="Handed to the driver when a trip leaves, back to the office when it "
        "returns. A spare key stays in the office.",
    )
    state = fields.Selection(
        [("office", "In the Office"), ("out", "Handed Out")],
        default="office",
        required=True,
        tracking=True,
        copy=False,
    )
    holder_id = fields.Many2one(
        "res.users", string="Held by", readonly=True, tracking=True, copy=False
    )
    trip_id = fields.Many2one(
        "hospital.fleet.trip", string="For Trip", readonly=True, copy=False
    )
    handed_out_at = fields.Datetime(readonly=True, copy=False)

    def _hospital_hand_out(self, trip):
        """Hand what travels with the vehicle to the driver of ``trip``: a
        step of the trip's departure, whoever records it (the driver has no
        right on the office's keys)."""
        keys = self.filtered(lambda k: k.active and k.travels_with_vehicle)
        for key in keys.filtered(lambda k: k.state == "out"):
            raise UserError(
                self.env._(
                    "%(key)s of %(vehicle)s is held by %(holder)s (trip %(trip)s): "
                    "it must come back to the vehicle office first.",
                    key=key.name,
                    vehicle=key.vehicle_id.display_name,
                    holder=key.holder_id.name,
                    trip=key.trip_id.name or "-",
                )
            )
        keys.sudo().write(
            {
                "state": "out",
                "holder_id": trip.driver_id.id,
                "trip_id": trip.id,
                "handed_out_at": fields.Datetime.now(),
            }
        )

    def _hospital_receive(self):
        self._hospital_transition().write(
            {"state": "office", "holder_id": False, "trip_id": False}
        )

    @hospital_transition
    def action_receive(self):
        """The vehicle office takes the key back."""
        self.filtered(lambda k: k.state == "out")._hospital_receive()
