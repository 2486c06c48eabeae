from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    hospital_response_hours = fields.Float(
        related="company_id.hospital_response_hours", readonly=False
    )
    hospital_critical_response_hours = fields.Float(
        related="company_id.hospital_critical_response_hours", readonly=False
    )
    hospital_emergency_response_minutes = fields.Integer(
        related="company_id.hospital_emergency_response_minutes", readonly=False
    )
    hospital_resolution_hours = fields.Float(
        related="company_id.hospital_resolution_hours", readonly=False
    )
    hospital_report_back_hours = fields.Float(
        related="company_id.hospital_report_back_hours", readonly=False
    )
    hospital_autoclose_days = fields.Integer(
        related="company_id.hospital_autoclose_days", readonly=False
    )
    hospital_repair_approval_amount = fields.Monetary(
        related="company_id.hospital_repair_approval_amount",
        readonly=False,
        currency_field="hospital_currency_id",
    )
    hospital_generator_test_days = fields.Integer(
        related="company_id.hospital_generator_test_days", readonly=False
    )
    hospital_tool_inventory_months = fields.Integer(
        related="company_id.hospital_tool_inventory_months", readonly=False
    )
    hospital_unsatisfied_rating = fields.Integer(
        related="company_id.hospital_unsatisfied_rating", readonly=False
    )
    hospital_handover_grace_minutes = fields.Integer(
        related="company_id.hospital_handover_grace_minutes", readonly=False
    )
