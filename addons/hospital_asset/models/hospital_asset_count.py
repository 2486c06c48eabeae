import random

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.fields import Domain
from odoo.tools import SQL

from odoo.addons.hospital_logistics.groups import FINANCE, MANAGER
from odoo.addons.hospital_logistics.models.hospital_workflow_mixin import (
    ALL_FIELDS,
    hospital_transition,
)

STATES = [
    ("draft", "Draft"),
    ("counting", "Counting"),
    ("submitted", "Counted"),
    ("approved", "Approved"),
    ("posted", "Posted"),
    ("cancel", "Cancelled"),
]
KINDS = [
    ("department", "Half-yearly Department Count"),
    ("hospital", "Yearly Hospital Count"),
    ("audit", "Random Audit"),
]
DIFFERENCES = ("missing", "surplus", "wrong_location")


class HospitalAssetCount(models.Model):
    """An inventory campaign (资产盘点): the department every six months, the
    hospital every year, random audits in between. The sheet lists the
    assets on the books; counters scan their QR labels or tick them; what
    is not found is missing (盘亏), what is found but not listed is surplus
    (盘盈), what stands elsewhere is in the wrong location. Approved by the
    managing department, posted by the asset accountant."""

    _name = "hospital.asset.count"
    _description = "Asset Count Campaign (资产盘点)"
    _hospital_sequence_code = "hospital.asset.count"
    _inherit = ["mail.thread", "mail.activity.mixin", "hospital.workflow.mixin"]
    _order = "date desc, id desc"
    _check_company_auto = True

    _hospital_workflow_fields = (
        "state",
        "approved_by_id",
        "approved_date",
        "posted_by_id",
        "posted_date",
    )
    _hospital_editable_states = {
        "draft": ALL_FIELDS,
        "counting": ("line_ids.found_location_id", "line_ids.note"),
    }
    _hospital_free_fields = ("note",)

    name = fields.Char(string="Number", readonly=True, copy=False, default="/")
    state = fields.Selection(
        STATES, default="draft", required=True, tracking=True, copy=False, index=True
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    kind = fields.Selection(KINDS, required=True, default="department")
    department_id = fields.Many2one(
        "hr.department",
        index=True,
        check_company=True,
        help="The department counted; empty for the yearly hospital count.",
    )
    date = fields.Date(default=fields.Date.context_today, required=True)
    sample_size = fields.Integer(
        default=20, help="Random audits count this many assets drawn at random."
    )
    line_ids = fields.One2many("hospital.asset.count.line", "count_id", string="Lines")
    note = fields.Text()
    line_count = fields.Integer(compute="_compute_figures")
    found_count = fields.Integer(compute="_compute_figures")
    pending_count = fields.Integer(compute="_compute_figures")
    missing_count = fields.Integer(compute="_compute_figures")
    surplus_count = fields.Integer(compute="_compute_figures")
    wrong_location_count = fields.Integer(compute="_compute_figures")
    approved_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    approved_date = fields.Datetime(readonly=True, copy=False)
    posted_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    posted_date = fields.Datetime(readonly=True, copy=False)
    count_url = fields.Char(string="Phone Page", compute="_compute_count_url")

    @api.depends("line_ids.result")
    def _compute_figures(self):
        figures = {
            (count.id, result): number
            for count, result, number in self.env[
                "hospital.asset.count.line"
            ]._read_group(
                [("count_id", "in", self.ids)], ["count_id", "result"], ["__count"]
            )
        }
        for count in self:
            get = lambda result, c=count: figures.get((c.id, result), 0)  # noqa: E731
            count.found_count = get("found")
            count.pending_count = get("pending")
            count.missing_count = get("missing")
            count.surplus_count = get("surplus")
            count.wrong_location_count = get("wrong_location")
            count.line_count = sum(
                get(result) for result in ("found", "pending", *DIFFERENCES)
            )

    def _compute_count_url(self):
        base = self.get_base_url()
        for count in self:
            count.count_url = f"{base}/hospital/asset/count/{count.id}"

    @api.constrains("kind", "department_id", "sample_size")
    def _check_scope(self):
        for count in self:
            if count.kind == "department" and not count.department_id:
                raise ValidationError(
                    self.env._("A department count names its department.")
                )
            if count.kind == "audit" and count.sample_size < 1:
                raise ValidationError(
                    self.env._("A random audit counts at least one asset.")
                )

    @api.ondelete(at_uninstall=False)
    def _unlink_only_drafts(self):
        if any(count.state != "draft" for count in self):
            raise UserError(self.env._("A started count is kept; cancel it."))

    # ------------------------------------------------------------ checks
    def _hospital_check_counting(self):
        for count in self:
            if count.state != "counting":
                raise UserError(
                    self.env._(
                        "%(count)s is closed (%(state)s): nothing more is counted "
                        "on it.",
                        count=count.display_name,
                        state=dict(STATES)[count.state],
                    )
                )

    def _hospital_scope_domain(self):
        self.ensure_one()
        domain = Domain("hospital_asset_state", "=", "in_use") & Domain(
            "company_id", "=", self.company_id.id
        )
        if self.department_id:
            domain &= Domain("department_id", "=", self.department_id.id)
        return domain

    # ------------------------------------------------------------ steps
    @hospital_transition
    def action_start(self):
        """List the assets on the books, as they stand now."""
        self._hospital_check_state("draft")
        Equipment = self.env["maintenance.equipment"].sudo()
        Line = self.env["hospital.asset.count.line"]
        for count in self:
            assets = Equipment.search(count._hospital_scope_domain())
            if count.kind == "audit" and len(assets) > count.sample_size:
                assets = assets.browse(
                    random.sample(assets.ids, count.sample_size)  # noqa: S311
                )
            Line.create(
                [
                    {
                        "count_id": count.id,
                        "equipment_id": asset.id,
                        "expected_department_id": asset.department_id.id,
                        "expected_location_id": asset.hospital_location_id.id,
                    }
                    for asset in assets
                ]
            )
        self.write({"state": "counting"})
        return True

    @hospital_transition
    def action_scan(self, code):
        """A QR label scanned (its reporting link or its token): the asset is
        found here, or it is surplus to this count."""
        self.ensure_one()
        self._hospital_check_counting()
        token = self._hospital_code_token(code)
        if not token:
            raise UserError(self.env._("Scan a QR label or type its code."))
        Line = self.env["hospital.asset.count.line"]
        line = Line.search(
            [("count_id", "=", self.id), ("equipment_id.qr_token", "=", token)], limit=1
        )
        if line:
            line._hospital_mark("found")
            return line
        asset = (
            self.env["maintenance.equipment"]
            .sudo()
            .search(
                [("qr_token", "=", token), ("company_id", "in", self.company_id.ids)],
                limit=1,
            )
        )
        if not asset:
            raise UserError(
                self.env._(
                    "No asset of the hospital carries the label %(code)s.", code=token
                )
            )
        return Line.create(
            {
                "count_id": self.id,
                "equipment_id": asset.id,
                "expected_department_id": asset.department_id.id,
                "expected_location_id": asset.hospital_location_id.id,
                "result": "surplus",
            }
        )

    def _hospital_code_token(self, code):
        """A QR label's reporting link, its token or an asset number."""
        return (code or "").strip().rstrip("/").rsplit("/", 1)[-1]

    @hospital_transition
    def action_count_code(self, code, location=False):
        """The phone page: a counter scans a label or types an asset number
        of an asset of their own department on this count; found in its
        room, or in ``location`` (wrong location).  An asset that is not
        theirs to count (on the books of another department, or not on this
        count) is refused, not ticked."""
        self.ensure_one()
        self._hospital_check_counting()
        token = self._hospital_code_token(code)
        if not token:
            raise UserError(self.env._("Scan a QR label or type its code."))
        by_code = Domain("equipment_id.qr_token", "=", token) | Domain(
            "equipment_id.hospital_asset_number", "=ilike", token
        )
        # Record rules keep a counter to the lines of their own departments.
        line = self.env["hospital.asset.count.line"].search(
            Domain("count_id", "=", self.id) & by_code, limit=1
        )
        if not line:
            asset = (
                self.env["maintenance.equipment"]
                .sudo()
                .search(
                    (
                        Domain("qr_token", "=", token)
                        | Domain("hospital_asset_number", "=ilike", token)
                    )
                    & Domain("company_id", "in", self.company_id.ids),
                    limit=1,
                )
            )
            if not asset:
                raise UserError(
                    self.env._(
                        "No asset of the hospital carries the label %(code)s.",
                        code=token,
                    )
                )
            raise UserError(
                self.env._(
                    "%(asset)s is on the books of %(department)s: it is not yours "
                    "to count on %(count)s. If it stands in your department, note "
                    "it as a surplus item and the managing department will sort "
                    "it out.",
                    asset=asset.display_name,
                    department=asset.department_id.display_name
                    or self.env._("no department"),
                    count=self.display_name,
                )
            )
        if line.result == "surplus":
            return line
        line.found_location_id = (
            location if location and location != line.expected_location_id else False
        )
        line.action_found()
        return line

    @hospital_transition
    def action_add_surplus(self, name, location=False):
        """Something found that is on no books: surplus (盘盈), registered
        when the count is posted."""
        self.ensure_one()
        self._hospital_check_counting()
        if not (name or "").strip():
            raise UserError(self.env._("Describe the surplus item."))
        return self.env["hospital.asset.count.line"].create(
            {
                "count_id": self.id,
                "surplus_name": name.strip(),
                "found_location_id": location and location.id,
                "result": "surplus",
            }
        )

    @hospital_transition
    def action_submit(self):
        """Counting is over: what was not found is missing."""
        self._hospital_check_counting()
        self.env["hospital.asset.count.line"].search(
            [("count_id", "in", self.ids), ("result", "=", "pending")]
        ).write({"result": "missing"})
        self.write({"state": "submitted"})
        return True

    @hospital_transition
    def action_approve(self):
        self._hospital_check_state("submitted")
        if not self.env.user.has_group(MANAGER):
            raise UserError(
                self.env._("The managing department approves the count results.")
            )
        self.write(
            {
                "state": "approved",
                "approved_by_id": self.env.uid,
                "approved_date": fields.Datetime.now(),
            }
        )
        return True

    @hospital_transition
    def action_reopen(self):
        self._hospital_check_state("submitted")
        if not self.env.user.has_group(MANAGER):
            raise UserError(self.env._("The managing department reopens a count."))
        self.write({"state": "counting"})
        return True

    @hospital_transition
    def action_cancel(self):
        self._hospital_check_state("draft", "counting", "submitted")
        self.write({"state": "cancel"})
        return True

    @hospital_transition
    def action_post(self):
        """Book the approved differences in a fixed number of queries,
        whatever the number of assets counted and of differences: only the
        differences are read, writes are grouped by target value and
        creations made in one batch.

        - wrong location: the asset's room becomes the room it was found in;
        - missing (盘亏): a loss report is drafted for the department to write;
        - surplus (盘盈) on no books: a piece of equipment to register.
        """
        self._hospital_check_state("approved")
        if not (self.env.user.has_group(MANAGER) or self.env.user.has_group(FINANCE)):
            raise UserError(
                self.env._("The asset accountant or the managing department posts.")
            )
        quiet = {
            "tracking_disable": True,
            "mail_create_nolog": True,
            "mail_create_nosubscribe": True,
        }
        Line = self.env["hospital.asset.count.line"].sudo()
        Equipment = (
            self.env["maintenance.equipment"]
            .sudo()
            .with_context(**quiet)
            ._hospital_transition()
        )
        lines = Line.search(
            [("count_id", "in", self.ids), ("result", "in", DIFFERENCES)]
        )
        moved = lines.filtered(
            lambda line: line.result == "wrong_location" and line.found_location_id
        )
        self._hospital_set_many(
            Equipment.browse([line.equipment_id.id for line in moved]),
            "hospital_location_id",
            [line.found_location_id.id for line in moved],
        )
        new = lines.filtered(
            lambda line: line.result == "surplus" and not line.equipment_id
        )
        self._hospital_post_missing(
            lines.filtered(lambda line: line.result == "missing")
        )
        self._hospital_post_surplus(new, Equipment)
        for count in self:
            count.message_post(
                body=self.env._(
                    "Posted: %(moved)s assets moved to the room they were found "
                    "in, %(missing)s loss reports drafted, %(surplus)s surplus "
                    "items to register.",
                    moved=count.wrong_location_count,
                    missing=count.missing_count,
                    surplus=len(new.filtered(lambda line, c=count: line.count_id == c)),
                )
            )
        self.write(
            {
                "state": "posted",
                "posted_by_id": self.env.uid,
                "posted_date": fields.Datetime.now(),
            }
        )
        return True

    def _hospital_post_missing(self, lines):
        """One draft loss report per missing asset, created in one batch."""
        quiet = {"tracking_disable": True, "mail_create_nolog": True}
        self.env["hospital.asset.loss"].sudo().with_context(**quiet).create(
            [
                {
                    "company_id": line.company_id.id,
                    "equipment_id": line.equipment_id.id,
                    "count_line_id": line.id,
                    "date_lost": line.count_id.date,
                    "circumstances": self.env._(
                        "Not found at count %(count)s.", count=line.count_id.name
                    ),
                }
                for line in lines
            ]
        )

    def _hospital_post_surplus(self, lines, Equipment):
        """Surplus items on no books become equipment to register: created in
        one batch, assigned in one write, given the department of the count
        (or of the room they were found in) and linked to their line with one
        UPDATE each."""
        found = Equipment.create(
            [
                {
                    "name": line.surplus_name,
                    "company_id": line.company_id.id,
                    # Created without owner (hr_maintenance: a department's
                    # equipment is owned by its manager, here none), else
                    # maintenance subscribes each owner record by record; the
                    # write below assigns them all at once.
                    "equipment_assign_to": "department",
                    "hospital_location_id": line.found_location_id.id,
                    "hospital_asset_state": "draft",
                }
                for line in lines
            ]
        )
        found.write({"equipment_assign_to": "other"})
        departments = [
            (
                asset.id,
                (
                    line.count_id.department_id or line.found_location_id.department_id
                ).id,
            )
            for line, asset in zip(lines, found, strict=True)
        ]
        departments = [pair for pair in departments if pair[1]]
        self._hospital_set_many(
            Equipment.browse([asset_id for asset_id, _d in departments]),
            "department_id",
            [department_id for _a, department_id in departments],
        )
        self._hospital_set_many(lines, "equipment_id", found.ids)

    def _hospital_set_many(self, records, fname, values):
        """Give each record its own value of the many2one ``fname`` in one
        UPDATE (the ORM writes different values one query each), then let
        the fields that depend on it recompute."""
        if not records:
            return
        self.env.flush_all()
        self.env.cr.execute(
            SQL(
                "UPDATE %(table)s AS record SET %(column)s = new.value, "
                "write_uid = %(uid)s, write_date = now() AT TIME ZONE 'UTC' "
                "FROM (SELECT unnest(%(ids)s::int[]) AS id, "
                "unnest(%(values)s::int[]) AS value) AS new "
                "WHERE record.id = new.id",
                table=SQL.identifier(records._table),
                column=SQL.identifier(fname),
                uid=self.env.uid,
                ids=records.ids,
                values=values,
            )
        )
        # Forget the old values before the dependents recompute from them,
        # the inverse one2many of the new values included.
        records.invalidate_recordset([fname, "write_uid", "write_date"])
        records.modified([fname])
        self.env.invalidate_all()

    # ------------------------------------------------------------ schedule
    @api.model
    def _cron_schedule_counts(self):
        """Draft the counts that fall due: each department with assets every
        ``hospital_asset_count_department_months``, the hospital every
        ``hospital_asset_count_hospital_months``."""
        today = fields.Date.context_today(self)
        Count = self.sudo()
        for company in self.env["res.company"].sudo().search([], limit=None):
            last = {
                department.id: date
                for department, date in Count._read_group(
                    [
                        ("company_id", "=", company.id),
                        ("kind", "=", "department"),
                        ("state", "!=", "cancel"),
                    ],
                    ["department_id"],
                    ["date:max"],
                )
            }
            departments = [
                department
                for [department] in self.env["maintenance.equipment"]
                .sudo()
                ._read_group(
                    [
                        ("company_id", "=", company.id),
                        ("hospital_asset_state", "=", "in_use"),
                        ("department_id", "!=", False),
                    ],
                    ["department_id"],
                )
            ]
            due = today - relativedelta(
                months=company.hospital_asset_count_department_months
            )
            vals = [
                {"company_id": company.id, "kind": "department", "department_id": d.id}
                for d in departments
                if last.get(d.id) is None or last[d.id] <= due
            ]
            [[hospital_last]] = Count._read_group(
                [
                    ("company_id", "=", company.id),
                    ("kind", "=", "hospital"),
                    ("state", "!=", "cancel"),
                ],
                aggregates=["date:max"],
            )
            hospital_due = today - relativedelta(
                months=company.hospital_asset_count_hospital_months
            )
            if departments and (not hospital_last or hospital_last <= hospital_due):
                vals.append({"company_id": company.id, "kind": "hospital"})
            Count.create(vals)
