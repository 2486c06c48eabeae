from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError

from odoo.addons.hospital_logistics.groups import ARCHIVIST
from odoo.addons.hospital_logistics.models.hospital_workflow_mixin import (
    ALL_FIELDS,
    hospital_transition,
)

STATES = [
    ("draft", "Draft"),
    ("estimated", "Estimate Filed"),
    ("in_progress", "Ordered"),
    ("accepted", "Accepted"),
    ("archived", "Archives Handed Over"),
    ("cancel", "Cancelled"),
]


class HospitalPurchaseWorks(models.Model):
    """Construction or repair works (基建/维修工程): above the estimate
    threshold ordered only with a budget estimate, filed with the contract
    copy for finance; completed by an acceptance inspection; archives due to
    the archive office within the set months."""

    _name = "hospital.purchase.works"
    _description = "Construction or Repair Works"
    _hospital_sequence_code = "hospital.purchase.works"
    _inherit = ["mail.thread", "mail.activity.mixin", "hospital.workflow.mixin"]
    _order = "id desc"
    _check_company_auto = True

    _hospital_workflow_fields = (
        "state",
        "finance_filed_date",
        "finance_filed_by_id",
        "acceptance_date",
        "acceptance_by_id",
        "archive_handed_date",
        "archive_flagged",
    )
    _hospital_editable_states = {
        "draft": ALL_FIELDS,
        "estimated": ("contract_file", "contract_filename", "note"),
        "in_progress": (
            "contract_file",
            "contract_filename",
            "acceptance_result",
            "acceptance_notes",
            "note",
        ),
        "accepted": ("archive_receipt", "note"),
    }
    _hospital_free_fields = ("active", "note")

    name = fields.Char(string="Number", readonly=True, copy=False, default="/")
    title = fields.Char(string="Works", required=True, tracking=True)
    kind = fields.Selection(
        [("construction", "Construction"), ("repair", "Repair")],
        required=True,
        default="repair",
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    department_id = fields.Many2one("hr.department", check_company=True, tracking=True)
    state = fields.Selection(
        STATES, default="draft", required=True, tracking=True, copy=False, index=True
    )
    active = fields.Boolean(default=True)
    estimate_amount = fields.Monetary(
        string="Budget Estimate", currency_field="currency_id", tracking=True
    )
    estimate_file = fields.Binary(string="Budget Estimate (预算书)", attachment=True)
    estimate_filename = fields.Char()
    needs_estimate = fields.Boolean(compute="_compute_needs_estimate")
    contract_file = fields.Binary(string="Contract Copy", attachment=True)
    contract_filename = fields.Char()
    finance_filed_date = fields.Datetime(string="Filed to Finance", readonly=True)
    finance_filed_by_id = fields.Many2one("res.users", readonly=True)
    order_ids = fields.One2many("purchase.order", "hospital_works_id", string="Orders")
    acceptance_result = fields.Selection(
        [("pass", "Accepted"), ("fail", "Not Accepted")], string="Inspection Result"
    )
    acceptance_notes = fields.Text(string="Acceptance Inspection Record")
    acceptance_date = fields.Date(string="Completed On", readonly=True)
    acceptance_by_id = fields.Many2one(
        "res.users", string="Inspected By", readonly=True
    )
    archive_due_date = fields.Date(compute="_compute_archive_due_date", store=True)
    archive_handed_date = fields.Date(readonly=True)
    archive_receipt = fields.Char(string="Archive Receipt No.")
    archive_flagged = fields.Boolean(string="Archives Late", readonly=True)
    note = fields.Html()

    @api.depends("estimate_amount", "company_id.hospital_budget_estimate_amount")
    def _compute_needs_estimate(self):
        for works in self:
            works.needs_estimate = (
                works.estimate_amount > works.company_id.hospital_budget_estimate_amount
            )

    @api.depends("acceptance_date", "company_id.hospital_works_archive_months")
    def _compute_archive_due_date(self):
        for works in self:
            works.archive_due_date = works.acceptance_date and (
                works.acceptance_date
                + relativedelta(months=works.company_id.hospital_works_archive_months)
            )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if (vals.get("estimate_amount") or 0.0) < 0:
                raise UserError(self.env._("An estimate cannot be negative."))
        return super().create(vals_list)

    def write(self, vals):
        if (vals.get("estimate_amount") or 0.0) < 0:
            raise UserError(self.env._("An estimate cannot be negative."))
        return super().write(vals)

    def _hospital_estimate_filed(self):
        self.ensure_one()
        return bool(self.finance_filed_date and self.estimate_file)

    @hospital_transition
    def action_file_estimate(self):
        """File the budget estimate (and the contract copy once signed) for
        finance."""
        self._hospital_check_state("draft")
        for works in self:
            if works.estimate_amount <= 0 or not works.estimate_file:
                raise UserError(
                    self.env._(
                        "%(works)s: attach the budget estimate and give its amount.",
                        works=works.display_name,
                    )
                )
        self.write(
            {
                "state": "estimated",
                "finance_filed_date": fields.Datetime.now(),
                "finance_filed_by_id": self.env.uid,
            }
        )
        return True

    @hospital_transition
    def _hospital_ordered(self):
        self.filtered(lambda w: w.state in ("draft", "estimated")).write(
            {"state": "in_progress"}
        )

    @hospital_transition
    def action_accept(self):
        """Completion needs the acceptance inspection record."""
        self._hospital_check_state("in_progress")
        for works in self:
            if (
                works.acceptance_result != "pass"
                or not (works.acceptance_notes or "").strip()
            ):
                raise UserError(
                    self.env._(
                        "%(works)s: record the acceptance inspection (result "
                        "“accepted” and what was inspected) before completion.",
                        works=works.display_name,
                    )
                )
            if works.needs_estimate and not works.contract_file:
                raise UserError(
                    self.env._(
                        "%(works)s: file the contract copy for finance, beside the "
                        "budget estimate, before the acceptance.",
                        works=works.display_name,
                    )
                )
        self.write(
            {
                "state": "accepted",
                "acceptance_date": fields.Date.context_today(self),
                "acceptance_by_id": self.env.uid,
            }
        )
        return True

    @hospital_transition
    def action_hand_over_archives(self):
        self._hospital_check_state("accepted")
        if not (self.env.user.has_group(ARCHIVIST) or self.env.su):
            raise UserError(
                self.env._("The archive office confirms it received the archives.")
            )
        self.write(
            {
                "state": "archived",
                "archive_handed_date": fields.Date.context_today(self),
                "archive_flagged": False,
            }
        )
        return True

    @hospital_transition
    def action_cancel(self):
        self._hospital_check_state("draft", "estimated")
        self.write({"state": "cancel"})
        return True

    @api.model
    @hospital_transition
    def _cron_flag_late_archives(self):
        """Flag accepted works whose archives are past due: one search, one
        write."""
        late = self.search(
            [
                ("state", "=", "accepted"),
                ("archive_flagged", "=", False),
                ("archive_due_date", "<", fields.Date.context_today(self)),
            ]
        )
        late.write({"archive_flagged": True})
        for works in late:
            works.message_post(
                body=self.env._(
                    "The works archives were due to the archive office on %(date)s.",
                    date=works.archive_due_date,
                )
            )
        return late
