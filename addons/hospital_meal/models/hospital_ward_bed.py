from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.fields import Domain


class HospitalWardBed(models.Model):
    """A patient bed of a clinical ward (病床), where the ward's stays are
    registered and its meals delivered."""

    _name = "hospital.ward.bed"
    _description = "Ward Bed"
    _order = "department_id, sequence, name"
    _check_company_auto = True

    name = fields.Char(string="Bed", required=True, size=32)
    sequence = fields.Integer(default=10)
    department_id = fields.Many2one(
        "hr.department",
        string="Ward",
        required=True,
        index=True,
        ondelete="restrict",
        domain="[('hospital_kind', '=', 'ward')]",
    )
    room = fields.Char(size=32, help="Room (病房) the bed stands in.")
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    active = fields.Boolean(default=True)
    stay_ids = fields.One2many("hospital.ward.stay", "bed_id", string="History")
    is_occupied = fields.Boolean(
        string="Occupied",
        compute="_compute_current",
        search="_search_is_occupied",
        help="A patient is in this bed today.",
    )
    stay_id = fields.Many2one(
        "hospital.ward.stay", string="Current Stay", compute="_compute_current"
    )
    patient_name = fields.Char(string="Patient", compute="_compute_current")

    _name_department_uniq = models.Constraint(
        "UNIQUE (department_id, name)", "A bed number is used once per ward."
    )

    def _compute_display_name(self):
        for bed in self:
            bed.display_name = " ".join(
                filter(None, [bed.department_id.hospital_code, bed.name])
            )

    @api.constrains("department_id")
    def _check_department_is_ward(self):
        for bed in self:
            if bed.department_id.hospital_kind != "ward":
                raise ValidationError(
                    self.env._(
                        "%(department)s is not a clinical ward: patient beds "
                        "belong to wards.",
                        department=bed.department_id.name,
                    )
                )

    @api.model
    def _occupied_domain(self):
        """Stays holding their bed today: admitted and not discharged (the
        discharge day is the next patient's)."""
        return Domain("state", "=", "in") & Domain(
            "date_admitted", "<=", fields.Date.context_today(self)
        )

    def _compute_current(self):
        stays = self.env["hospital.ward.stay"].search(
            self._occupied_domain() & Domain("bed_id", "in", self.ids)
        )
        by_bed = {stay.bed_id: stay for stay in stays}
        for bed in self:
            stay = by_bed.get(bed, self.env["hospital.ward.stay"])
            bed.is_occupied = bool(stay)
            bed.stay_id = stay
            bed.patient_name = stay.patient_name

    def _search_is_occupied(self, operator, value):
        if operator != "in":
            return NotImplemented
        positive = True in value
        occupied = (
            self.env["hospital.ward.stay"].sudo()._search(self._occupied_domain())
        )
        return Domain(
            "id", "in" if positive else "not in", occupied.subselect("bed_id")
        )
