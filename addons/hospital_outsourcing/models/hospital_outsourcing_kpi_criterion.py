from odoo import api, fields, models
from odoo.exceptions import ValidationError

CRITERION_KINDS = [
    ("quality", "Service Quality"),
    ("response", "Response Speed"),
    ("competence", "Staff Competence"),
    ("upkeep", "Equipment Upkeep"),
    ("satisfaction", "Satisfaction"),
]
# Where the actual value of a criterion comes from, and which way is better.
SOURCES = [
    ("sla", "Service-desk SLA Compliance (%)"),
    ("interruption", "Service Interruption Rate (%)"),
    ("complaint", "Complaint Rate (%)"),
    ("inspection", "Inspection Deductions (points)"),
    ("survey", "Survey Satisfaction (%)"),
]
LOWER_IS_BETTER = ("interruption", "complaint", "inspection")


class HospitalOutsourcingKpiCriterion(models.Model):
    """One criterion of a KPI template: its weight is the points it gives
    out of 100, its target what earns all of them."""

    _name = "hospital.outsourcing.kpi.criterion"
    _description = "Outsourced Service KPI Criterion"
    _order = "template_id, sequence, id"

    template_id = fields.Many2one(
        "hospital.outsourcing.kpi.template",
        required=True,
        ondelete="cascade",
        index=True,
    )
    company_id = fields.Many2one(related="template_id.company_id", store=True)
    sequence = fields.Integer(default=10)
    name = fields.Char(required=True, translate=True)
    kind = fields.Selection(CRITERION_KINDS, required=True, default="quality")
    source = fields.Selection(
        SOURCES,
        required=True,
        default="inspection",
        help="What the actual value is measured from: the service desk's tickets "
        "assigned to the vendor, the inspections or the surveys.",
    )
    weight = fields.Float(
        string="Weight (%)",
        required=True,
        help="Points this criterion gives out of 100; an inspection finding "
        "deducts at most these points.",
    )
    target = fields.Float(
        help="Value that earns all the points: a minimum for SLA compliance and "
        "satisfaction, a maximum for interruption and complaint rates. Empty for "
        "inspections, whose deductions are taken from the points.",
    )

    _weight_positive = models.Constraint(
        "CHECK(weight > 0 AND weight <= 100)",
        "A criterion weighs more than 0 and at most 100 %.",
    )

    @api.constrains("target", "source")
    def _check_target(self):
        for criterion in self:
            if not 0 <= criterion.target <= 100:
                raise ValidationError(
                    self.env._(
                        "The target of “%(criterion)s” is a percentage between 0 "
                        "and 100.",
                        criterion=criterion.name,
                    )
                )

    @api.constrains("weight", "template_id")
    def _check_template_weights(self):
        self.template_id._check_weights()

    def _hospital_score(self, actual, has_data):
        """Points this criterion earns for ``actual``; all of them when the
        quarter gave nothing to measure."""
        self.ensure_one()
        if not has_data:
            return self.weight
        if self.source == "inspection":
            return max(self.weight - actual, 0.0)
        if self.source in LOWER_IS_BETTER:
            if actual <= self.target:
                return self.weight
            return self.weight * max(0.0, (100.0 - actual) / (100.0 - self.target or 1))
        if not self.target or actual >= self.target:
            return self.weight
        return self.weight * actual / self.target
