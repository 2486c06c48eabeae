from odoo import api, fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    hospital_kpi_queue_threshold = fields.Integer(
        string="KPI Figures Closed in the Background",
        default=2000,
        help="A period whose closing computes more figures than this (KPIs × "
        "departments) is closed by a background job instead of at once.",
    )

    @api.model
    def _hospital_threshold_kinds(self):
        return {
            **super()._hospital_threshold_kinds(),
            "hospital_kpi_queue_threshold": "count",
        }
