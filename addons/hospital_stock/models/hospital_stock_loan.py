from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools.float_utils import float_compare

from odoo.addons.hospital_logistics.groups import MANAGER
from odoo.addons.hospital_logistics.models.hospital_workflow_mixin import (
    ALL_FIELDS,
    hospital_transition,
)

OVERDUE_ACTIVITY = "hospital_stock.mail_act_hospital_stock_loan_overdue"
# What the borrower and the head nurse may still settle before the item goes
# out; the item and its quantity are what was registered (and approved).
BORROWER_CONTENT = (
    "borrower_name",
    "borrower_department_id",
    "borrower_signature",
    "date_due",
)


class HospitalStockLoan(models.Model):
    _name = "hospital.stock.loan"
    _description = "Ward Loan (借出登记)"
    _hospital_sequence_code = "hospital.stock.loan"
    _inherit = [
        "mail.thread",
        "mail.activity.mixin",
        "hospital.stock.department.mixin",
        "hospital.stock.available.mixin",
        "hospital.workflow.mixin",
        "hospital.stock.text.limit.mixin",
    ]
    _order = "date_due, id desc"
    _check_company_auto = True

    _hospital_workflow_fields = (
        "state",
        "date_lent",
        "date_returned",
        "approved_by_id",
    )
    _hospital_editable_states = {
        "draft": ALL_FIELDS,
        "to_approve": BORROWER_CONTENT,
        "approved": BORROWER_CONTENT,
    }
    _hospital_text_limits = {"borrower_name": 128}

    name = fields.Char(string="Number", readonly=True, copy=False, default="/")
    active = fields.Boolean(default=True)
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("to_approve", "Waiting for Head Nurse"),
            ("approved", "Approved"),
            ("lent", "Lent Out"),
            ("returned", "Returned"),
            ("cancel", "Cancelled"),
        ],
        default="draft",
        required=True,
        tracking=True,
        copy=False,
    )
    product_id = fields.Many2one(
        "product.product", string="Item", required=True, tracking=True
    )
    tracking = fields.Selection(related="product_id.tracking")
    important = fields.Boolean(
        related="product_id.hospital_important", string="Important Item"
    )
    lot_id = fields.Many2one("stock.lot", domain="[('product_id', '=', product_id)]")
    quantity = fields.Float(digits="Product Unit", required=True, default=1.0)
    uom_id = fields.Many2one(related="product_id.uom_id", string="Unit")
    borrower_name = fields.Char(string="Borrower", required=True, tracking=True)
    borrower_department_id = fields.Many2one(
        "hr.department", string="Borrowing Department"
    )
    borrower_signature = fields.Binary(copy=False)
    date_lent = fields.Datetime(string="Lent On", readonly=True, copy=False)
    date_due = fields.Date(string="Due Back", required=True, tracking=True)
    date_returned = fields.Datetime(string="Returned On", readonly=True, copy=False)
    approved_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    is_overdue = fields.Boolean(
        string="Overdue", compute="_compute_is_overdue", search="_search_is_overdue"
    )

    @api.constrains("quantity")
    def _check_quantity_positive(self):
        for loan in self:
            if (
                float_compare(
                    loan.quantity, 0.0, precision_rounding=loan.uom_id.rounding
                )
                <= 0
            ):
                raise ValidationError(
                    self.env._(
                        "The quantity of %(product)s must be positive.",
                        product=loan.product_id.display_name,
                    )
                )

    @api.constrains("date_due")
    def _check_due_date_not_past(self):
        """A loan that has not gone out yet is due back today or later; once
        out, its due date is what was agreed with the borrower."""
        today = fields.Date.context_today(self)
        for loan in self:
            if loan.state in ("draft", "to_approve", "approved") and (
                loan.date_due < today
            ):
                raise ValidationError(
                    self.env._(
                        "Loan %(name)s: the due date cannot be in the past.",
                        name=loan.name,
                    )
                )

    @api.ondelete(at_uninstall=False)
    def _unlink_except_submitted_unless_logistics_manager(self):
        """Drafts may be deleted; past that, only by a logistics manager."""
        if not self.env.user.has_group(MANAGER) and any(
            loan.state != "draft" for loan in self
        ):
            raise UserError(self.env._("Loans are archived, not deleted."))

    def _compute_is_overdue(self):
        today = fields.Date.context_today(self)
        for loan in self:
            loan.is_overdue = loan.state == "lent" and loan.date_due < today

    def _search_is_overdue(self, operator, value):
        if operator != "in":
            return NotImplemented
        return [
            ("state", "=", "lent"),
            ("date_due", "<", fields.Date.context_today(self)),
        ]

    @hospital_transition
    def action_submit(self):
        for loan in self:
            if loan.state != "draft":
                raise UserError(self.env._("Only a draft loan can be submitted."))
            loan._check_available_in(
                loan.location_id, loan.product_id, loan.lot_id, loan.quantity
            )
        # A draft written yesterday may be due in the past today.
        self._check_due_date_not_past()
        important = self.filtered("important")
        important.write({"state": "to_approve"})
        (self - important).write({"state": "approved"})
        for loan in important:
            approver = loan.department_id.head_nurse_id or self.env.user
            loan.activity_schedule(
                "mail.mail_activity_data_todo",
                user_id=approver.id,
                summary=self.with_context(lang=approver.lang).env._(
                    "Approve the loan of an important item"
                ),
            )

    @hospital_transition
    def action_approve(self):
        for loan in self:
            if loan.state != "to_approve":
                raise UserError(self.env._("This loan is not waiting for approval."))
            if not (self.env.su or self.env.user == loan.department_id.head_nurse_id):
                raise UserError(
                    self.env._(
                        "Only the head nurse of %(department)s approves lending an "
                        "important item.",
                        department=loan.department_id.name,
                    )
                )
        self.write({"state": "approved", "approved_by_id": self.env.uid})
        self.activity_feedback(["mail.mail_activity_data_todo"])

    @hospital_transition
    def action_lend(self):
        loans_location = self.env.ref("hospital_stock.location_ward_loans")
        for loan in self:
            if loan.state != "approved":
                raise UserError(
                    self.env._("Loan %(name)s is not approved yet.", name=loan.name)
                )
            if not loan.borrower_signature:
                raise UserError(
                    self.env._("The borrower signs before taking the item.")
                )
            loan._check_available_in(
                loan.location_id, loan.product_id, loan.lot_id, loan.quantity
            )
            self.env["stock.move"]._hospital_move_done(
                [loan._hospital_move_vals(loan.location_id, loans_location)]
            )
        self.write({"state": "lent", "date_lent": fields.Datetime.now()})

    @hospital_transition
    def action_return(self):
        loans_location = self.env.ref("hospital_stock.location_ward_loans")
        for loan in self:
            if loan.state != "lent":
                raise UserError(self.env._("Only a lent item can come back."))
            self.env["stock.move"]._hospital_move_done(
                [loan._hospital_move_vals(loans_location, loan.location_id)]
            )
        self.write({"state": "returned", "date_returned": fields.Datetime.now()})
        # The item is back: a reminder to fetch it is about work done.
        self.activity_unlink([OVERDUE_ACTIVITY])

    @hospital_transition
    def action_cancel(self):
        if any(loan.state in ("lent", "returned") for loan in self):
            raise UserError(self.env._("A loan that went out cannot be cancelled."))
        self.write({"state": "cancel"})
        self.activity_unlink(["mail.mail_activity_data_todo"])

    def _hospital_move_vals(self, source, destination):
        self.ensure_one()
        return {
            "product_id": self.product_id.id,
            "product_uom_qty": self.quantity,
            "location_id": source.id,
            "location_dest_id": destination.id,
            "lot_id": self.lot_id.id,
            "origin": self.name,
            "company_id": self.company_id.id,
        }

    @api.model
    def _cron_flag_overdue_loans(self):
        """One reminder per overdue loan, of its own activity type, in the
        language of the head nurse who reads it."""
        loans = self.sudo().search([("is_overdue", "in", [True])])
        activity_type = self.env.ref(OVERDUE_ACTIVITY)
        flagged = {
            res_id
            for (res_id,) in self.env["mail.activity"]
            .sudo()
            ._read_group(
                [
                    ("res_model", "=", self._name),
                    ("res_id", "in", loans.ids),
                    ("activity_type_id", "=", activity_type.id),
                ],
                ["res_id"],
            )
        }
        model = self.env["ir.model"]._get_id(self._name)
        vals = []
        for loan in loans.filtered(lambda loan: loan.id not in flagged):
            reader = loan.department_id.head_nurse_id or loan.create_uid
            vals.append(
                {
                    "res_model_id": model,
                    "res_id": loan.id,
                    "activity_type_id": activity_type.id,
                    "automated": True,
                    "summary": self.with_context(lang=reader.lang).env._(
                        "Loan overdue: get the item back"
                    ),
                    "user_id": reader.id,
                    "date_deadline": fields.Date.context_today(self),
                }
            )
        self.env["mail.activity"].sudo().create(vals)
