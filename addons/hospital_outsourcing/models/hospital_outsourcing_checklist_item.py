from odoo import fields, models

from .hospital_outsourcing_kpi_criterion import CRITERION_KINDS
from .hospital_outsourcing_kpi_template import SERVICE_TYPES


class HospitalOutsourcingChecklistItem(models.Model):
    """A point an inspector checks on site for one service type."""

    _name = "hospital.outsourcing.checklist.item"
    _description = "Outsourced Service Inspection Checklist Item"
    _order = "service_type, sequence, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    service_type = fields.Selection(SERVICE_TYPES, required=True)
    kind = fields.Selection(
        CRITERION_KINDS,
        string="Criterion Kind",
        required=True,
        default="quality",
        help="A finding deducts points from the criterion of this kind of the "
        "vendor's KPI template.",
    )
    default_deduction = fields.Float(string="Default Deduction (points)", default=1.0)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
