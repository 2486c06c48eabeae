from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import float_compare

SERVICE_TYPES = [
    ("cleaning", "Cleaning"),
    ("security", "Security"),
    ("greening", "Greening"),
    ("catering", "Catering"),
    ("equipment", "Equipment Maintenance"),
    ("distribution", "Material Distribution"),
    ("transport", "Patient Transport"),
]


class HospitalOutsourcingKpiTemplate(models.Model):
    """The KPIs a vendor of one service type is scored on: criteria whose
    weights add up to 100 points."""

    _name = "hospital.outsourcing.kpi.template"
    _description = "Outsourced Service KPI Template"
    _inherit = ["mail.thread"]
    _order = "service_type, name"

    name = fields.Char(required=True, translate=True, tracking=True)
    service_type = fields.Selection(SERVICE_TYPES, required=True, tracking=True)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    criterion_ids = fields.One2many(
        "hospital.outsourcing.kpi.criterion", "template_id", string="Criteria"
    )
    total_weight = fields.Float(
        string="Total Weight (%)", compute="_compute_total_weight", store=True
    )

    @api.depends("criterion_ids.weight")
    def _compute_total_weight(self):
        for template in self:
            template.total_weight = sum(template.criterion_ids.mapped("weight"))

    @api.constrains("criterion_ids")
    def _check_weights(self):
        for template in self:
            if template.criterion_ids and float_compare(
                sum(template.criterion_ids.mapped("weight")), 100.0, precision_digits=2
            ):
                raise ValidationError(
                    self.env._(
                        "The criteria of “%(template)s” weigh %(total)s %% in all: "
                        "the weights of a KPI template add up to 100 %%.",
                        template=template.name,
                        total=round(sum(template.criterion_ids.mapped("weight")), 2),
                    )
                )
