from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.hospital_logistics.models.hospital_workflow_mixin import (
    hospital_transition,
)


class HospitalHousingAllocation(models.Model):
    """Who lives on which bed, from when to when: the registration (入住登记).

    An allocation is made only by an approved application (a move-in, or a
    transfer that ends the previous allocation the day before); its bed and
    resident never change afterwards, so the allocations of a bed are its
    history.  Two allocations of one bed, or of one resident, never overlap:
    PostgreSQL refuses it even for two offices approving at the same moment
    (exclusion constraints on the nights allocated).
    """

    _name = "hospital.housing.allocation"
    _description = "Dormitory Bed Allocation"
    _inherit = ["mail.thread", "hospital.workflow.mixin"]
    _order = "date_start desc, id desc"
    _check_company_auto = True

    _hospital_workflow_fields = (
        "state",
        "employee_id",
        "bed_id",
        "date_start",
        "application_id",
    )
    _hospital_editable_states = {"active": ("date_end", "note")}
    _hospital_free_fields = ("note",)

    employee_id = fields.Many2one(
        "hr.employee", string="Resident", required=True, index=True, tracking=True
    )
    user_id = fields.Many2one(related="employee_id.user_id", string="User")
    department_id = fields.Many2one(
        related="employee_id.department_id", string="Department"
    )
    bed_id = fields.Many2one(
        "hospital.housing.bed",
        required=True,
        index=True,
        ondelete="restrict",
        check_company=True,
        tracking=True,
    )
    room_id = fields.Many2one(related="bed_id.room_id", store=True)
    building_id = fields.Many2one(related="bed_id.building_id", store=True, index=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    date_start = fields.Date(string="Moved In", required=True, tracking=True)
    date_end = fields.Date(
        string="Moves Out",
        tracking=True,
        help="Last night on this bed; empty while the resident stays.",
    )
    application_id = fields.Many2one(
        "hospital.housing.application", readonly=True, copy=False
    )
    state = fields.Selection(
        [("active", "Living"), ("ended", "Moved Out")],
        default="active",
        required=True,
        tracking=True,
        copy=False,
    )
    note = fields.Text()

    _dates_ordered = models.Constraint(
        "CHECK (date_end IS NULL OR date_end >= date_start)",
        "An allocation cannot end before it starts.",
    )
    _bed_not_shared = models.Constraint(
        "EXCLUDE USING gist (int4range(bed_id, bed_id, '[]') WITH &&, "
        "daterange(date_start, date_end, '[]') WITH &&)",
        "This bed is already allocated to another resident for these dates.",
    )
    _resident_one_bed = models.Constraint(
        "EXCLUDE USING gist (int4range(employee_id, employee_id, '[]') WITH &&, "
        "daterange(date_start, date_end, '[]') WITH &&)",
        "This resident already has a bed for these dates.",
    )

    def _compute_display_name(self):
        for allocation in self:
            allocation.display_name = (
                f"{allocation.employee_id.name or ''} / "
                f"{allocation.bed_id.display_name or ''}"
            )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self._check_dates(
                fields.Date.to_date(vals.get("date_start")),
                fields.Date.to_date(vals.get("date_end")),
            )
        return super().create(vals_list)

    def write(self, vals):
        # Before the database's check, to name the allocation in the message.
        if "date_start" in vals or "date_end" in vals:
            for allocation in self:
                allocation._check_dates(
                    fields.Date.to_date(vals.get("date_start", allocation.date_start)),
                    fields.Date.to_date(vals.get("date_end", allocation.date_end)),
                )
        return super().write(vals)

    @api.model
    def _check_dates(self, date_start, date_end):
        if date_start and date_end and date_end < date_start:
            raise ValidationError(
                self.env._(
                    "An allocation cannot end (%(end)s) before it starts (%(start)s).",
                    end=date_end,
                    start=date_start,
                )
            )

    @api.model
    def _overlapping(self, field, record, date_start, date_end, exclude=None):
        """Allocations of ``record`` (a bed or a resident) sharing a night
        with ``date_start``..``date_end`` (``date_end`` empty: open)."""
        domain = [(field, "=", record.id), "|", ("date_end", "=", False)]
        domain += [("date_end", ">=", date_start)]
        if date_end:
            domain += [("date_start", "<=", date_end)]
        if exclude:
            domain += [("id", "not in", exclude.ids)]
        return self.sudo().with_context(active_test=False).search(domain, limit=1)

    @api.model
    def _check_free(self, bed, employee, date_start, date_end=False, exclude=None):
        """Refuse, with names, what the exclusion constraints would refuse."""
        taken = self._overlapping("bed_id", bed, date_start, date_end, exclude)
        if taken:
            raise UserError(
                self.env._(
                    "%(bed)s is allocated to %(resident)s from %(start)s: two "
                    "residents never share a bed.",
                    bed=bed.display_name,
                    resident=taken.employee_id.name,
                    start=taken.date_start,
                )
            )
        housed = self._overlapping(
            "employee_id", employee, date_start, date_end, exclude
        )
        if housed:
            raise UserError(
                self.env._(
                    "%(resident)s already lives on %(bed)s: a move to another bed "
                    "is a transfer application.",
                    resident=employee.name,
                    bed=housed.bed_id.display_name,
                )
            )

    @hospital_transition
    def action_move_out(self):
        today = fields.Date.context_today(self)
        for allocation in self:
            if allocation.state != "active":
                raise UserError(self.env._("This resident has already moved out."))
            end = allocation.date_end
            if not end or end > today:
                end = max(today - timedelta(days=1), allocation.date_start)
            allocation.write({"state": "ended", "date_end": end})

    @hospital_transition
    def _end_for_transfer(self, transfer_date):
        """A transfer: the last night on the old bed is the day before."""
        self.ensure_one()
        self.write(
            {
                "state": "ended",
                "date_end": max(transfer_date - timedelta(days=1), self.date_start),
            }
        )
