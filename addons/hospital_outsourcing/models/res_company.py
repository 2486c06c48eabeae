from dateutil.relativedelta import relativedelta

from odoo import api, fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    hospital_vendor_kpi_target = fields.Float(
        string="Vendor KPI Compliance Target (%)",
        default=95.0,
        help="A vendor's quarterly score (out of 100) must reach this: below it "
        "the agreement's payment deduction and a warning apply.",
    )
    hospital_vendor_interruption_max = fields.Float(
        string="Vendor Service Interruption Limit (%)",
        default=3.0,
        help="Share of a vendor's tickets that interrupted the service; the rate "
        "must stay below this.",
    )
    hospital_vendor_satisfaction_target = fields.Float(
        string="Vendor Satisfaction Target (%)",
        default=90.0,
        help="Average score of the staff and patient surveys about a vendor.",
    )
    hospital_vendor_evaluation_months = fields.Integer(
        string="Vendor Evaluation Period (months)",
        default=3,
        help="Length of a vendor evaluation (a quarter by default).",
    )

    @api.model
    def _hospital_threshold_kinds(self):
        return {
            **super()._hospital_threshold_kinds(),
            "hospital_vendor_kpi_target": "percent",
            "hospital_vendor_interruption_max": "percent",
            "hospital_vendor_satisfaction_target": "percent",
            "hospital_vendor_evaluation_months": "period",
        }

    # The one place the vendor thresholds are read. ------------------------
    def _hospital_vendor_targets(self):
        """``{kpi_target, interruption_max, satisfaction_target}``."""
        self.ensure_one()
        return {
            "kpi_target": self.hospital_vendor_kpi_target,
            "interruption_max": self.hospital_vendor_interruption_max,
            "satisfaction_target": self.hospital_vendor_satisfaction_target,
        }

    def _hospital_vendor_period_end(self, date_from):
        """End (excluded) of the evaluation period starting on ``date_from``."""
        self.ensure_one()
        return date_from + relativedelta(months=self.hospital_vendor_evaluation_months)
