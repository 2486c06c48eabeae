from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.hospital_logistics.groups import MANAGER

DIRECTIONS = [("higher", "Higher is better"), ("lower", "Lower is better")]
PERIOD_KINDS = [("quarter", "Quarter"), ("month", "Month")]


class HospitalKpiDefinition(models.Model):
    """One KPI of the hospital's evaluation, for one company: what the KPI
    source of the owning addon computes, with the target and cadence the
    hospital chose (DOMAIN.md §8).  Definitions are synced from
    ``hospital.kpi.source``: a source of a newly installed addon adds one, a
    source whose addon left archives it."""

    _name = "hospital.kpi.definition"
    _description = "KPI Definition"
    _inherit = ["mail.thread"]
    _order = "area, sequence, id"
    _check_company_auto = True

    code = fields.Char(required=True, readonly=True, index=True)
    name = fields.Char(required=True, translate=True, tracking=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True, tracking=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    area = fields.Selection(
        selection="_selection_area", required=True, default="other", tracking=True
    )
    unit = fields.Char(
        translate=True, tracking=True, help="Printed after the value: %, h, ¥/km..."
    )
    direction = fields.Selection(
        DIRECTIONS, required=True, default="higher", tracking=True
    )
    factor = fields.Float(
        default=1.0,
        readonly=True,
        help="Value = factor × numerator ÷ denominator (100 for a rate).",
    )
    target = fields.Float(
        required=True,
        tracking=True,
        help="The value the logistics department is evaluated against: at "
        "least this when higher is better, at most this when lower is better.",
    )
    target_change = fields.Float(
        string="Change vs Last Year (%)",
        tracking=True,
        help="A target from the plans, relative to the same period a year "
        "before: -20 for response time 20 % shorter, +30 for satisfaction 30 % "
        "higher. When last year has a figure, the target is that figure changed "
        "by this much (a rate capped at 100 %); otherwise the target above.",
    )
    period_kind = fields.Selection(
        PERIOD_KINDS,
        string="Evaluated Every",
        required=True,
        default="quarter",
        tracking=True,
        help="Quarterly KPIs are computed for quarters; monthly ones for months "
        "and for the quarters too.",
    )
    source_available = fields.Boolean(
        readonly=True,
        default=True,
        help="Unticked when the addon offering this KPI is no longer installed.",
    )
    description = fields.Text()

    _code_company_unique = models.Constraint(
        "UNIQUE(code, company_id)", "A KPI is defined once per hospital."
    )

    @api.model
    def _selection_area(self):
        return self.env["hospital.kpi.source"]._hospital_kpi_areas()

    @api.constrains("target", "unit", "target_change")
    def _check_target(self):
        for definition in self:
            if not -100 < definition.target_change <= 1000:
                raise ValidationError(
                    self.env._(
                        "The change of %(kpi)s against last year is a percentage "
                        "above -100 and at most 1000.",
                        kpi=definition.name,
                    )
                )
            if definition.target < 0:
                raise ValidationError(
                    self.env._(
                        "The target of %(kpi)s cannot be negative.",
                        kpi=definition.name,
                    )
                )
            if definition.unit == "%" and definition.target > 100:
                raise ValidationError(
                    self.env._(
                        "The target of %(kpi)s is a percentage: at most 100.",
                        kpi=definition.name,
                    )
                )

    @api.constrains("area")
    def _check_area(self):
        # The areas come from a method: Odoo does not refuse an unknown one.
        areas = dict(self._selection_area())
        for definition in self:
            if definition.area not in areas:
                raise ValidationError(
                    self.env._(
                        "“%(area)s” is not an area of the evaluation.",
                        area=definition.area,
                    )
                )

    def _hospital_target(self, last_year):
        """The target of a figure whose same period last year is
        ``(value, has value)``: the plan's change on last year's figure when
        there is one and a change is set, else the fixed target."""
        self.ensure_one()
        value, has_value = last_year
        if not (self.target_change and has_value):
            return self.target
        target = value * (1 + self.target_change / 100.0)
        return min(target, 100.0) if self.unit == "%" else max(target, 0.0)

    def _hospital_is_met(self, value, target):
        """Whether ``value`` reaches ``target``, the way this KPI is read."""
        self.ensure_one()
        if self.direction == "higher":
            return value >= target
        return value <= target

    def action_sync_sources(self):
        if not self.env.user.has_group(MANAGER):
            raise UserError(
                self.env._("Only a logistics manager syncs the KPI definitions.")
            )
        self.sudo()._hospital_sync_sources()
        return True

    @api.model
    def _hospital_sync_sources(self, archive=True):
        """Make the definitions match the installed KPI sources, in every
        company: create the missing ones with the source's defaults, bring
        back those whose addon returned, archive those whose addon left
        (unless ``archive`` is false).  The hospital's own choices (target,
        cadence, active) are kept."""
        # The labels are stored in English, then in every installed language.
        self = self.with_context(lang="en_US")  # noqa: PLW0642
        Source = self.env["hospital.kpi.source"]
        sources = Source._hospital_kpi_sources()
        companies = self.env["res.company"].search([("active", "=", True)])
        existing = self.with_context(active_test=False).search(
            [("company_id", "in", companies.ids)]
        )
        by_key = {(d.company_id.id, d.code): d for d in existing}
        to_create = []
        for company in companies:
            for sequence, (code, spec) in enumerate(sources.items(), start=1):
                definition = by_key.get((company.id, code))
                if not definition:
                    to_create.append(
                        {
                            "code": code,
                            "name": spec["name"],
                            "sequence": sequence,
                            "company_id": company.id,
                            "area": spec["area"],
                            "unit": spec["unit"],
                            "direction": spec["direction"],
                            "factor": spec["factor"],
                            "target": spec["target"],
                        }
                    )
                elif not definition.source_available:
                    definition.write({"source_available": True, "active": True})
        created = self.create(to_create)
        if archive:
            gone = existing.filtered(
                lambda d: d.code not in sources and d.source_available
            )
            gone.write({"source_available": False, "active": False})
        created._hospital_translate_names(sources)
        return created

    def _hospital_translate_names(self, sources):
        """Store the source's label in every installed language, so that the
        evaluation reads 按时响应率 to a Chinese reader."""
        langs = [code for code, _name in self.env["res.lang"].get_installed()]
        for lang in langs:
            if lang == "en_US":
                continue
            labels = self.env["hospital.kpi.source"].with_context(lang=lang)
            labels = labels._hospital_kpi_sources()
            for definition in self.with_context(lang=lang):
                spec = labels[definition.code]
                definition.write({"name": spec["name"], "unit": spec["unit"]})
