from odoo import api, fields, models
from odoo.fields import Domain


class HospitalHousingBed(models.Model):
    """One resident's place: a bed, with its desk and chair."""

    _name = "hospital.housing.bed"
    _description = "Dormitory Bed"
    _order = "building_id, room_id, name"
    _check_company_auto = True

    name = fields.Char(string="Bed", required=True, size=32)
    room_id = fields.Many2one(
        "hospital.housing.room",
        required=True,
        index=True,
        ondelete="restrict",
        check_company=True,
    )
    building_id = fields.Many2one(related="room_id.building_id", store=True, index=True)
    company_id = fields.Many2one(related="room_id.company_id", store=True, index=True)
    active = fields.Boolean(default=True)
    allocation_ids = fields.One2many(
        "hospital.housing.allocation", "bed_id", string="History"
    )
    is_occupied = fields.Boolean(
        string="Occupied",
        compute="_compute_current",
        search="_search_is_occupied",
        help="Someone is allocated this bed today.",
    )
    resident_id = fields.Many2one("hr.employee", compute="_compute_current")

    _name_room_uniq = models.Constraint(
        "UNIQUE (room_id, name)", "A bed number is used once per room."
    )

    def _compute_display_name(self):
        for bed in self:
            bed.display_name = f"{bed.room_id.display_name or ''}-{bed.name or ''}"

    @api.model
    def _current_allocation_domain(self):
        today = fields.Date.context_today(self)
        return (
            Domain("state", "=", "active")
            & Domain("date_start", "<=", today)
            & (Domain("date_end", "=", False) | Domain("date_end", ">=", today))
        )

    def _compute_current(self):
        allocations = self.env["hospital.housing.allocation"].search(
            self._current_allocation_domain() & Domain("bed_id", "in", self.ids)
        )
        by_bed = {allocation.bed_id: allocation for allocation in allocations}
        for bed in self:
            allocation = by_bed.get(bed)
            bed.is_occupied = bool(allocation)
            bed.resident_id = allocation.employee_id if allocation else False

    def _search_is_occupied(self, operator, value):
        if operator in ("=", "!="):
            positive = bool(value) == (operator == "=")
        elif operator in ("in", "not in"):
            positive = (True in value) == (operator == "in")
        else:
            return NotImplemented
        occupied = (
            self.env["hospital.housing.allocation"]
            .sudo()
            ._search(self._current_allocation_domain())
        )
        return Domain(
            "id", "in" if positive else "not in", occupied.subselect("bed_id")
        )

    def action_assign(self):
        """The office gives a free bed to someone: a move-in application it
        approves itself."""
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "hospital.housing.application",
            "view_mode": "form",
            "target": "current",
            "context": {"default_kind": "move_in", "default_bed_id": self.id},
        }
