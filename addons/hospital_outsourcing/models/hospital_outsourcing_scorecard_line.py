from odoo import fields, models

from .hospital_outsourcing_kpi_criterion import SOURCES


class HospitalOutsourcingScorecardLine(models.Model):
    """One criterion of a scorecard: its target, the quarter's actual value
    and the points it earned."""

    _name = "hospital.outsourcing.scorecard.line"
    _description = "Outsourced Service Scorecard Criterion"
    _inherit = ["hospital.workflow.line.mixin"]
    _order = "scorecard_id, id"

    _hospital_document_field = "scorecard_id"
    _hospital_workflow_fields = (
        "criterion_id",
        "name",
        "source",
        "weight",
        "target",
        "actual",
        "has_data",
        "points",
    )

    scorecard_id = fields.Many2one(
        "hospital.outsourcing.scorecard", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(related="scorecard_id.company_id", store=True)
    criterion_id = fields.Many2one("hospital.outsourcing.kpi.criterion", readonly=True)
    name = fields.Char(readonly=True)
    source = fields.Selection(SOURCES, readonly=True)
    weight = fields.Float(string="Weight (%)", readonly=True)
    target = fields.Float(readonly=True)
    actual = fields.Float(readonly=True)
    has_data = fields.Boolean(string="Measured", readonly=True)
    points = fields.Float(readonly=True)
