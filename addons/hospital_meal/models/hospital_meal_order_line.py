from odoo import api, fields, models
from odoo.exceptions import ValidationError


class HospitalMealOrderLine(models.Model):
    """One patient's meal on a ward's order: bed, diet, how many portions."""

    _name = "hospital.meal.order.line"
    _description = "Patient Meal"
    _inherit = ["hospital.workflow.line.mixin"]
    _hospital_document_field = "order_id"
    _order = "order_id, bed_sequence, bed_name, id"

    order_id = fields.Many2one(
        "hospital.meal.order", required=True, index=True, ondelete="cascade"
    )
    department_id = fields.Many2one(
        related="order_id.department_id", string="Ward", store=True, index=True
    )
    company_id = fields.Many2one(related="order_id.company_id", store=True)
    date = fields.Date(related="order_id.date", store=True, index=True)
    meal = fields.Selection(related="order_id.meal", store=True)
    order_state = fields.Selection(
        related="order_id.state", string="Order Status", store=True
    )
    stay_id = fields.Many2one(
        "hospital.ward.stay",
        string="Patient",
        required=True,
        index=True,
        ondelete="restrict",
        domain="[('department_id', '=', department_id), ('state', '=', 'in')]",
    )
    # The bed when the meal was ordered: a later move of the patient does
    # not rewrite the history of the ward's orders.
    bed_id = fields.Many2one(
        "hospital.ward.bed", compute="_compute_bed", store=True, index=True
    )
    bed_sequence = fields.Integer(compute="_compute_bed", store=True)
    bed_name = fields.Char(string="Bed No.", compute="_compute_bed", store=True)
    patient_name = fields.Char(related="stay_id.patient_name", string="Patient Name")
    inpatient_number = fields.Char(related="stay_id.inpatient_number")
    diet_id = fields.Many2one(
        "hospital.meal.diet",
        required=True,
        compute="_compute_diet",
        store=True,
        readonly=False,
        precompute=True,
    )
    quantity = fields.Integer(string="Portions", default=1, required=True)
    meal_count = fields.Integer(
        string="Meals to Cook",
        compute="_compute_meal_count",
        store=True,
        help="Portions, none for a fasting patient.",
    )
    note = fields.Char(
        size=256, help="What the kitchen must know: no spicy food, halal (清真)..."
    )

    _quantity_positive = models.Constraint(
        "CHECK (quantity > 0)", "A meal is ordered for at least one portion."
    )
    _bed_meal_uniq = models.UniqueIndex(
        "(bed_id, date, meal) WHERE order_state != 'cancel'",
        "This bed already has this meal ordered for the day.",
    )

    @api.depends("stay_id")
    def _compute_bed(self):
        for line in self:
            bed = line.stay_id.bed_id
            line.bed_id = bed
            line.bed_sequence = bed.sequence
            line.bed_name = bed.name

    @api.depends("stay_id")
    def _compute_diet(self):
        for line in self:
            if line.stay_id.diet_id:
                line.diet_id = line.stay_id.diet_id

    @api.depends("quantity", "diet_id.is_fasting")
    def _compute_meal_count(self):
        for line in self:
            line.meal_count = 0 if line.diet_id.is_fasting else line.quantity

    @api.model_create_multi
    def create(self, vals_list):
        orders = self.env["hospital.meal.order"].browse(
            [vals.get("order_id") for vals in vals_list if vals.get("order_id")]
        )
        orders.exists()._check_open_for_ward()
        for vals in vals_list:
            self._check_quantity(vals.get("quantity", 1))
        self._check_not_ordered_twice(vals_list)
        lines = super().create(vals_list)
        lines._check_patient_in_bed()
        return lines

    def write(self, vals):
        if not self._hospital_in_transition():
            self.order_id._check_open_for_ward()
        if "quantity" in vals:
            self._check_quantity(vals["quantity"])
        if "stay_id" in vals or "order_id" in vals:
            self._check_not_ordered_twice(
                [
                    {
                        "order_id": vals.get("order_id", line.order_id.id),
                        "stay_id": vals.get("stay_id", line.stay_id.id),
                    }
                    for line in self
                ],
                exclude=self,
            )
        result = super().write(vals)
        if "stay_id" in vals or "order_id" in vals:
            self._check_patient_in_bed()
        return result

    @api.ondelete(at_uninstall=False)
    def _unlink_if_open_for_ward(self):
        if not self._hospital_in_transition():
            self.order_id._check_open_for_ward()

    @api.model
    def _check_quantity(self, quantity):
        if isinstance(quantity, int) and quantity <= 0:
            raise ValidationError(
                self.env._(
                    "A meal is ordered for at least one portion (%s given). For a "
                    "patient who must not eat, choose the diet Fasting.",
                    quantity,
                )
            )

    @api.model
    def _check_not_ordered_twice(self, vals_list, exclude=None):
        """Refuse, naming the bed and the order, what the unique index would
        refuse with a database error: a bed's meal is ordered once a day."""
        seen = set()
        Order = self.env["hospital.meal.order"].sudo()
        Stay = self.env["hospital.ward.stay"].sudo()
        for vals in vals_list:
            order = Order.browse(vals.get("order_id")).exists()
            stay = Stay.browse(vals.get("stay_id")).exists()
            if not order or not stay:
                continue
            key = (stay.bed_id.id, order.date, order.meal)
            other = self.sudo().search(
                [
                    ("bed_id", "=", stay.bed_id.id),
                    ("date", "=", order.date),
                    ("meal", "=", order.meal),
                    ("order_state", "!=", "cancel"),
                    ("id", "not in", exclude.ids if exclude else []),
                ],
                limit=1,
            )
            if key in seen or other:
                raise ValidationError(
                    self.env._(
                        "Bed %(bed)s already has this meal ordered for %(date)s "
                        "(%(order)s): one line per bed and meal.",
                        bed=stay.bed_id.display_name,
                        date=order.date,
                        order=(other.order_id or order).name,
                    )
                )
            seen.add(key)

    def _check_patient_in_bed(self):
        """A meal is ordered only for a patient in the ward's bed that day:
        never for an empty bed or a discharged patient."""
        for line in self:
            stay, order = line.stay_id, line.order_id
            if stay.department_id != order.department_id:
                raise ValidationError(
                    self.env._(
                        "%(patient)s is in %(ward)s, not in %(order_ward)s: each "
                        "ward orders for its own patients.",
                        patient=stay.patient_name,
                        ward=stay.department_id.name,
                        order_ward=order.department_id.name,
                    )
                )
            if not stay._covers(order.date):
                if stay.date_discharged and stay.date_discharged < order.date:
                    message = self.env._(
                        "Bed %(bed)s: %(patient)s was discharged on %(discharged)s; "
                        "no meal is ordered for an empty bed on %(date)s.",
                        discharged=stay.date_discharged,
                        bed=line.bed_id.display_name,
                        patient=stay.patient_name,
                        date=order.date,
                    )
                else:
                    message = self.env._(
                        "Bed %(bed)s: %(patient)s is admitted only on %(admitted)s; "
                        "no meal is ordered for %(date)s.",
                        admitted=stay.date_admitted,
                        bed=line.bed_id.display_name,
                        patient=stay.patient_name,
                        date=order.date,
                    )
                raise ValidationError(message)
