from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.fields import Domain

from odoo.addons.hospital_logistics.models.hospital_workflow_mixin import (
    ALL_FIELDS,
    hospital_transition,
)


class HospitalWardStay(models.Model):
    """A patient's stay in a ward bed (住院登记): from admission to
    discharge.  One patient per bed at a time: PostgreSQL refuses two stays
    of one bed sharing a night, even for two nurses saving at the same
    moment (an exclusion constraint on the nights of the stay).  The
    discharge day is free for the next patient."""

    _name = "hospital.ward.stay"
    _description = "Patient Stay in a Ward Bed"
    _inherit = ["mail.thread", "hospital.workflow.mixin"]
    _order = "date_admitted desc, id desc"
    _check_company_auto = True
    _rec_names_search = ["patient_name", "inpatient_number"]

    _hospital_workflow_fields = ("state", "date_discharged")
    _hospital_editable_states = {"in": ALL_FIELDS}
    _hospital_free_fields = ("active", "note")

    patient_name = fields.Char(string="Patient", required=True, size=64, tracking=True)
    inpatient_number = fields.Char(
        required=True,
        size=32,
        index=True,
        tracking=True,
        help="The hospital information system's inpatient number (住院号).",
    )
    bed_id = fields.Many2one(
        "hospital.ward.bed",
        required=True,
        index=True,
        ondelete="restrict",
        check_company=True,
        tracking=True,
    )
    department_id = fields.Many2one(
        related="bed_id.department_id", string="Ward", store=True, index=True
    )
    company_id = fields.Many2one(related="bed_id.company_id", store=True, index=True)
    date_admitted = fields.Date(
        string="Admitted On",
        required=True,
        default=fields.Date.context_today,
        tracking=True,
    )
    date_discharged = fields.Date(
        string="Discharged On", readonly=True, copy=False, tracking=True
    )
    diet_id = fields.Many2one(
        "hospital.meal.diet",
        tracking=True,
        default=lambda self: self.env.ref(
            "hospital_meal.diet_normal", raise_if_not_found=False
        ),
        help="The diet the doctor prescribed: new meal orders start with it.",
    )
    state = fields.Selection(
        [("in", "In Hospital"), ("discharged", "Discharged")],
        default="in",
        required=True,
        tracking=True,
        copy=False,
    )
    active = fields.Boolean(default=True)
    note = fields.Text()

    _dates_ordered = models.Constraint(
        "CHECK (date_discharged IS NULL OR date_discharged >= date_admitted)",
        "A patient cannot be discharged before being admitted.",
    )
    _bed_one_patient = models.Constraint(
        "EXCLUDE USING gist (int4range(bed_id, bed_id, '[]') WITH &&, "
        "daterange(date_admitted, date_discharged, '[)') WITH &&)",
        "This bed already has a patient for these dates.",
    )

    @api.depends("patient_name", "bed_id")
    @api.depends_context("hospital_stay_short")
    def _compute_display_name(self):
        if self.env.context.get("hospital_stay_short"):
            # On a ward's own order the bed has its column.
            for stay in self:
                stay.display_name = stay.patient_name
            return
        for stay in self:
            stay.display_name = " · ".join(
                filter(None, [stay.bed_id.display_name, stay.patient_name])
            )

    @api.model
    def _on_date_domain(self, day):
        """Stays whose patient is in the ward on ``day`` (admission and
        discharge days included: the patient eats on both)."""
        return Domain("date_admitted", "<=", day) & (
            Domain("date_discharged", "=", False) | Domain("date_discharged", ">=", day)
        )

    def _covers(self, day):
        self.ensure_one()
        return self.date_admitted <= day and (
            not self.date_discharged or self.date_discharged >= day
        )

    @api.model_create_multi
    def create(self, vals_list):
        # Before the database's exclusion constraint, to name the patient.
        today = fields.Date.context_today(self)
        for vals in vals_list:
            self._check_bed_free(
                vals.get("bed_id"),
                fields.Date.to_date(vals.get("date_admitted")) or today,
                fields.Date.to_date(vals.get("date_discharged")),
            )
        return super().create(vals_list)

    def write(self, vals):
        if {"bed_id", "date_admitted", "date_discharged"} & set(vals):
            for stay in self:
                stay._check_bed_free(
                    vals.get("bed_id", stay.bed_id.id),
                    fields.Date.to_date(vals.get("date_admitted", stay.date_admitted)),
                    fields.Date.to_date(
                        vals.get("date_discharged", stay.date_discharged)
                    ),
                    exclude=stay,
                )
        return super().write(vals)

    @api.model
    def _check_bed_free(self, bed_id, date_admitted, date_discharged, exclude=None):
        """Refuse, with the patient's name, what the exclusion constraint
        would refuse with a database error."""
        if not bed_id or not isinstance(bed_id, int) or not date_admitted:
            return
        if date_discharged and date_discharged < date_admitted:
            raise ValidationError(
                self.env._(
                    "A patient cannot be discharged (%(end)s) before being "
                    "admitted (%(start)s).",
                    end=date_discharged,
                    start=date_admitted,
                )
            )
        domain = Domain("bed_id", "=", bed_id) & (
            Domain("date_discharged", "=", False)
            | Domain("date_discharged", ">", date_admitted)
        )
        if date_discharged:
            domain &= Domain("date_admitted", "<", date_discharged)
        if exclude:
            domain &= Domain("id", "not in", exclude.ids)
        other = self.sudo().with_context(active_test=False).search(domain, limit=1)
        if other:
            raise UserError(
                self.env._(
                    "Bed %(bed)s is taken by %(patient)s (admitted on %(date)s): "
                    "one patient per bed. Discharge that patient first, or choose "
                    "another bed.",
                    bed=other.bed_id.display_name,
                    patient=other.patient_name,
                    date=other.date_admitted,
                )
            )

    @hospital_transition
    def action_discharge(self):
        """Discharge today: the bed is free for the next patient, and the
        patient's meals ordered for later days are taken off the orders."""
        self._hospital_check_state("in")
        today = fields.Date.context_today(self)
        for stay in self:
            if stay.date_admitted > today:
                raise UserError(
                    self.env._(
                        "%(patient)s is admitted only on %(date)s: correct the "
                        "admission date instead of discharging.",
                        patient=stay.patient_name,
                        date=stay.date_admitted,
                    )
                )
        self.write({"state": "discharged", "date_discharged": today})
        self._remove_meals_after_discharge()

    def _remove_meals_after_discharge(self):
        lines = (
            self.env["hospital.meal.order.line"]
            .sudo()
            .search(
                [
                    ("stay_id", "in", self.ids),
                    ("order_id.state", "not in", ("delivered", "cancel")),
                ]
            )
            .filtered(lambda line: line.date > line.stay_id.date_discharged)
        )
        for order in lines.order_id:
            removed = lines.filtered(lambda line, order=order: line.order_id == order)
            order.message_post(
                body=self.env._(
                    "Discharged, their meals are taken off this order: %s.",
                    ", ".join(removed.stay_id.mapped("display_name")),
                )
            )
        lines.unlink()
