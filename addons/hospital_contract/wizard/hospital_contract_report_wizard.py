from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.fields import Domain

MAX_DAYS = 3660


class HospitalContractReportWizard(models.TransientModel):
    """The contract reports in Excel: register by department and status,
    contracts expiring within N days, retention due, seal log. They list only
    what the user may read."""

    _name = "hospital.contract.report.wizard"
    _description = "Contract Reports (合同报表)"

    report = fields.Selection(
        [
            ("register", "Register by Department and Status"),
            ("expiring", "Contracts Expiring Soon"),
            ("retention", "Retention Period Ended"),
            ("seal", "Seal Log"),
        ],
        required=True,
        default="register",
    )
    days = fields.Integer(
        string="Within (days)",
        default=lambda self: self.env.company.hospital_contract_notice_days,
    )
    department_ids = fields.Many2many("hr.department", string="Departments")
    date_from = fields.Date(string="From")
    date_to = fields.Date(string="To")

    @api.constrains("days", "date_from", "date_to")
    def _check_parameters(self):
        for wizard in self:
            if not 0 <= wizard.days <= MAX_DAYS:
                raise ValidationError(
                    self.env._(
                        "The number of days lies between 0 and %(max)s.", max=MAX_DAYS
                    )
                )
            if (
                wizard.date_from
                and wizard.date_to
                and wizard.date_to < wizard.date_from
            ):
                raise ValidationError(self.env._("The period ends before it starts."))

    def _hospital_contracts(self):
        self.ensure_one()
        today = fields.Date.context_today(self)
        domain = Domain.TRUE
        if self.department_ids:
            domain &= Domain("department_id", "in", self.department_ids.ids)
        if self.report == "expiring":
            domain &= (
                Domain("state", "in", ("signed", "archived"))
                & Domain("date_end", ">=", today)
                & Domain("date_end", "<=", today + relativedelta(days=self.days))
            )
        elif self.report == "retention":
            domain &= Domain("state", "=", "archived") & Domain(
                "retention_end", "<=", today
            )
        return self.env["hospital.contract"].search(
            domain, order="department_id, state, date_end"
        )

    def _hospital_seal_logs(self):
        self.ensure_one()
        domain = Domain.TRUE
        if self.department_ids:
            domain &= Domain("contract_id.department_id", "in", self.department_ids.ids)
        if self.date_from:
            domain &= Domain("date", ">=", self.date_from)
        if self.date_to:
            domain &= Domain("date", "<", self.date_to + relativedelta(days=1))
        return self.env["hospital.contract.seal.log"].search(domain)

    def action_export(self):
        self.ensure_one()
        return self.env.ref(
            "hospital_contract.action_report_contract_xlsx"
        ).report_action(self)
