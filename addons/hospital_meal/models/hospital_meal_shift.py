from odoo import api, fields, models

HEALTH_CERTIFICATE = "hospital_meal.licence_type_health_certificate"


class HospitalMealShift(models.Model):
    """A shift of the canteen (食堂排班): who cooks and serves that day.

    Food handlers need a valid yearly health certificate (健康证): the
    licence type of ``hospital_qualification`` shipped with this addon.
    Nobody without one on the shift's day is put on the roster."""

    _name = "hospital.meal.shift"
    _description = "Canteen Shift"
    # hr.mixin: canteen staff are no HR officers, yet put employees on shifts.
    _inherit = ["mail.thread", "hr.mixin"]
    _order = "date desc, shift"
    _check_company_auto = True

    date = fields.Date(required=True, index=True, default=fields.Date.context_today)
    shift = fields.Selection(
        [
            ("early", "Early Shift (Breakfast)"),
            ("day", "Day Shift (Lunch)"),
            ("late", "Late Shift (Dinner)"),
        ],
        required=True,
        default="day",
    )
    employee_ids = fields.Many2many(
        "hr.employee",
        "hospital_meal_shift_employee_rel",
        "shift_id",
        "employee_id",
        string="Canteen Staff",
        check_company=True,
        tracking=True,
    )
    employee_count = fields.Integer(
        string="Staff", compute="_compute_employee_count", store=True
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    active = fields.Boolean(default=True)
    note = fields.Text()

    _shift_uniq = models.Constraint(
        "UNIQUE (company_id, date, shift)", "This shift is already on the roster."
    )

    @api.depends("employee_ids")
    def _compute_employee_count(self):
        for shift in self:
            shift.employee_count = len(shift.employee_ids)

    def _compute_display_name(self):
        shifts = dict(self._fields["shift"]._description_selection(self.env))
        for shift in self:
            shift.display_name = " ".join(
                filter(
                    None,
                    [
                        shift.date and fields.Date.to_string(shift.date),
                        shifts.get(shift.shift),
                    ],
                )
            )

    @api.constrains("employee_ids", "date")
    def _check_health_certificates(self):
        """Canteen staff without a valid health certificate on the day of the
        shift may not work it (DOMAIN.md §9)."""
        health = self.env.ref(HEALTH_CERTIFICATE, raise_if_not_found=False)
        if not health:
            return
        for shift in self:
            shift.employee_ids._hospital_check_licensed(health, on_date=shift.date)
