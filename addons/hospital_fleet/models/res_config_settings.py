from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

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
    hospital_fuel_alert_margin = fields.Float(
        related="company_id.hospital_fuel_alert_margin", readonly=False
    )
    hospital_fleet_deputy_director_id = fields.Many2one(
        related="company_id.hospital_fleet_deputy_director_id", readonly=False
    )
    hospital_fleet_director_id = fields.Many2one(
        related="company_id.hospital_fleet_director_id", readonly=False
    )
