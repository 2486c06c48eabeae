from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.fields import Domain

from odoo.addons.hospital_logistics.models.hospital_workflow_mixin import (
    ALL_FIELDS,
    hospital_transition,
)

from ..groups import CANTEEN

MEALS = [
    ("breakfast", "Breakfast"),
    ("lunch", "Lunch"),
    ("dinner", "Dinner"),
    ("extra", "Extra Meal"),
]
LINE_CHANGES = ("line_ids.diet_id", "line_ids.quantity", "line_ids.note")


class HospitalMealOrder(models.Model):
    """A ward's order of one meal for one day (病区订餐单): one line per
    patient, started from the occupied beds of the ward.

    The ward enters and submits it before the meal's cut-off time (a
    setting); later only the canteen changes it.  The canteen accepts it
    and delivers it."""

    _name = "hospital.meal.order"
    _description = "Ward Meal Order"
    _inherit = ["mail.thread", "mail.activity.mixin", "hospital.workflow.mixin"]
    _order = "date desc, meal_sequence, department_id, id desc"
    _check_company_auto = True

    _hospital_workflow_fields = (
        "state",
        "name",
        "submit_user_id",
        "submit_date",
        "accept_user_id",
        "deliver_date",
    )
    _hospital_editable_states = {
        "draft": ALL_FIELDS,
        "submitted": (*LINE_CHANGES, "note"),
    }
    _hospital_free_fields = ("active",)

    name = fields.Char(string="Number", readonly=True, copy=False, default="/")
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    department_id = fields.Many2one(
        "hr.department",
        string="Ward",
        required=True,
        index=True,
        tracking=True,
        domain="[('hospital_kind', '=', 'ward')]",
        default=lambda self: self._default_department(),
    )
    date = fields.Date(
        string="Meal Date",
        required=True,
        index=True,
        tracking=True,
        default=lambda self: fields.Date.context_today(self) + timedelta(days=1),
    )
    meal = fields.Selection(MEALS, required=True, default="lunch", tracking=True)
    meal_sequence = fields.Integer(compute="_compute_meal_sequence", store=True)
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("submitted", "Submitted"),
            ("accepted", "Accepted by the Canteen"),
            ("delivered", "Delivered"),
            ("cancel", "Cancelled"),
        ],
        default="draft",
        required=True,
        tracking=True,
        copy=False,
    )
    line_ids = fields.One2many(
        "hospital.meal.order.line", "order_id", string="Patients", copy=True
    )
    total_qty = fields.Integer(string="Meals", compute="_compute_total_qty", store=True)
    cutoff = fields.Datetime(
        string="Orders Close At",
        compute="_compute_cutoff",
        help="After this time only the canteen changes the order (Settings).",
    )
    is_closed = fields.Boolean(string="Closed for the Ward", compute="_compute_cutoff")
    submit_user_id = fields.Many2one(
        "res.users", string="Submitted By", readonly=True, copy=False
    )
    submit_date = fields.Datetime(string="Submitted On", readonly=True, copy=False)
    accept_user_id = fields.Many2one(
        "res.users", string="Accepted By", readonly=True, copy=False
    )
    deliver_date = fields.Datetime(string="Delivered On", readonly=True, copy=False)
    note = fields.Text()

    _one_order_per_meal = models.UniqueIndex(
        "(department_id, date, meal, company_id) WHERE state != 'cancel' AND active",
        "The ward already has an order for this meal on this day.",
    )

    @api.model
    def _default_department(self):
        return self.env.user.hospital_department_ids.filtered(
            lambda department: department.hospital_kind == "ward"
        )[:1]

    @api.depends("meal")
    def _compute_meal_sequence(self):
        order = [key for key, _label in MEALS]
        for meal_order in self:
            meal_order.meal_sequence = (
                order.index(meal_order.meal) if meal_order.meal in order else 0
            )

    @api.depends("line_ids.meal_count")
    def _compute_total_qty(self):
        for order in self:
            order.total_qty = sum(order.line_ids.mapped("meal_count"))

    @api.depends("date", "meal", "company_id")
    def _compute_cutoff(self):
        now = fields.Datetime.now()
        for order in self:
            if order.date and order.meal:
                company = order.company_id or self.env.company
                order.cutoff = company._hospital_meal_cutoff(order.meal, order.date)
                order.is_closed = now > order.cutoff
            else:
                order.cutoff = False
                order.is_closed = False

    def _compute_display_name(self):
        meals = dict(self._fields["meal"]._description_selection(self.env))
        for order in self:
            order.display_name = " ".join(
                filter(
                    None,
                    [
                        order.department_id.name,
                        order.date and fields.Date.to_string(order.date),
                        meals.get(order.meal),
                    ],
                )
            )

    # ----------------------------------------------------------- the cut-off
    def _is_canteen(self):
        return self.env.su or self.env.user.has_group(CANTEEN)

    def _check_open_for_ward(self):
        """After the meal's cut-off, only the canteen changes an order."""
        if self._is_canteen():
            return
        meals = dict(self._fields["meal"]._description_selection(self.env))
        for order in self:
            if order.is_closed:
                raise UserError(
                    self.env._(
                        "%(meal)s orders of %(date)s closed at %(cutoff)s: only the "
                        "canteen can change this order now. Call the canteen.",
                        meal=meals.get(order.meal),
                        date=order.date,
                        cutoff=fields.Datetime.context_timestamp(
                            self.with_context(
                                tz=order.company_id._hospital_meal_tz().zone
                            ),
                            order.cutoff,
                        ).strftime("%Y-%m-%d %H:%M"),
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        vals_list = [self._add_missing_default_values(vals) for vals in vals_list]
        for vals in vals_list:
            self.browse()._check_one_order_per_meal(vals)
        orders = super().create(vals_list)
        orders._check_open_for_ward()
        for order in orders:
            order._hospital_transition().name = self.env["ir.sequence"].next_by_code(
                "hospital.meal.order"
            )
        return orders

    def write(self, vals):
        if {"department_id", "date", "meal", "company_id"} & set(vals):
            self._check_one_order_per_meal(vals)
        if not self._hospital_in_transition() and set(vals) - {"active"}:
            self._check_open_for_ward()
            result = super().write(vals)
            if {"date", "meal", "company_id"} & set(vals):
                self._check_open_for_ward()
        else:
            result = super().write(vals)
        if {"date", "department_id"} & set(vals):
            self.line_ids._check_patient_in_bed()
        return result

    @api.constrains("department_id")
    def _check_department_is_ward(self):
        for order in self:
            if order.department_id.hospital_kind != "ward":
                raise ValidationError(
                    self.env._(
                        "%(department)s is not a clinical ward: meals are ordered "
                        "for the patients of a ward.",
                        department=order.department_id.name,
                    )
                )

    def _check_one_order_per_meal(self, vals):
        """Refuse, naming the existing order, what the unique index would
        refuse with a database error."""
        keys = ("department_id", "date", "meal", "company_id")
        for order in self or [self.browse()]:
            values = {key: vals.get(key, order[key]) for key in keys}
            values = {
                key: value.id if isinstance(value, models.BaseModel) else value
                for key, value in values.items()
            }
            if not all(values.values()):
                continue
            domain = [(key, "=", value) for key, value in values.items()]
            other = (
                self.sudo()
                .with_context(active_test=True)
                .search(
                    [*domain, ("state", "!=", "cancel"), ("id", "not in", order.ids)],
                    limit=1,
                )
            )
            if other:
                raise ValidationError(
                    self.env._(
                        "%(ward)s already has the order %(order)s for this meal: "
                        "add the patients there.",
                        ward=other.department_id.name,
                        order=other.name,
                    )
                )

    # --------------------------------------------------------- the patients
    def _stays_to_serve(self):
        """The ward's patients in their beds on the meal's day."""
        self.ensure_one()
        if not self.department_id or not self.date:
            return self.env["hospital.ward.stay"]
        return (
            self.env["hospital.ward.stay"]
            .search(
                self.env["hospital.ward.stay"]._on_date_domain(self.date)
                & Domain("department_id", "=", self.department_id.id)
                & Domain("bed_id.active", "=", True)
            )
            .sorted(lambda stay: (stay.bed_id.sequence, stay.bed_id.name, stay.id))
        )

    def _line_values(self, stays):
        return [
            {"stay_id": stay.id, "diet_id": stay.diet_id.id, "quantity": 1}
            for stay in stays
            if stay.diet_id
        ]

    @api.onchange("department_id", "date")
    def _onchange_fill_beds(self):
        if self.state != "draft":
            return
        stays = self._stays_to_serve()
        ordered = self.line_ids.stay_id
        if not self.line_ids or not ordered <= stays:
            self.line_ids = [fields.Command.clear()] + [
                fields.Command.create(vals) for vals in self._line_values(stays)
            ]

    def action_fill_beds(self):
        """Add a line for each patient of the ward not on the order yet."""
        self._hospital_check_state("draft")
        for order in self:
            missing = order._stays_to_serve() - order.line_ids.stay_id
            order.line_ids = [
                fields.Command.create(vals) for vals in order._line_values(missing)
            ]
        return True

    # ---------------------------------------------------------- the buttons
    @hospital_transition
    def action_submit(self):
        self._hospital_check_state("draft")
        self._check_open_for_ward()
        for order in self:
            if not order.line_ids:
                raise UserError(
                    self.env._(
                        "%(order)s orders no meal: add the patients (Add Occupied "
                        "Beds) first.",
                        order=order.display_name,
                    )
                )
            order.line_ids._check_patient_in_bed()
        self.write(
            {
                "state": "submitted",
                "submit_user_id": self.env.uid,
                "submit_date": fields.Datetime.now(),
            }
        )

    @hospital_transition
    def action_back_to_draft(self):
        self._hospital_check_state("submitted")
        self._check_open_for_ward()
        self.write({"state": "draft", "submit_user_id": False, "submit_date": False})

    def _check_canteen(self):
        if not self._is_canteen():
            raise UserError(self.env._("Only the canteen accepts and delivers meals."))

    @hospital_transition
    def action_accept(self):
        self._check_canteen()
        self._hospital_check_state("submitted")
        self.line_ids._check_patient_in_bed()
        self.write({"state": "accepted", "accept_user_id": self.env.uid})

    @hospital_transition
    def action_deliver(self):
        self._check_canteen()
        self._hospital_check_state("accepted")
        self.write({"state": "delivered", "deliver_date": fields.Datetime.now()})

    @hospital_transition
    def action_cancel(self):
        self._hospital_check_state("draft", "submitted", "accepted")
        if any(order.state == "accepted" for order in self):
            self._check_canteen()
        self._check_open_for_ward()
        self.write({"state": "cancel"})
