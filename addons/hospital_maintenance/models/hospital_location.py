from odoo import api, fields, models

from .input_limits import check_text_limits


class HospitalLocation(models.Model):
    """A room of the hospital, labelled with a QR code for reporting."""

    _name = "hospital.location"
    _inherit = ["hospital.qr.mixin"]
    _description = "Hospital Location"
    _order = "building, floor, room"
    _rec_names_search = ["name", "building", "room"]
    _check_company_auto = True
    _hospital_qr_route = "location"
    _hospital_qr_label_report = "hospital_maintenance.hospital_location_label_report"
    # Printed on the QR label at the door.
    _hospital_text_limits = {"building": 64, "floor": 16, "room": 32}

    name = fields.Char(
        string="Location", compute="_compute_name", store=True, recursive=False
    )
    building = fields.Char(required=True)
    floor = fields.Char()
    room = fields.Char(required=True)
    department_id = fields.Many2one(
        "hr.department",
        check_company=True,
        help="Requests reported from this room are booked to this department.",
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    active = fields.Boolean(default=True)
    request_ids = fields.One2many("maintenance.request", "location_id")

    _qr_token_uniq = models.Constraint(
        "UNIQUE(qr_token)", "A QR code must identify a single location."
    )

    @api.depends("building", "floor", "room")
    def _compute_name(self):
        for location in self:
            parts = [location.building, location.floor, location.room]
            location.name = " / ".join(p for p in parts if p)

    @api.constrains(lambda self: tuple(self._hospital_text_limits))
    def _check_text_limits(self):
        check_text_limits(self)
