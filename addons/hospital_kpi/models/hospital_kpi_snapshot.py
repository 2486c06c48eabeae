from odoo import api, fields, models

from .hospital_kpi_definition import DIRECTIONS

RESULTS = [("met", "Target Met"), ("missed", "Target Missed"), ("no_data", "No Data")]
TRENDS = [
    ("better", "Better"),
    ("worse", "Worse"),
    ("same", "Unchanged"),
    ("none", "No Comparison"),
]


class HospitalKpiSnapshot(models.Model):
    """One KPI's figure for one period, for one department or the whole
    hospital, with the target it was judged against and the comparison with
    the previous period and the same period a year before.  Written only by
    the period's computation (live while the period is open, for good once it
    is closed); nobody edits a figure."""

    _name = "hospital.kpi.snapshot"
    _description = "KPI Snapshot"
    _order = "date_from desc, area, sequence, department_id desc, id"
    _rec_name = "definition_id"

    period_id = fields.Many2one(
        "hospital.kpi.period", required=True, index=True, ondelete="cascade"
    )
    definition_id = fields.Many2one(
        "hospital.kpi.definition", string="KPI", required=True, ondelete="restrict"
    )
    company_id = fields.Many2one(related="period_id.company_id", store=True)
    period_kind = fields.Selection(
        related="period_id.kind", store=True, string="Period Kind"
    )
    date_from = fields.Date(related="period_id.date_from", store=True)
    period_state = fields.Selection(related="period_id.state", string="Period Status")
    area = fields.Selection(related="definition_id.area", store=True)
    sequence = fields.Integer(related="definition_id.sequence", store=True)
    department_id = fields.Many2one(
        "hr.department",
        index=True,
        help="Empty: the hospital-wide figure (Σ numerators ÷ Σ denominators "
        "of the departments).",
    )
    scope = fields.Char(compute="_compute_scope")
    numerator = fields.Float(readonly=True)
    denominator = fields.Float(readonly=True)
    value = fields.Float(string="Measured Value", readonly=True, aggregator="avg")
    has_value = fields.Boolean(
        readonly=True, help="Unticked when the denominator was zero: no data."
    )
    unit = fields.Char(related="definition_id.unit")
    target = fields.Float(string="Target Value", readonly=True, aggregator="avg")
    direction = fields.Selection(DIRECTIONS, readonly=True)
    result = fields.Selection(RESULTS, readonly=True, index=True)
    previous_value = fields.Float(string="Previous Period", readonly=True)
    previous_has_value = fields.Boolean(readonly=True)
    trend = fields.Selection(TRENDS, string="Trend vs Previous", readonly=True)
    last_year_value = fields.Float(string="Same Period Last Year", readonly=True)
    last_year_has_value = fields.Boolean(readonly=True)
    trend_last_year = fields.Selection(
        TRENDS, string="Trend vs Last Year", readonly=True
    )
    final = fields.Boolean(
        readonly=True, help="Stored when the period closed; otherwise a live figure."
    )
    value_display = fields.Char(string="Value", compute="_compute_displays")
    target_display = fields.Char(string="Target", compute="_compute_displays")
    previous_display = fields.Char(string="Previous", compute="_compute_displays")
    last_year_display = fields.Char(string="Last Year", compute="_compute_displays")

    @api.depends("department_id")
    def _compute_scope(self):
        for snapshot in self:
            snapshot.scope = snapshot.department_id.name or self.env._("Hospital-wide")

    @api.depends(
        "value", "has_value", "target", "unit", "previous_value", "last_year_value"
    )
    def _compute_displays(self):
        for snap in self:
            snap.value_display = snap._hospital_format(snap.value, snap.has_value)
            snap.target_display = "{} {}".format(
                "≥" if snap.direction == "higher" else "≤",
                snap._hospital_format(snap.target, True),
            )
            snap.previous_display = snap._hospital_format(
                snap.previous_value, snap.previous_has_value
            )
            snap.last_year_display = snap._hospital_format(
                snap.last_year_value, snap.last_year_has_value
            )

    def _hospital_format(self, value, has_value):
        """A figure as printed: ``96.5 %``, or "no data" when nothing was
        measured (never 0 %)."""
        if not has_value:
            return self.env._("no data")
        return f"{value:,.2f}".rstrip("0").rstrip(".") + (
            f" {self.unit}" if self.unit else ""
        )

    @api.model
    def _hospital_values(
        self, period, definition, department_id, numerator, denominator, earlier
    ):
        """Values of the snapshot of ``definition`` for ``department_id``
        (False: the hospital) in ``period``; ``earlier`` holds the figures of
        the periods compared with (see ``_hospital_comparison_figures``)."""
        has_value = bool(denominator)
        value = definition.factor * numerator / denominator if has_value else 0.0
        previous = earlier.get(("previous", definition.id, department_id), (0.0, False))
        last_year = earlier.get(
            ("last_year", definition.id, department_id), (0.0, False)
        )
        target = definition._hospital_target(last_year)
        if not has_value:
            result = "no_data"
        elif definition._hospital_is_met(value, target):
            result = "met"
        else:
            result = "missed"
        return {
            "period_id": period.id,
            "definition_id": definition.id,
            "department_id": department_id,
            "numerator": numerator,
            "denominator": denominator,
            "value": value,
            "has_value": has_value,
            "target": target,
            "direction": definition.direction,
            "result": result,
            "previous_value": previous[0],
            "previous_has_value": previous[1],
            "trend": self._hospital_trend(definition, (value, has_value), previous),
            "last_year_value": last_year[0],
            "last_year_has_value": last_year[1],
            "trend_last_year": self._hospital_trend(
                definition, (value, has_value), last_year
            ),
        }

    @api.model
    def _hospital_trend(self, definition, now, before):
        if not (now[1] and before[1]):
            return "none"
        if abs(now[0] - before[0]) < 1e-9:
            return "same"
        improved = now[0] > before[0]
        if definition.direction == "lower":
            improved = not improved
        return "better" if improved else "worse"
