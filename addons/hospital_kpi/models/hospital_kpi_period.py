from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.hospital_logistics.groups import MANAGER
from odoo.addons.hospital_logistics.models.hospital_workflow_mixin import (
    ALL_FIELDS,
    hospital_transition,
)

from .hospital_kpi_definition import PERIOD_KINDS


def period_bounds(kind, day):
    """``(first day, first day of the next period)`` of the quarter or month
    holding ``day``."""
    if kind == "quarter":
        start = day.replace(month=3 * ((day.month - 1) // 3) + 1, day=1)
        return start, start + relativedelta(months=3)
    start = day.replace(day=1)
    return start, start + relativedelta(months=1)


class HospitalKpiPeriod(models.Model):
    """A quarter or a month of the evaluation.  While open, its snapshots are
    live figures refreshed from the sources; closing it stores them for good,
    so that the history never changes when the underlying data is edited
    later.  Reopening is a manager's decision with a reason, kept in the
    chatter."""

    _name = "hospital.kpi.period"
    _description = "KPI Evaluation Period"
    _inherit = ["mail.thread", "hospital.workflow.mixin"]
    _order = "date_from desc, kind, id desc"
    _check_company_auto = True

    _hospital_workflow_fields = (
        "state",
        "closed_at",
        "closed_by_id",
        "close_queued",
        "computed_at",
    )
    # The dates of a closed period are those its snapshots were computed on;
    # the evaluation comments are written once the figures are known.
    _hospital_editable_states = {"open": ALL_FIELDS, "closed": ("comment",)}
    _hospital_free_fields = ("active", "comment")

    name = fields.Char(compute="_compute_name", store=True)
    kind = fields.Selection(PERIOD_KINDS, required=True, default="quarter")
    date_from = fields.Date(string="From", required=True)
    date_to = fields.Date(
        string="Until",
        compute="_compute_date_to",
        store=True,
        help="Last day of the period.",
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    active = fields.Boolean(default=True)
    state = fields.Selection(
        [("open", "Open"), ("closed", "Closed")],
        default="open",
        required=True,
        tracking=True,
        copy=False,
    )
    close_queued = fields.Boolean(
        string="Closing Queued",
        readonly=True,
        copy=False,
        help="The period is large: its KPIs are being computed in the background.",
    )
    computed_at = fields.Datetime(string="Figures As Of", readonly=True, copy=False)
    closed_at = fields.Datetime(readonly=True, copy=False, tracking=True)
    closed_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    is_current = fields.Boolean(
        string="Current", compute="_compute_is_current", search="_search_is_current"
    )
    snapshot_ids = fields.One2many("hospital.kpi.snapshot", "period_id")
    hospital_snapshot_ids = fields.One2many(
        "hospital.kpi.snapshot",
        "period_id",
        string="Hospital-wide Figures",
        domain=[("department_id", "=", False)],
    )
    snapshot_count = fields.Integer(compute="_compute_counts")
    missed_count = fields.Integer(string="Targets Missed", compute="_compute_counts")
    action_ids = fields.One2many(
        "hospital.kpi.action", "period_id", string="Improvement Actions"
    )
    comment = fields.Html(
        string="Evaluation Comments",
        help="The logistics manager's assessment of the period, printed in the "
        "quarterly report.",
    )

    _period_unique = models.Constraint(
        "UNIQUE(company_id, kind, date_from)",
        "This period already exists for this hospital.",
    )

    @api.depends("kind", "date_from")
    def _compute_name(self):
        for period in self:
            day = period.date_from
            if not day:
                period.name = False
            elif period.kind == "quarter":
                period.name = f"{day.year} Q{(day.month - 1) // 3 + 1}"
            else:
                period.name = f"{day.year}-{day.month:02d}"

    @api.depends("kind", "date_from")
    def _compute_date_to(self):
        for period in self:
            if period.date_from:
                period.date_to = period._hospital_end() - relativedelta(days=1)
            else:
                period.date_to = False

    @api.depends_context("date")
    def _compute_is_current(self):
        today = fields.Date.context_today(self)
        for period in self:
            period.is_current = bool(
                period.date_from and period.date_from <= today <= period.date_to
            )

    def _search_is_current(self, operator, value):
        if operator != "in":
            return NotImplemented
        today = fields.Date.context_today(self)
        return [("date_from", "<=", today), ("date_to", ">=", today)]

    @api.depends("snapshot_ids.result")
    def _compute_counts(self):
        groups = {
            (period.id, result): count
            for period, result, count in self.env["hospital.kpi.snapshot"]._read_group(
                [("period_id", "in", self.ids)], ["period_id", "result"], ["__count"]
            )
        }
        for period in self:
            period.snapshot_count = sum(
                count for (pid, _r), count in groups.items() if pid == period.id
            )
            period.missed_count = groups.get((period.id, "missed"), 0)

    @api.constrains("kind", "date_from")
    def _check_period_start(self):
        for period in self:
            start, _end = period_bounds(period.kind, period.date_from)
            if period.date_from != start:
                raise ValidationError(
                    self.env._(
                        "A %(kind)s starts on its first day: %(day)s.",
                        kind=dict(PERIOD_KINDS)[period.kind].lower(),
                        day=start,
                    )
                )

    def _hospital_end(self):
        """The first day after the period (the sources' excluded bound)."""
        self.ensure_one()
        return period_bounds(self.kind, self.date_from)[1]

    @api.model
    def _hospital_ensure_period(self, kind, day, company):
        """The period of ``kind`` holding ``day`` in ``company``, created when
        missing."""
        start, _end = period_bounds(kind, day)
        period = self.with_context(active_test=False).search(
            [
                ("company_id", "=", company.id),
                ("kind", "=", kind),
                ("date_from", "=", start),
            ]
        )
        return period or self.create(
            {"kind": kind, "date_from": start, "company_id": company.id}
        )

    def _hospital_check_manager(self):
        if not self.env.user.has_group(MANAGER):
            raise UserError(
                self.env._(
                    "Only a logistics manager or the hospital's leadership closes, "
                    "refreshes or reopens an evaluation period."
                )
            )

    # ------------------------------------------------------------ buttons
    @hospital_transition
    def action_refresh(self):
        """Live figures of an open period, from the sources as they are now."""
        self._hospital_check_manager()
        self._hospital_check_state("open")
        self.sudo()._hospital_compute_snapshots(final=False)
        return True

    @hospital_transition
    def action_close(self):
        """Compute the period's KPIs and store them for good.  A large period
        (departments × KPIs above the setting) is closed in the background."""
        self._hospital_check_manager()
        self._hospital_check_state("open")
        for period in self:
            if period.close_queued:
                raise UserError(
                    self.env._(
                        "%(period)s is already being closed in the background.",
                        period=period.display_name,
                    )
                )
            if period.date_from > fields.Date.context_today(period):
                raise UserError(
                    self.env._(
                        "%(period)s has not started: there is nothing to evaluate.",
                        period=period.display_name,
                    )
                )
        for period in self:
            if (
                period._hospital_cell_count()
                > period.company_id.hospital_kpi_queue_threshold
            ):
                period.close_queued = True
                period.with_delay(
                    description=self.env._(
                        "Close KPI period %(period)s", period=period.display_name
                    )
                )._hospital_close()
                period.message_post(
                    body=self.env._(
                        "The period is large: its KPIs are computed in the "
                        "background and it closes when they are stored."
                    )
                )
            else:
                period._hospital_close()
        return True

    def action_open_reopen_wizard(self):
        self.ensure_one()
        self._hospital_check_manager()
        self._hospital_check_state("closed")
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Reopen %(period)s", period=self.display_name),
            "res_model": "hospital.kpi.period.reopen",
            "view_mode": "form",
            "target": "new",
            "context": {"default_period_id": self.id},
        }

    @hospital_transition
    def _hospital_reopen(self, reason):
        """Back to open, with the reason in the chatter; the stored figures
        stay until the period is closed again."""
        self._hospital_check_manager()
        self._hospital_check_state("closed")
        reason = (reason or "").strip()
        if not reason:
            raise UserError(self.env._("Say why the period is reopened."))
        for period in self:
            period.write({"state": "open", "closed_at": False, "closed_by_id": False})
            period.message_post(
                body=self.env._(
                    "Period reopened by %(user)s: %(reason)s",
                    user=self.env.user.name,
                    reason=reason,
                )
            )
        return True

    def action_view_snapshots(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "hospital_kpi.hospital_kpi_snapshot_action"
        )
        action["domain"] = [("period_id", "=", self.id)]
        action["context"] = {"search_default_hospital_wide": 1}
        return action

    # ------------------------------------------------------------ closing
    @hospital_transition
    def _hospital_close(self):
        """Store the period's figures and close it (also the queued job)."""
        periods = self.filtered(lambda p: p.state == "open")
        periods.sudo()._hospital_compute_snapshots(final=True)
        periods.write(
            {
                "state": "closed",
                "close_queued": False,
                "closed_at": fields.Datetime.now(),
                "closed_by_id": self.env.uid,
            }
        )
        return True

    def _hospital_definitions(self):
        """The active definitions this period evaluates: a month evaluates
        the monthly KPIs, a quarter all of them; only installed sources."""
        self.ensure_one()
        sources = self.env["hospital.kpi.source"]._hospital_kpi_sources()
        kinds = ["month"] if self.kind == "month" else ["month", "quarter"]
        return self.env["hospital.kpi.definition"].search(
            [
                ("company_id", "=", self.company_id.id),
                ("code", "in", list(sources)),
                ("period_kind", "in", kinds),
            ]
        )

    def _hospital_cell_count(self):
        """How many figures closing the period computes: KPIs × (departments
        + the hospital)."""
        self.ensure_one()
        departments = (
            self.env["hr.department"]
            .sudo()
            .search_count([("company_id", "in", (self.company_id.id, False))])
        )
        return len(self._hospital_definitions()) * (departments + 1)

    def _hospital_compute_snapshots(self, final):
        """Replace the period's snapshots by the sources' figures: a fixed
        number of queries per KPI whatever the size of the hospital."""
        Source = self.env["hospital.kpi.source"]
        Snapshot = self.env["hospital.kpi.snapshot"]
        # A source whose addon was installed since the last sync counts now.
        self.env["hospital.kpi.definition"]._hospital_sync_sources()
        for period in self:
            definitions = period._hospital_definitions()
            earlier = period._hospital_comparison_figures()
            vals_list = []
            for definition in definitions:
                figures = Source._hospital_kpi_values(
                    definition.code,
                    period.date_from,
                    period._hospital_end(),
                    period.company_id,
                )
                numerator = sum(num for num, _den in figures.values())
                denominator = sum(den for _num, den in figures.values())
                vals_list.append(
                    Snapshot._hospital_values(
                        period, definition, False, numerator, denominator, earlier
                    )
                )
                vals_list.extend(
                    Snapshot._hospital_values(
                        period, definition, department_id, num, den, earlier
                    )
                    for department_id, (num, den) in figures.items()
                    if department_id
                )
            for vals in vals_list:
                vals["final"] = final
            period.snapshot_ids.unlink()
            Snapshot.create(vals_list)
            period.computed_at = fields.Datetime.now()
            if final:
                period.message_post(
                    body=self.env._(
                        "%(count)s figures stored, %(missed)s targets missed.",
                        count=len(vals_list),
                        missed=sum(1 for v in vals_list if v["result"] == "missed"),
                    )
                )

    def _hospital_comparison_figures(self):
        """``{(which, definition id, department id): (value, has value)}`` of
        the previous period (``"previous"``) and of the same period a year
        before (``"last_year"``): one query."""
        self.ensure_one()
        previous = self.date_from - (
            relativedelta(months=3)
            if self.kind == "quarter"
            else relativedelta(months=1)
        )
        last_year = self.date_from - relativedelta(years=1)
        snapshots = self.env["hospital.kpi.snapshot"].search_fetch(
            [
                ("company_id", "=", self.company_id.id),
                ("period_kind", "=", self.kind),
                ("date_from", "in", (previous, last_year)),
            ],
            ["date_from", "definition_id", "department_id", "value", "has_value"],
        )
        return {
            (
                "previous" if snap.date_from == previous else "last_year",
                snap.definition_id.id,
                snap.department_id.id or False,
            ): (snap.value, snap.has_value)
            for snap in snapshots
        }

    @api.model
    def _cron_close_ended_periods(self):
        """Daily: every hospital has its current quarter and month open (and
        live), and the periods that ended are closed."""
        today = fields.Date.context_today(self)
        for company in self.env["res.company"].search([("active", "=", True)]):
            for kind, _label in PERIOD_KINDS:
                current = self._hospital_ensure_period(kind, today, company)
                if current.state == "open":
                    current.sudo()._hospital_transition()._hospital_compute_snapshots(
                        final=False
                    )
        ended = self.search(
            [
                ("state", "=", "open"),
                ("date_to", "<", today),
                ("close_queued", "=", False),
            ]
        )
        ended.sudo()._hospital_close()
        return True

    # ------------------------------------------------------------ demo
    _DEMO_PARAMETER = "hospital_kpi.demo_evaluation_pending"

    @api.model
    def _hospital_demo_request(self):
        """Demo data: the evaluation of the last two quarters is made once
        every addon's demo data is loaded (the other addons load after this
        one), by the real closing, in :meth:`_register_hook`."""
        self.env["ir.config_parameter"].sudo().set_param(self._DEMO_PARAMETER, "1")

    def _register_hook(self):
        result = super()._register_hook()
        Parameter = self.env["ir.config_parameter"].sudo()
        if Parameter.get_param(self._DEMO_PARAMETER):
            Parameter.set_param(self._DEMO_PARAMETER, False)
            self._hospital_demo_evaluation()
        return result

    @api.model
    def _hospital_demo_evaluation(self):
        """The demo hospital's last two quarters, closed from the demo data of
        every installed addon, the current quarter open and live, the
        evaluation comments and an improvement action on the missed target."""
        today = fields.Date.context_today(self)
        company = self.env.ref("base.main_company")
        self.env["hospital.kpi.definition"]._hospital_sync_sources()
        quarters = self.env["hospital.kpi.survey"]._hospital_demo_surveys(today)
        before_last, last, current = (
            self._hospital_ensure_period("quarter", day, company) for day in quarters
        )
        (before_last | last)._hospital_close()
        current.sudo()._hospital_transition()._hospital_compute_snapshots(final=False)
        last.comment = (
            "<p>心内科职工对后勤服务的满意度降至 80% 左右，低于 90% 的目标："
            "夜间维修响应慢、送物不及时是主要意见。其余指标总体达标。</p>"
        )
        staff = self.env["hospital.kpi.definition"].search(
            [("company_id", "=", company.id), ("code", "=", "staff_satisfaction")]
        )
        self.env["hospital.kpi.action"].create(
            {
                "name": "心内科夜间维修与送物专人值守，每月回访职工",
                "period_id": last.id,
                "definition_id": staff.id,
                "department_id": self.env.ref("hospital_logistics.dept_cardiology").id,
                "owner_id": self.env.ref("hospital_logistics.user_manager").id,
                "deadline": current._hospital_end() - relativedelta(days=1),
                "description": "夜班安排一名维修技师和一名运送员专门负责心内科，"
                "后勤科每月对心内科职工电话回访，下季度满意度达到 90%。",
            }
        )
