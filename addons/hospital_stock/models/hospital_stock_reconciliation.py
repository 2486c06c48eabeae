from datetime import datetime, time

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.hospital_logistics.groups import MANAGER, STAFF
from odoo.addons.hospital_logistics.models.hospital_workflow_mixin import (
    ALL_FIELDS,
    hospital_transition,
)

# What the computed lines were read from: changing it afterwards would leave
# figures that describe another ward, month or count.
COMPUTED_FROM = ("department_id", "month", "check_id")


class HospitalStockReconciliation(models.Model):
    _name = "hospital.stock.reconciliation"
    _description = "Monthly Ward Reconciliation (月对账)"
    _inherit = [
        "mail.thread",
        "mail.activity.mixin",
        "hospital.stock.department.mixin",
        "hospital.signature.mixin",
        "hospital.tier.validation",
    ]
    _order = "month desc, id desc"
    _check_company_auto = True

    _tier_validation_manual_config = False
    _state_from = ["draft"]
    _state_to = ["locked"]
    _cancel_state = "cancel"
    _hospital_workflow_fields = ("state", "date_from")
    _hospital_free_fields = ("active", "review_ids")
    _hospital_editable_states = {"draft": ALL_FIELDS}
    _hospital_signers = {
        "custodian_signature": "_hospital_custodians",
        "logistics_signature": "_hospital_logistics_signers",
    }

    name = fields.Char(compute="_compute_name", store=True)
    active = fields.Boolean(default=True)
    month = fields.Date(
        required=True,
        tracking=True,
        default=lambda self: fields.Date.context_today(self).replace(day=1),
        help="Any day of the month; it is kept as the first day.",
    )
    state = fields.Selection(
        [("draft", "Open"), ("locked", "Locked"), ("cancel", "Cancelled")],
        default="draft",
        required=True,
        tracking=True,
        copy=False,
    )
    check_id = fields.Many2one(
        "hospital.stock.check",
        string="Month-end Count",
        domain="[('location_id', '=', location_id), ('state', '=', 'done')]",
        help="The signed check whose counted quantities are compared with the books.",
    )
    date_from = fields.Datetime(string="From", readonly=True, copy=False)
    date_to = fields.Datetime(string="To", related="check_id.date")
    line_ids = fields.One2many(
        "hospital.stock.reconciliation.line", "reconciliation_id", string="Lines"
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    difference_value = fields.Monetary(compute="_compute_totals", store=True)
    unexplained_loss_value = fields.Monetary(
        string="Unexplained Loss",
        compute="_compute_totals",
        store=True,
        help="Value of the shortages nobody could explain; above the setting it "
        "needs approval before the month is locked.",
    )
    compensation_ids = fields.One2many(
        "hospital.stock.compensation", "reconciliation_id"
    )
    custodian_signature = fields.Binary(copy=False)
    custodian_signature_user_id = fields.Many2one(
        "res.users", string="Custodian", readonly=True, copy=False
    )
    custodian_signature_date = fields.Datetime(
        string="Custodian Signed On", readonly=True, copy=False
    )
    logistics_signature = fields.Binary(copy=False)
    logistics_signature_user_id = fields.Many2one(
        "res.users", string="Logistics", readonly=True, copy=False
    )
    logistics_signature_date = fields.Datetime(
        string="Logistics Signed On", readonly=True, copy=False
    )

    @api.depends("department_id", "month")
    def _compute_name(self):
        for rec in self:
            rec.name = "{} {}".format(
                rec.department_id.name or "",
                rec.month and rec.month.strftime("%Y-%m") or "",
            )

    @api.depends("line_ids.difference_value", "line_ids.cause")
    def _compute_totals(self):
        for rec in self:
            rec.difference_value = sum(rec.line_ids.mapped("difference_value"))
            rec.unexplained_loss_value = -sum(
                line.difference_value
                for line in rec.line_ids
                if line.cause == "unexplained" and line.difference_value < 0
            )

    # Integrity -----------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("month"):
                vals["month"] = fields.Date.to_date(vals["month"]).replace(day=1)
        records = super().create(vals_list)
        records._check_month_not_reconciled()
        return records

    def write(self, vals):
        if "month" in vals and vals["month"]:
            vals["month"] = fields.Date.to_date(vals["month"]).replace(day=1)
        result = super().write(vals)
        if {"month", "department_id"} & set(vals):
            self._check_month_not_reconciled()
        return result

    def _hospital_check_content_editable(self, fnames):
        result = super()._hospital_check_content_editable(fnames)
        for rec in self:
            if rec.review_ids and rec.state == "draft":
                raise UserError(
                    self.env._(
                        "The reconciliation of %(name)s is under approval: its "
                        "explanations cannot change.",
                        name=rec.name,
                    )
                )
            changed = set(fnames) & set(COMPUTED_FROM)
            if rec.line_ids and changed:
                raise UserError(
                    self.env._(
                        "The reconciliation of %(name)s is computed: %(fields)s "
                        "can no longer change. Cancel it and start again.",
                        name=rec.name,
                        fields=", ".join(sorted(rec._hospital_field_labels(changed))),
                    )
                )
        return result

    @api.constrains("month")
    def _check_month_not_future(self):
        month = fields.Date.context_today(self).replace(day=1)
        for rec in self:
            if rec.month > month:
                raise ValidationError(
                    self.env._(
                        "A month is reconciled once it has begun: %(name)s is in "
                        "the future.",
                        name=rec.name,
                    )
                )

    @api.constrains("check_id", "department_id")
    def _check_count_of_the_ward(self):
        for rec in self.filtered("check_id"):
            check = rec.check_id.sudo()
            if check.location_id != rec.location_id or check.state != "done":
                raise ValidationError(
                    self.env._(
                        "%(check)s is not a signed count of %(department)s.",
                        check=check.name,
                        department=rec.department_id.name,
                    )
                )

    @api.ondelete(at_uninstall=False)
    def _unlink_except_locked_or_not_logistics_manager(self):
        """Only a logistics manager deletes a reconciliation, and never a locked one."""
        if any(rec.state == "locked" for rec in self) or not self.env.user.has_group(
            MANAGER
        ):
            raise UserError(self.env._("Reconciliations are archived, not deleted."))

    def _check_month_not_reconciled(self):
        for rec in self:
            other = (
                self.sudo()
                .with_context(active_test=False)
                .search(
                    [
                        ("id", "!=", rec.id),
                        ("location_id", "=", rec.location_id.id),
                        ("month", "=", rec.month),
                        ("state", "!=", "cancel"),
                    ],
                    limit=1,
                )
            )
            if other.state == "locked":
                raise UserError(
                    self.env._(
                        "%(name)s is already reconciled and locked.", name=other.name
                    )
                )
            if other:
                raise UserError(
                    self.env._("%(name)s is already being reconciled.", name=other.name)
                )

    def _hospital_logistics_signers(self):
        if self.env.user.has_group(STAFF):
            return self.env.user
        return self.env["res.users"]

    def _check_reconciliation_open(self):
        for rec in self:
            if rec.state != "draft":
                raise UserError(
                    self.env._(
                        "The reconciliation of %(name)s is locked.", name=rec.name
                    )
                )

    def _check_no_pending_handover(self):
        for rec in self:
            if rec.department_id.hospital_handover_pending:
                raise UserError(
                    self.env._(
                        "%(department)s has a custody handover waiting for both "
                        "signatures: complete it before reconciling.",
                        department=rec.department_id.name,
                    )
                )

    # Computation ---------------------------------------------------------
    def _hospital_period_start(self):
        self.ensure_one()
        previous = self.sudo().search(
            [
                ("location_id", "=", self.location_id.id),
                ("state", "=", "locked"),
                ("month", "<", self.month),
            ],
            order="month desc",
            limit=1,
        )
        if previous.date_to:
            return previous.date_to
        return datetime.combine(self.month, time.min)

    def _hospital_default_check(self):
        self.ensure_one()
        month_end = datetime.combine(self.month + relativedelta(months=1), time.min)
        return self.env["hospital.stock.check"].search(
            [
                ("location_id", "=", self.location_id.id),
                ("state", "=", "done"),
                ("date", ">=", datetime.combine(self.month, time.min)),
                ("date", "<", month_end),
            ],
            order="date desc",
            limit=1,
        )

    @hospital_transition
    def action_compute(self):
        """Fill the lines: opening + issued - consumed - loaned + returned vs counted.

        All wards at once: the ledger is four grouped queries, the counts one
        more, whatever the number of stock moves in the month.
        """
        self._check_reconciliation_open()
        self._check_no_pending_handover()
        for rec in self.filtered(lambda r: not r.check_id):
            rec.check_id = rec._hospital_default_check()
        missing = self.filtered(lambda r: not r.check_id)
        if missing:
            raise UserError(
                self.env._(
                    "%(name)s: no signed count in this month to reconcile against.",
                    name=missing[0].name,
                )
            )
        rows_by_period = {}
        for rec in self:
            rec.date_from = rec._hospital_period_start()
            rows_by_period.setdefault((rec.date_from, rec.date_to), self.browse())
            rows_by_period[rec.date_from, rec.date_to] |= rec
        counted = {
            (check.id, product.id): qty
            for check, product, qty in self.env["hospital.stock.check.line"]
            .sudo()
            ._read_group(
                [("check_id", "in", self.check_id.ids)],
                ["check_id", "product_id"],
                ["counted_qty:sum"],
            )
        }
        line_vals = []
        for (date_from, date_to), recs in rows_by_period.items():
            ledger = recs.location_id._hospital_ledger(date_from, date_to)
            for rec in recs:
                products = {
                    product_id
                    for location_id, product_id in ledger
                    if location_id == rec.location_id.id
                } | {
                    product_id
                    for check_id, product_id in counted
                    if check_id == rec.check_id.id
                }
                for product_id in products:
                    row = ledger.get((rec.location_id.id, product_id))
                    line_vals.append(
                        {
                            "reconciliation_id": rec.id,
                            "product_id": product_id,
                            "opening_qty": row["opening"] if row else 0.0,
                            "issued_qty": row["issued"] if row else 0.0,
                            "consumed_qty": row["consumed"] if row else 0.0,
                            "loaned_qty": row["loaned"] if row else 0.0,
                            "returned_qty": row["returned"] if row else 0.0,
                            "adjusted_qty": row["adjusted"] if row else 0.0,
                            "counted_qty": counted.get(
                                (rec.check_id.id, product_id), 0.0
                            ),
                        }
                    )
        Line = self.env["hospital.stock.reconciliation.line"].sudo()
        Line.search([("reconciliation_id", "in", self.ids)]).unlink()
        Line.create(line_vals)
        # New figures: whatever was signed before no longer describes them.
        self.write({"custodian_signature": False, "logistics_signature": False})
        return True

    def _check_computed(self):
        for rec in self:
            if not rec.line_ids:
                raise UserError(
                    self.env._("Compute the reconciliation before locking it.")
                )

    def _hospital_check_signable(self, field):
        """Both sign the month as computed and explained, not before."""
        self._check_reconciliation_open()
        self._check_no_pending_handover()
        self._check_computed()
        self.line_ids._check_differences_explained()

    # Locking -------------------------------------------------------------
    @hospital_transition
    def action_lock(self):
        self._check_reconciliation_open()
        self._check_no_pending_handover()
        self._check_computed()
        for rec in self:
            rec.line_ids._check_differences_explained()
            if not (rec.custodian_signature and rec.logistics_signature):
                raise UserError(
                    self.env._(
                        "The custodian and logistics both sign the reconciliation "
                        "before it is locked."
                    )
                )
        # The approval engine stops here when an unexplained loss is above the
        # setting and nobody has approved it yet.
        self.write({"state": "locked"})
        self._hospital_post_differences()
        self.line_ids._hospital_create_compensations()
        return True

    def _hospital_post_differences(self):
        """Bring the books to the count: one adjustment per lot that differs.

        The adjustment is dated just after the count, so it opens the next
        period's ledger as an adjustment instead of hiding in this one.
        """
        Move = self.env["stock.move"]
        for rec in self:
            vals = []
            for line in rec.check_id.line_ids.filtered("difference"):
                source = rec.location_id
                destination = line.product_id.with_company(
                    rec.company_id
                ).property_stock_inventory
                if line.difference > 0:
                    source, destination = destination, source
                vals.append(
                    {
                        "product_id": line.product_id.id,
                        "product_uom_qty": abs(line.difference),
                        "location_id": source.id,
                        "location_dest_id": destination.id,
                        "lot_id": line.lot_id.id,
                        "origin": rec.name,
                        "company_id": rec.company_id.id,
                        "is_inventory": True,
                    }
                )
            if vals:
                Move._hospital_move_done(
                    vals, date=rec.date_to + relativedelta(seconds=1)
                )

    @hospital_transition
    def action_cancel(self):
        for rec in self:
            if rec.state == "locked":
                raise UserError(
                    self.env._("A locked reconciliation cannot be cancelled.")
                )
        self.write({"state": "cancel"})

    def action_print(self):
        return self.env.ref(
            "hospital_stock.action_report_reconciliation"
        ).report_action(self)
