from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.fields import Domain

from odoo.addons.hospital_logistics.groups import ARCHIVIST, MANAGER
from odoo.addons.hospital_logistics.models.hospital_workflow_mixin import (
    hospital_transition,
)

from .hospital_contract import IN_FORCE

# Stored figures that follow the settings and the retention rules.
THRESHOLD_FIGURES = (
    "is_major",
    "retention_years",
    "retention_end",
    "archive_transfer_required",
    "next_review_date",
)
# Set by the daily job, one write per reminder for all its contracts.
REMINDER_FLAGS = {"transfer_flagged", "expiry_flagged", "review_flagged"}


# One model, one file per concern: its flow and register, its signing, its
# archiving; merged they would make a file over 1,000 lines.
class HospitalContract(models.Model):
    """Archiving (归档): periods (保管期限), transfer to the archive office,
    loans of the originals, destruction after the retention end, and the
    daily reminders of a contract.

    The retention end, the archive-transfer flag and the next review date are
    stored and indexed, so that the daily job finds its contracts with one
    indexed search each, whatever the size of the register.
    """

    _inherit = "hospital.contract"  # pylint: disable=consider-merging-classes-inherited

    # Archiving (归档)
    archived_date = fields.Date(readonly=True, copy=False)
    transfer_id = fields.Many2one(
        "hospital.contract.transfer",
        string="Archive Transfer",
        readonly=True,
        copy=False,
    )
    transfer_state = fields.Selection(related="transfer_id.state", string="Transfer")
    destroyed_date = fields.Date(readonly=True, copy=False)
    destroyed_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    loan_ids = fields.One2many("hospital.contract.loan", "contract_id")
    is_lent = fields.Boolean(string="Original Lent Out", compute="_compute_is_lent")
    # Supervision (监督检查)
    last_review_date = fields.Date(readonly=True, copy=False)
    finding_ids = fields.One2many("hospital.contract.audit.finding", "contract_id")
    # Set by the daily job so that each reminder is given once.
    transfer_flagged = fields.Boolean(readonly=True, copy=False)
    expiry_flagged = fields.Boolean(readonly=True, copy=False)
    review_flagged = fields.Boolean(readonly=True, copy=False)

    retention_years = fields.Integer(
        string="Retention (years)",
        compute="_compute_retention",
        store=True,
        help="Years the contract is kept after it expires, from the short-contract "
        "settings or the first matching retention rule.",
    )
    retention_end = fields.Date(
        string="Kept Until",
        compute="_compute_retention",
        store=True,
        index=True,
        help="Nothing is destroyed before this date.",
    )
    archive_transfer_required = fields.Boolean(
        string="Goes to the Archive Office",
        compute="_compute_retention",
        store=True,
        index=True,
        help="Kept at least the archive office retention, or an investment contract "
        "from the archived investment amount: transferred to the archive office.",
    )
    next_review_date = fields.Date(
        string="Next Yearly Review",
        compute="_compute_next_review_date",
        store=True,
        index=True,
    )

    is_expiring = fields.Boolean(
        string="Expiring Soon",
        compute="_compute_is_expiring",
        search="_search_is_expiring",
        help="In force and ending within the expiry notice (Settings).",
    )

    @api.depends("loan_ids.state")
    def _compute_is_lent(self):
        lent = {
            contract.id
            for (contract,) in self.env["hospital.contract.loan"]
            .sudo()
            ._read_group(
                [("contract_id", "in", self.ids), ("state", "=", "lent")],
                ["contract_id"],
            )
        }
        for contract in self:
            contract.is_lent = contract.id in lent

    @api.depends(
        "type_id.is_investment", "amount", "term_months", "date_end", "company_id"
    )
    def _compute_retention(self):
        rules = (
            self.env["hospital.contract.retention.rule"]
            .sudo()
            .search([("company_id", "in", self.company_id.ids)])
        )
        for contract in self:
            company = contract.company_id
            years = company._hospital_contract_short_keep_years(contract.term_months)
            if years is None:
                rule = next(
                    (
                        rule
                        for rule in rules
                        if rule.company_id == company
                        and rule._hospital_matches(contract)
                    ),
                    None,
                )
                years = rule.retention_years if rule else 0
            contract.retention_years = years
            contract.retention_end = (
                contract.date_end + relativedelta(years=years)
                if years and contract.date_end
                else False
            )
            contract.archive_transfer_required = bool(
                company
            ) and company._hospital_contract_goes_to_archive(
                years, contract.amount, contract.type_id.is_investment
            )

    @api.depends("is_major", "last_review_date", "signed_date", "company_id")
    def _compute_next_review_date(self):
        for contract in self:
            last = contract.last_review_date or contract.signed_date
            contract.next_review_date = (
                contract.company_id._hospital_contract_next_review(last)
                if contract.is_major and last
                else False
            )

    def _compute_is_expiring(self):
        today = fields.Date.context_today(self)
        for contract in self:
            contract.is_expiring = (
                contract.state == "signed"
                and bool(contract.date_end)
                and today
                <= contract.date_end
                <= contract.company_id._hospital_contract_notice_limit(today)
            )

    def _search_is_expiring(self, operator, value):
        if operator != "in":
            return NotImplemented
        return self._hospital_expiring_domain(fields.Date.context_today(self))

    def _hospital_expiring_domain(self, today):
        # Each hospital has its own notice: one bounded domain per company.
        companies = self.env["res.company"].sudo().search([("active", "=", True)])
        return (
            Domain("state", "=", "signed")
            & Domain("date_end", ">=", today)
            & Domain.OR(
                Domain("company_id", "=", company.id)
                & Domain(
                    "date_end", "<=", company._hospital_contract_notice_limit(today)
                )
                for company in companies
            )
        )

    @api.model
    def _hospital_recompute_thresholds(self, companies):
        """The settings or the retention rules of ``companies`` changed:
        recompute the figures that follow them (destroyed contracts keep
        theirs)."""
        contracts = self.sudo().search(
            [("company_id", "in", companies.ids), ("state", "!=", "destroyed")]
        )
        for fname in THRESHOLD_FIGURES:
            self.env.add_to_compute(self._fields[fname], contracts)

    @hospital_transition
    def action_archive_contract(self):
        """The department files the signed contract; one the archive office
        keeps is handed over with a transfer record."""
        self._hospital_check_state("signed")
        self.write(
            {"state": "archived", "archived_date": fields.Date.context_today(self)}
        )
        self.filtered("archive_transfer_required").action_transfer()
        return True

    @hospital_transition
    def action_transfer(self):
        self._hospital_check_state(*IN_FORCE)
        for contract in self:
            if contract.transfer_id:
                raise UserError(
                    self.env._(
                        "%(contract)s has already been transferred to the archive "
                        "office (%(transfer)s).",
                        contract=contract.display_name,
                        transfer=contract.transfer_id.name,
                    )
                )
        transfers = self.env["hospital.contract.transfer"].create(
            [{"contract_id": contract.id} for contract in self]
        )
        for contract, transfer in zip(self, transfers, strict=True):
            contract.transfer_id = transfer
        transfers._hospital_notify_archivists()
        return True

    @hospital_transition
    def action_destroy(self):
        """Destroy the paper after the retention period; the record stays."""
        self._hospital_check_state("archived")
        if not self.env.user.has_group(ARCHIVIST) and not self.env.user.has_group(
            MANAGER
        ):
            raise UserError(
                self.env._("Only the archive office or the logistics manager destroys.")
            )
        today = fields.Date.context_today(self)
        for contract in self:
            if not contract.retention_end or contract.retention_end > today:
                raise UserError(
                    self.env._(
                        "%(contract)s is kept until %(date)s: nothing is destroyed "
                        "before its retention period ends.",
                        contract=contract.display_name,
                        date=contract.retention_end or self.env._("no rule applies"),
                    )
                )
            if contract.is_lent:
                raise UserError(
                    self.env._("The original is lent out: get it back first.")
                )
        self.write(
            {
                "state": "destroyed",
                "destroyed_date": today,
                "destroyed_by_id": self.env.uid,
            }
        )
        return True

    @hospital_transition
    def _hospital_reviewed(self, day):
        """An audit of kind review has looked at these contracts."""
        self.write({"last_review_date": day, "review_flagged": False})

    # ------------------------------------------------------------ daily job
    def _tier_validation_check_write_allowed(self, vals):
        # The job only stamps its own reminder flags; checking the validation
        # exceptions contract by contract would cost queries per contract.
        if set(vals) <= REMINDER_FLAGS:
            return None
        return super()._tier_validation_check_write_allowed(vals)

    def _hospital_reminder_domains(self, today):
        """``{flag: domain}`` of the contracts each reminder is due for."""
        return {
            "transfer_flagged": Domain("archive_transfer_required", "=", True)
            & Domain("transfer_id", "=", False)
            & Domain("state", "in", ("signed", "archived"))
            & (Domain("state", "=", "archived") | Domain("date_end", "<", today)),
            "expiry_flagged": self._hospital_expiring_domain(today),
            "review_flagged": Domain("is_major", "=", True)
            & Domain("state", "=", "signed")
            & Domain("next_review_date", "<=", today),
        }

    def _hospital_reminder_summary(self, flag):
        return {
            "transfer_flagged": self.env._(
                "Transfer this contract to the archive office (档案室)"
            ),
            "expiry_flagged": self.env._(
                "This contract expires soon: renew or close it"
            ),
            "review_flagged": self.env._("Yearly review of this major contract is due"),
        }[flag]

    @api.model
    @hospital_transition
    def _cron_hospital_contract_reminders(self):
        """Flag due archive transfers, contracts about to expire and major
        contracts due for their yearly review: one indexed search, one write
        and one batch of activities per reminder, one digest per recipient."""
        today = fields.Date.context_today(self)
        Contract = self.sudo()
        activity_type = self.env.ref("hospital_contract.mail_act_hospital_contract")
        model_id = self.env["ir.model"]._get_id(self._name)
        archivists = self.env.ref(ARCHIVIST).sudo().user_ids
        activities, digests = [], {}
        for flag, domain in self._hospital_reminder_domains(today).items():
            contracts = Contract.search(domain & Domain(flag, "=", False))
            if not contracts:
                continue
            contracts.with_context(tracking_disable=True).write({flag: True})
            summaries = {}
            for contract in contracts:
                user = contract.user_id or contract.create_uid
                if user.lang not in summaries:
                    summaries[user.lang] = contract.with_context(
                        lang=user.lang
                    )._hospital_reminder_summary(flag)
                activities.append(
                    {
                        "activity_type_id": activity_type.id,
                        "res_model_id": model_id,
                        "res_id": contract.id,
                        "user_id": user.id,
                        "summary": summaries[user.lang],
                        "date_deadline": today,
                    }
                )
                digests.setdefault(user, {}).setdefault(flag, 0)
                digests[user][flag] += 1
            if flag == "transfer_flagged":
                for archivist in archivists:
                    digests.setdefault(archivist, {}).setdefault(flag, 0)
                    digests[archivist][flag] += len(contracts)
        self.env["mail.activity"].sudo().with_context(
            mail_activity_quick_update=True
        ).create(activities)
        for user, counts in digests.items():
            user_env = self.with_context(lang=user.lang).env
            self.env["mail.thread"].sudo().message_notify(
                partner_ids=user.partner_id.ids,
                subject=user_env._("Contracts needing attention"),
                body=user_env._(
                    "Archive transfers due: %(transfers)s; contracts expiring soon: "
                    "%(expiring)s; yearly reviews due: %(reviews)s.",
                    transfers=counts.get("transfer_flagged", 0),
                    expiring=counts.get("expiry_flagged", 0),
                    reviews=counts.get("review_flagged", 0),
                ),
            )
