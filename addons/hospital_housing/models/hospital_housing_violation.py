from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.hospital_logistics.models.hospital_workflow_mixin import (
    ALL_FIELDS,
    hospital_transition,
)


class HospitalHousingViolation(models.Model):
    """A breach of the dormitory rules and its fine, within the range the
    settings give (100–200 ¥ by default)."""

    _name = "hospital.housing.violation"
    _description = "Dormitory Violation"
    _hospital_sequence_code = "hospital.housing.violation"
    _inherit = ["mail.thread", "mail.activity.mixin", "hospital.workflow.mixin"]
    _order = "date desc, id desc"
    _check_company_auto = True

    _hospital_workflow_fields = ("state", "name", "confirmed_by_id")
    _hospital_editable_states = {"draft": ALL_FIELDS}

    name = fields.Char(string="Number", readonly=True, copy=False, default="/")
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    date = fields.Date(required=True, default=fields.Date.context_today)
    kind = fields.Selection(
        [
            ("lending", "Lending the Bed to Someone Else"),
            ("late_guest", "Guest After the Curfew"),
            ("spare_bed", "Taking a Spare Bed"),
            ("unapproved_move", "Moving Without Approval"),
        ],
        required=True,
        tracking=True,
    )
    allocation_id = fields.Many2one(
        "hospital.housing.allocation",
        required=True,
        check_company=True,
        tracking=True,
    )
    employee_id = fields.Many2one(
        related="allocation_id.employee_id", store=True, string="Resident"
    )
    building_id = fields.Many2one(related="allocation_id.building_id", store=True)
    guest_left_hour = fields.Float(
        string="Guest Left At",
        help="For a guest after the curfew: the time the guest left (hours).",
    )
    description = fields.Text()
    amount = fields.Monetary(
        string="Fine",
        compute="_compute_amount",
        store=True,
        readonly=False,
        tracking=True,
        help="Starts at the minimum fine of the settings.",
    )
    state = fields.Selection(
        [("draft", "Draft"), ("confirmed", "Fined"), ("cancel", "Cancelled")],
        default="draft",
        required=True,
        tracking=True,
        copy=False,
    )
    confirmed_by_id = fields.Many2one("res.users", readonly=True, copy=False)

    @api.depends("company_id")
    def _compute_amount(self):
        for violation in self:
            violation.amount = violation.company_id.hospital_housing_fine_min

    @api.constrains("amount", "company_id")
    def _check_amount(self):
        for violation in self:
            company = violation.company_id
            low, high = (
                company.hospital_housing_fine_min,
                company.hospital_housing_fine_max,
            )
            if not low <= violation.amount <= high:
                raise ValidationError(
                    self.env._(
                        "A dormitory fine is between %(low)s and %(high)s ¥ "
                        "(settings).",
                        low=low,
                        high=high,
                    )
                )

    @api.constrains("kind", "guest_left_hour", "company_id")
    def _check_after_curfew(self):
        for violation in self:
            if violation.kind != "late_guest":
                continue
            curfew = violation.company_id.hospital_housing_curfew
            # A guest who left after midnight is later than the curfew too.
            left = violation.guest_left_hour
            if left < 12:
                left += 24
            if not 0 <= violation.guest_left_hour < 24 or left <= curfew:
                hours, minutes = divmod(round(curfew * 60), 60)
                raise ValidationError(
                    self.env._(
                        "Visitors may stay until %(curfew)s: enter when the guest "
                        "left, after the curfew.",
                        curfew=f"{hours:02d}:{minutes:02d}",
                    )
                )

    @hospital_transition
    def action_confirm(self):
        for violation in self:
            if violation.state != "draft":
                raise UserError(self.env._("Only a draft violation is fined."))
        self.write({"state": "confirmed", "confirmed_by_id": self.env.uid})
        for violation in self:
            violation.message_post(
                body=self.env._(
                    "%(resident)s fined %(amount)s ¥.",
                    resident=violation.employee_id.name,
                    amount=violation.amount,
                )
            )

    @hospital_transition
    def action_cancel(self):
        if any(violation.state != "draft" for violation in self):
            raise UserError(self.env._("Only a draft violation is cancelled."))
        self.write({"state": "cancel"})

    @hospital_transition
    def action_draft(self):
        self.filtered(lambda violation: violation.state == "cancel").write(
            {"state": "draft"}
        )
