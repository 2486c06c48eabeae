from datetime import timedelta

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.hospital_logistics.groups import (
    LEADERSHIP,
)
from odoo.addons.hospital_logistics.models.hospital_workflow_mixin import (
    ALL_FIELDS,
    hospital_transition,
)

from .hospital_contract_qualification import KINDS

STATES = [
    ("draft", "Draft"),
    ("countersign", "Countersigning"),
    ("legal", "Legal Review"),
    ("approval", "Awaiting Approval"),
    ("approved", "Approved"),
    ("signed", "Signed"),
    ("archived", "Archived"),
    ("destroyed", "Destroyed"),
    ("refused", "Refused"),
    ("cancel", "Cancelled"),
]
# What the counterparty and the hospital agree on: a signature covers it.
CONTRACT_TERMS = (
    "title",
    "type_id",
    "department_id",
    "partner_id",
    "amount",
    "date_start",
    "date_end",
    "purchase_id",
    "tender_reference",
    "countersign_department_ids",
    "original_count",
    "legal_opinion",
)
TITLE_LIMIT = 256
IN_FORCE = ("signed", "archived")


class HospitalContract(models.Model):
    _name = "hospital.contract"
    _description = "Contract (合同)"
    _hospital_sequence_code = "hospital.contract"
    _inherit = [
        "mail.thread",
        "mail.activity.mixin",
        "hospital.signature.mixin",
        "hospital.tier.validation",
    ]
    _order = "id desc"
    _rec_names_search = ["name", "title"]
    _check_company_auto = True

    _tier_validation_manual_config = False
    _hospital_own_review_buttons = True
    _state_from = ["approval"]
    _state_to = ["approved"]
    _cancel_state = "cancel"

    _hospital_workflow_fields = (
        "state",
        "submitted_date",
        "approved_by_id",
        "approved_date",
        "signed_date",
        "authorization_id",
        "refused_by_id",
        "finance_copy_state",
        "finance_copy_sent_date",
        "finance_received_by_id",
        "finance_received_date",
        "archived_date",
        "transfer_id",
        "destroyed_date",
        "destroyed_by_id",
        "last_review_date",
        "transfer_flagged",
        "expiry_flagged",
        "review_flagged",
    )
    _hospital_editable_states = {
        "draft": ALL_FIELDS,
        "countersign": ("refusal_reason",),
        "legal": ("legal_opinion", "legal_signature", "refusal_reason"),
        "approval": ("office_meeting_date", "office_meeting_minutes", "refusal_reason"),
        "approved": ("signed_scan", "signed_scan_name", "hospital_signature"),
        "signed": ("signed_scan", "signed_scan_name"),
    }
    _hospital_free_fields = ("note", "review_ids", "validation_status")
    _hospital_signers = {
        "legal_signature": "_hospital_legal_signers",
        "hospital_signature": "_hospital_contract_signers",
    }
    _hospital_signature_certifies = {
        "legal_signature": CONTRACT_TERMS,
        "hospital_signature": CONTRACT_TERMS,
    }
    name = fields.Char(string="Number", readonly=True, copy=False, default="/")
    title = fields.Char(string="Subject", required=True, tracking=True)
    state = fields.Selection(
        STATES, default="draft", required=True, tracking=True, copy=False, index=True
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    type_id = fields.Many2one(
        "hospital.contract.type",
        required=True,
        tracking=True,
        check_company=True,
    )
    department_id = fields.Many2one(
        "hr.department",
        string="Owning Department",
        compute="_compute_department_id",
        store=True,
        precompute=True,
        readonly=False,
        required=True,
        index=True,
        tracking=True,
        check_company=True,
    )
    countersign_department_ids = fields.Many2many(
        "hr.department",
        "hospital_contract_countersign_department_rel",
        "contract_id",
        "department_id",
        string="Countersigning Departments",
        compute="_compute_countersign_department_ids",
        store=True,
        precompute=True,
        readonly=False,
    )
    user_id = fields.Many2one(
        "res.users",
        string="Handled By (经办人)",
        default=lambda self: self.env.user,
        tracking=True,
        domain="[('share', '=', False)]",
    )
    partner_id = fields.Many2one(
        "res.partner",
        string="Counterparty",
        required=True,
        tracking=True,
        domain="[('is_company', '=', True)]",
    )
    commercial_partner_id = fields.Many2one(
        related="partner_id.commercial_partner_id", store=True, index=True
    )
    amount = fields.Monetary(tracking=True)
    date_start = fields.Date(
        string="Start", required=True, tracking=True, default=fields.Date.context_today
    )
    date_end = fields.Date(string="End", required=True, tracking=True)
    term_months = fields.Integer(
        string="Term (months)", compute="_compute_term", store=True
    )
    term_years = fields.Float(
        string="Term (years)", compute="_compute_term", store=True, digits=(4, 2)
    )
    is_major = fields.Boolean(
        string="Major Contract",
        compute="_compute_is_major",
        store=True,
        index=True,
        help="At least the major contract amount or term (Settings): approved "
        "by the president's office meeting.",
    )
    purchase_id = fields.Many2one(
        "purchase.order", string="Purchase Order", check_company=True
    )
    tender_reference = fields.Char()
    original_count = fields.Integer(
        string="Originals", default=4, help="Paper originals sealed and signed."
    )
    signed_scan = fields.Binary(attachment=True, copy=False)
    signed_scan_name = fields.Char(copy=False)
    note = fields.Html(string="Internal Notes")
    countersign_ids = fields.One2many(
        "hospital.contract.countersign", "contract_id", string="Countersigning"
    )
    submitted_date = fields.Datetime(readonly=True, copy=False)
    # Legal review (法律意见)
    requires_legal_opinion = fields.Boolean(related="type_id.requires_legal_opinion")
    legal_opinion = fields.Text(groups="base.group_user", copy=False)
    legal_signature = fields.Binary(copy=False, groups="base.group_user")
    legal_signature_user_id = fields.Many2one(
        "res.users", string="Legal Adviser", readonly=True, copy=False
    )
    legal_signature_date = fields.Datetime(
        string="Legal Opinion Signed On", readonly=True, copy=False
    )
    # Approval (院长审批 / 院长办公会)
    office_meeting_date = fields.Date(copy=False, groups="base.group_user")
    office_meeting_minutes = fields.Text(copy=False, groups="base.group_user")
    approved_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    approved_date = fields.Datetime(readonly=True, copy=False)
    refusal_reason = fields.Text(copy=False, groups="base.group_user")
    refused_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    is_expired = fields.Boolean(
        string="Expired", compute="_compute_is_expired", search="_search_is_expired"
    )

    # ------------------------------------------------------------ computes
    @api.depends("type_id")
    def _compute_department_id(self):
        for contract in self:
            contract.department_id = (
                contract.type_id.department_id or contract.department_id
            )

    @api.depends("type_id")
    def _compute_countersign_department_ids(self):
        for contract in self:
            contract.countersign_department_ids = (
                contract.type_id.countersign_department_ids
            )

    @api.depends("date_start", "date_end")
    def _compute_term(self):
        for contract in self:
            months = 0
            if (
                contract.date_start
                and contract.date_end
                and contract.date_end >= contract.date_start
            ):
                delta = relativedelta(
                    contract.date_end + timedelta(days=1), contract.date_start
                )
                months = delta.years * 12 + delta.months + (1 if delta.days else 0)
            contract.term_months = months
            contract.term_years = months / 12.0

    @api.depends("amount", "term_years", "company_id")
    def _compute_is_major(self):
        for contract in self:
            contract.is_major = contract.company_id._hospital_contract_is_major(
                contract.amount, contract.term_years
            )

    def _compute_is_expired(self):
        today = fields.Date.context_today(self)
        for contract in self:
            contract.is_expired = bool(contract.date_end and contract.date_end < today)

    def _search_is_expired(self, operator, value):
        if operator != "in":
            return NotImplemented
        return [("date_end", "<", fields.Date.context_today(self))]

    @api.depends("name", "title")
    def _compute_display_name(self):
        for contract in self:
            contract.display_name = (
                f"{contract.name} {contract.title or ''}"
                if contract.name and contract.name != "/"
                else contract.title or ""
            )

    # ------------------------------------------------------------ integrity
    @api.constrains("date_start", "date_end", "amount", "original_count", "title")
    def _check_terms(self):
        for contract in self:
            if contract.date_end < contract.date_start:
                raise ValidationError(
                    self.env._(
                        "%(contract)s ends before it starts.",
                        contract=contract.display_name,
                    )
                )
            if contract.amount < 0:
                raise ValidationError(
                    self.env._("A contract amount cannot be negative.")
                )
            if contract.original_count < 1:
                raise ValidationError(
                    self.env._("A contract has at least one paper original.")
                )
            if len(contract.title or "") > TITLE_LIMIT:
                raise ValidationError(
                    self.env._(
                        "A contract subject is at most %(limit)s characters long.",
                        limit=TITLE_LIMIT,
                    )
                )

    @api.ondelete(at_uninstall=False)
    def _unlink_never(self):
        raise UserError(
            self.env._(
                "Contracts are the hospital's legal memory: they are cancelled, "
                "archived or, after their retention period, destroyed — never deleted."
            )
        )

    def _get_tier_validation_readonly_domain(self):
        # The form's own state conditions freeze what each step closes; the
        # approval engine only freezes the contract while it is reviewed.
        return "state == 'approval' and validation_status not in ('no', False)"

    def _get_all_validation_exceptions(self):
        return super()._get_all_validation_exceptions() + [
            "office_meeting_date",
            "office_meeting_minutes",
            "refusal_reason",
            "note",
        ]

    def _get_under_validation_exceptions(self):
        # The office meeting is recorded, and a refusal given, while the
        # approval is under way.
        return super()._get_under_validation_exceptions() + [
            "office_meeting_date",
            "office_meeting_minutes",
            "refusal_reason",
            "refused_by_id",
            "state",
            "note",
        ]

    # ------------------------------------------------------------ signers
    def _hospital_legal_signers(self):
        return (
            self.env.ref("hospital_contract.hospital_contract_group_legal")
            .sudo()
            .user_ids
        )

    def _hospital_check_signable(self, field):
        if field == "legal_signature" and not self.legal_opinion:
            raise UserError(self.env._("Write the legal opinion before signing it."))

    # ------------------------------------------------------------ flow
    def _hospital_check_counterparty(self):
        """Refuse a contract whose counterparty lacks a valid document its type
        requires, or whose document has expired."""
        kinds = dict(KINDS)
        today = fields.Date.context_today(self)
        Qualification = self.env["hospital.contract.qualification"].sudo()
        for contract in self:
            partner = contract.commercial_partner_id
            docs = Qualification.search([("partner_id", "child_of", partner.id)])
            required = [("licence",), ("legal_representative", "power_of_attorney")]
            if contract.type_id.requires_qualification:
                required.append(("qualification",))
            if contract.type_id.requires_financial_statements:
                required.append(("financial",))
            problems = []
            for alternatives in required:
                held = docs.filtered(lambda d, a=alternatives: d.kind in a)
                if not held:
                    problems.append(
                        self.env._(
                            "%(document)s is missing",
                            document=self.env._(" or ").join(
                                kinds[k] for k in alternatives
                            ),
                        )
                    )
                elif not held.filtered(
                    lambda d: not d.date_expiry or d.date_expiry >= today
                ):
                    last = max(held.mapped("date_expiry"))
                    problems.append(
                        self.env._(
                            "%(document)s expired on %(date)s",
                            document=kinds[held[0].kind],
                            date=last,
                        )
                    )
            if problems:
                raise UserError(
                    self.env._(
                        "%(partner)s cannot be contracted with yet: %(problems)s. "
                        "Register its valid documents under Counterparty Documents.",
                        partner=partner.name,
                        problems="; ".join(problems),
                    )
                )

    @hospital_transition
    def action_submit(self):
        """Draft → countersigning by the related departments."""
        self._hospital_check_state("draft")
        self._hospital_check_counterparty()
        self.write({"state": "countersign", "submitted_date": fields.Datetime.now()})
        self.env["hospital.contract.countersign"].sudo().create(
            [
                {"contract_id": contract.id, "department_id": department.id}
                for contract in self
                for department in contract.countersign_department_ids
            ]
        )
        for contract in self:
            contract.countersign_ids._hospital_ask_signers()
        self.filtered(lambda c: not c.countersign_ids)._hospital_countersigned()
        return True

    @hospital_transition
    def _hospital_countersigned(self):
        """Every related department agreed: legal review when the type asks
        for it, else approval."""
        legal = self.filtered("requires_legal_opinion")
        legal.write({"state": "legal"})
        for contract in legal:
            for user in contract._hospital_legal_signers():
                contract.activity_schedule(
                    "mail.mail_activity_data_todo",
                    user_id=user.id,
                    summary=contract.with_context(lang=user.lang).env._(
                        "Give the legal opinion on this contract"
                    ),
                )
        (self - legal)._hospital_to_approval()

    @hospital_transition
    def action_legal_done(self):
        self._hospital_check_state("legal")
        for contract in self:
            if not contract.legal_signature:
                raise UserError(
                    self.env._(
                        "The legal adviser signs the legal opinion before the "
                        "contract goes to approval."
                    )
                )
        self.activity_feedback(["mail.mail_activity_data_todo"])
        self._hospital_to_approval()
        return True

    @hospital_transition
    def _hospital_to_approval(self):
        self.write({"state": "approval"})
        self.request_validation()

    def _hospital_check_office_meeting(self):
        today = fields.Date.context_today(self)
        for contract in self.filtered("is_major"):
            if not (contract.office_meeting_date and contract.office_meeting_minutes):
                raise UserError(
                    self.env._(
                        "%(contract)s is a major contract (from %(amount)s or "
                        "%(years)s years): the president's office meeting approves "
                        "it. Record the meeting's date and minutes first.",
                        contract=contract.display_name,
                        amount=contract.company_id.hospital_major_contract_amount,
                        years=contract.company_id.hospital_major_contract_years,
                    )
                )
            if contract.office_meeting_date > today:
                raise UserError(
                    self.env._("The office meeting cannot be held in the future.")
                )

    @hospital_transition
    def action_approve(self):
        """The president (leadership) approves; a major contract only with
        the office meeting's date and minutes."""
        self._hospital_check_state("approval")
        if not self.env.user.has_group(LEADERSHIP):
            raise UserError(self.env._("Only hospital leadership approves contracts."))
        self._hospital_check_office_meeting()
        for contract in self:
            if contract.can_review:
                contract._validate_tier()
        self.write(
            {
                "state": "approved",
                "approved_by_id": self.env.uid,
                "approved_date": fields.Datetime.now(),
            }
        )
        return True

    @hospital_transition
    def action_refuse(self):
        self._hospital_check_state("countersign", "legal", "approval")
        for contract in self:
            if not (contract.refusal_reason or "").strip():
                raise UserError(
                    self.env._("Give the reason for refusing the contract.")
                )
            reviewers = (
                contract.countersign_ids._hospital_signers_all()
                | contract._hospital_legal_signers()
            )
            if not (self.env.user.has_group(LEADERSHIP) or self.env.user in reviewers):
                raise UserError(
                    self.env._(
                        "Only a countersigning department, the legal adviser or "
                        "hospital leadership refuses a contract."
                    )
                )
        self.write({"state": "refused", "refused_by_id": self.env.uid})
        return True

    @hospital_transition
    def action_cancel(self):
        self._hospital_check_state("draft", "refused")
        self.write({"state": "cancel"})
        return True

    @hospital_transition
    def action_draft(self):
        """A refused contract is reworked from a new draft."""
        self._hospital_check_state("refused", "cancel")
        self.countersign_ids.sudo()._hospital_transition().unlink()
        self.write({"state": "draft", "refused_by_id": False})
        return True

    def action_countersign_mine(self):
        """Open the countersigning line(s) the user may sign."""
        self.ensure_one()
        lines = self.countersign_ids.filtered(
            lambda line: (
                line.state == "pending"
                and self.env.user in line._hospital_countersigners()
            )
        )
        if not lines:
            raise UserError(
                self.env._(
                    "No countersignature of %(contract)s waits for you.",
                    contract=self.display_name,
                )
            )
        return {
            "type": "ir.actions.act_window",
            "res_model": "hospital.contract.countersign",
            "res_id": lines[0].id,
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "new",
            "name": self.env._("Countersign"),
        }

    # ------------------------------------------------------------ portal
    @api.model
    def _hospital_portal_fixture(self, partner):
        """A signed contract with vendor ``partner``, for the suite's portal
        isolation test."""
        kind = self.env["hospital.contract.type"].create(
            {"name": f"Portal test type {partner.name}"}
        )
        department = self.env["hr.department"].create(
            {"name": f"Portal test department {partner.name}"}
        )
        today = fields.Date.context_today(self)
        return self.create(
            {
                "title": f"Service contract with {partner.name}",
                "type_id": kind.id,
                "department_id": department.id,
                "partner_id": partner.id,
                "amount": 1000.0,
                "date_start": today,
                "date_end": today + relativedelta(years=1),
                "state": "signed",
            }
        )
