from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    hospital_currency_id = fields.Many2one(related="company_id.currency_id")
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
    hospital_ward_check_days = fields.Integer(
        related="company_id.hospital_ward_check_days", readonly=False
    )
    hospital_expiry_warning_days = fields.Integer(
        related="company_id.hospital_expiry_warning_days", readonly=False
    )
    hospital_loss_approval_amount = fields.Monetary(
        related="company_id.hospital_loss_approval_amount",
        readonly=False,
        currency_field="hospital_currency_id",
    )
    hospital_stocktake_months = fields.Integer(
        related="company_id.hospital_stocktake_months", readonly=False
    )
    hospital_vehicle_request_lead_hours = fields.Float(
        related="company_id.hospital_vehicle_request_lead_hours", readonly=False
    )
    hospital_vehicle_ready_minutes = fields.Integer(
        related="company_id.hospital_vehicle_ready_minutes", readonly=False
    )
    hospital_vehicle_repair_deputy_limit = fields.Monetary(
        related="company_id.hospital_vehicle_repair_deputy_limit",
        readonly=False,
        currency_field="hospital_currency_id",
    )
    hospital_penalty_no_driver = fields.Monetary(
        related="company_id.hospital_penalty_no_driver",
        readonly=False,
        currency_field="hospital_currency_id",
    )
    hospital_penalty_no_dispatch = fields.Monetary(
        related="company_id.hospital_penalty_no_dispatch",
        readonly=False,
        currency_field="hospital_currency_id",
    )
    hospital_penalty_private_use = fields.Monetary(
        related="company_id.hospital_penalty_private_use",
        readonly=False,
        currency_field="hospital_currency_id",
    )
    hospital_penalty_drunk_driving = fields.Monetary(
        related="company_id.hospital_penalty_drunk_driving",
        readonly=False,
        currency_field="hospital_currency_id",
    )
    hospital_penalty_wrong_parking = fields.Monetary(
        related="company_id.hospital_penalty_wrong_parking",
        readonly=False,
        currency_field="hospital_currency_id",
    )
    hospital_accident_hospital_share = fields.Float(
        related="company_id.hospital_accident_hospital_share", readonly=False
    )
    hospital_tender_amount = fields.Monetary(
        related="company_id.hospital_tender_amount",
        readonly=False,
        currency_field="hospital_currency_id",
    )
    hospital_tender_min_bidders = fields.Integer(
        related="company_id.hospital_tender_min_bidders", readonly=False
    )
    hospital_negotiation_min_parties = fields.Integer(
        related="company_id.hospital_negotiation_min_parties", readonly=False
    )
    hospital_budget_estimate_amount = fields.Monetary(
        related="company_id.hospital_budget_estimate_amount",
        readonly=False,
        currency_field="hospital_currency_id",
    )
    hospital_works_archive_months = fields.Integer(
        related="company_id.hospital_works_archive_months", readonly=False
    )
    hospital_budget_review_months = fields.Integer(
        related="company_id.hospital_budget_review_months", readonly=False
    )
    hospital_major_contract_amount = fields.Monetary(
        related="company_id.hospital_major_contract_amount",
        readonly=False,
        currency_field="hospital_currency_id",
    )
    hospital_major_contract_years = fields.Integer(
        related="company_id.hospital_major_contract_years", readonly=False
    )
    hospital_archive_retention_years = fields.Integer(
        related="company_id.hospital_archive_retention_years", readonly=False
    )
    hospital_archive_investment_amount = fields.Monetary(
        related="company_id.hospital_archive_investment_amount",
        readonly=False,
        currency_field="hospital_currency_id",
    )
    hospital_short_contract_months = fields.Integer(
        related="company_id.hospital_short_contract_months", readonly=False
    )
    hospital_short_contract_keep_years = fields.Integer(
        related="company_id.hospital_short_contract_keep_years", readonly=False
    )
    hospital_vendor_kpi_target = fields.Float(
        related="company_id.hospital_vendor_kpi_target", readonly=False
    )
    hospital_vendor_interruption_max = fields.Float(
        related="company_id.hospital_vendor_interruption_max", readonly=False
    )
    hospital_vendor_satisfaction_target = fields.Float(
        related="company_id.hospital_vendor_satisfaction_target", readonly=False
    )
    hospital_vendor_evaluation_months = fields.Integer(
        related="company_id.hospital_vendor_evaluation_months", readonly=False
    )
    hospital_asset_count_dept_months = fields.Integer(
        related="company_id.hospital_asset_count_dept_months", readonly=False
    )
    hospital_asset_count_hospital_months = fields.Integer(
        related="company_id.hospital_asset_count_hospital_months", readonly=False
    )
    hospital_scrap_meeting_amount = fields.Monetary(
        related="company_id.hospital_scrap_meeting_amount",
        readonly=False,
        currency_field="hospital_currency_id",
    )
    hospital_kpi_evaluation_months = fields.Integer(
        related="company_id.hospital_kpi_evaluation_months", readonly=False
    )
    hospital_supply_timeliness_target = fields.Float(
        related="company_id.hospital_supply_timeliness_target", readonly=False
    )
    hospital_target_response_time_reduction = fields.Float(
        related="company_id.hospital_target_response_time_reduction", readonly=False
    )
    hospital_target_satisfaction_increase = fields.Float(
        related="company_id.hospital_target_satisfaction_increase", readonly=False
    )
    hospital_target_procurement_cost_reduction = fields.Float(
        related="company_id.hospital_target_procurement_cost_reduction", readonly=False
    )
