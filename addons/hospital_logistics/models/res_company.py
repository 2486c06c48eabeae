from odoo import api, fields, models
from odoo.exceptions import ValidationError

# Every threshold of DOMAIN.md lives on the company, and only here.  The kind
# of a threshold decides what counts as nonsense:
#   amount  - money in the company currency, may be 0 but never negative
#   period  - a duration or an interval, strictly positive
#   count   - a number of people or parties, at least 1
#   percent - a share or a target, between 0 and 100
HOSPITAL_THRESHOLD_KINDS = {
    # 1. One-stop service desk
    "hospital_response_hours": "period",
    "hospital_critical_response_hours": "period",
    "hospital_emergency_response_minutes": "period",
    "hospital_resolution_hours": "period",
    "hospital_report_back_hours": "period",
    "hospital_autoclose_days": "period",
    "hospital_repair_approval_amount": "amount",
    "hospital_generator_test_days": "period",
    "hospital_tool_inventory_months": "period",
    # 2. Ward custody of consumables
    "hospital_ward_check_days": "period",
    "hospital_expiry_warning_days": "period",
    "hospital_loss_approval_amount": "amount",
    "hospital_stocktake_months": "period",
    # 3. Vehicles
    "hospital_vehicle_request_lead_hours": "period",
    "hospital_vehicle_ready_minutes": "period",
    "hospital_vehicle_repair_deputy_limit": "amount",
    "hospital_penalty_no_driver": "amount",
    "hospital_penalty_no_dispatch": "amount",
    "hospital_penalty_private_use": "amount",
    "hospital_penalty_drunk_driving": "amount",
    "hospital_penalty_wrong_parking": "amount",
    "hospital_accident_hospital_share": "percent",
    # 4. Procurement and tenders
    "hospital_tender_amount": "amount",
    "hospital_tender_min_bidders": "count",
    "hospital_negotiation_min_parties": "count",
    "hospital_budget_estimate_amount": "amount",
    "hospital_works_archive_months": "period",
    "hospital_budget_review_months": "period",
    # 5. Contracts
    "hospital_major_contract_amount": "amount",
    "hospital_major_contract_years": "period",
    "hospital_archive_retention_years": "period",
    "hospital_archive_investment_amount": "amount",
    "hospital_short_contract_months": "period",
    "hospital_short_contract_keep_years": "period",
    # 6. Outsourced services
    "hospital_vendor_kpi_target": "percent",
    "hospital_vendor_interruption_max": "percent",
    "hospital_vendor_satisfaction_target": "percent",
    "hospital_vendor_evaluation_months": "period",
    # 7. Fixed assets and disposal
    "hospital_asset_count_dept_months": "period",
    "hospital_asset_count_hospital_months": "period",
    "hospital_scrap_meeting_amount": "amount",
    # 8. Performance evaluation
    "hospital_kpi_evaluation_months": "period",
    "hospital_supply_timeliness_target": "percent",
    "hospital_target_response_time_reduction": "percent",
    "hospital_target_satisfaction_increase": "percent",
    "hospital_target_procurement_cost_reduction": "percent",
}


class ResCompany(models.Model):
    _inherit = "res.company"

    # 1. One-stop service desk
    hospital_response_hours = fields.Float(
        string="Fault Response Time (h)",
        default=4.0,
        help="Equipment faults must be answered within this many hours.",
    )
    hospital_critical_response_hours = fields.Float(
        string="Critical Area Response Time (h)",
        default=1.0,
        help="Response time for requests from critical areas (ICU, OR, ER).",
    )
    hospital_emergency_response_minutes = fields.Integer(
        string="Emergency Dispatch Time (min)",
        default=15,
        help="Rescue-critical repairs (抢救/抢修) are dispatched within this many "
        "minutes.",
    )
    hospital_resolution_hours = fields.Float(
        string="Resolution Time (h)",
        default=24.0,
        help="Default time to resolve a request once it has been reported.",
    )
    hospital_report_back_hours = fields.Float(
        string="Technician Report-back Time (h)",
        default=2.0,
        help="Technicians report back within this many hours of being assigned "
        "(限时复命), otherwise the request is escalated.",
    )
    hospital_autoclose_days = fields.Integer(
        string="Auto-close Unconfirmed After (days)",
        default=3,
        help="Completed requests that the requester does not confirm are closed "
        "after this many days.",
    )
    hospital_repair_approval_amount = fields.Monetary(
        string="Repair Cost Needing Approval",
        default=1000.0,
        help="Repairs costing more than this go through approval.",
    )
    hospital_generator_test_days = fields.Integer(
        string="Backup Generator Test Interval (days)", default=7
    )
    hospital_tool_inventory_months = fields.Integer(
        string="Tool Inventory Interval (months)", default=6
    )
    # 2. Ward custody of consumables
    hospital_ward_check_days = fields.Integer(
        string="Ward Stock Check Interval (days)",
        default=7,
        help="Every ward location must be counted at least this often.",
    )
    hospital_expiry_warning_days = fields.Integer(
        string="Near-expiry Warning (days)",
        default=30,
        help="Sterile single-use items expiring within this many days are flagged.",
    )
    hospital_loss_approval_amount = fields.Monetary(
        string="Unexplained Loss Needing Approval",
        default=500.0,
        help="Unexplained reconciliation losses above this value need approval.",
    )
    hospital_stocktake_months = fields.Integer(
        string="Warehouse Stocktake Interval (months)", default=3
    )
    # 3. Vehicles
    hospital_vehicle_request_lead_hours = fields.Float(
        string="Vehicle Request Lead Time (h)",
        default=24.0,
        help="Vehicle requests are made at least this long before departure, "
        "except emergencies (dispatch first, paperwork after).",
    )
    hospital_vehicle_ready_minutes = fields.Integer(
        string="Driver Ready Time (min)", default=10
    )
    hospital_vehicle_repair_deputy_limit = fields.Monetary(
        string="Vehicle Repair Limit for Deputy Director",
        default=1000.0,
        help="Vehicle repairs up to this amount are approved by the deputy "
        "director, above it by the director.",
    )
    hospital_penalty_no_driver = fields.Monetary(
        string="Penalty: Driving Without Assigned Driver", default=100.0
    )
    hospital_penalty_no_dispatch = fields.Monetary(
        string="Penalty: Trip Without Dispatch", default=100.0
    )
    hospital_penalty_private_use = fields.Monetary(
        string="Penalty: Private Use Without Approval", default=100.0
    )
    hospital_penalty_drunk_driving = fields.Monetary(
        string="Penalty: Drunk or Illegal Driving", default=1000.0
    )
    hospital_penalty_wrong_parking = fields.Monetary(
        string="Penalty: Wrong Parking", default=20.0
    )
    hospital_accident_hospital_share = fields.Float(
        string="Accident Costs Borne by Hospital (%)",
        default=30.0,
        help="Share of accident costs beyond insurance paid by the hospital; "
        "the driver pays the rest.",
    )
    # 4. Procurement and tenders
    hospital_tender_amount = fields.Monetary(
        string="Works Needing Tender or Negotiation",
        default=100000.0,
        help="Construction and repair works above this amount need a tender or a "
        "negotiation.",
    )
    hospital_tender_min_bidders = fields.Integer(
        string="Minimum Bidders in a Tender", default=4
    )
    hospital_negotiation_min_parties = fields.Integer(
        string="Minimum Parties in a Negotiation", default=2
    )
    hospital_budget_estimate_amount = fields.Monetary(
        string="Works Needing a Budget Estimate", default=1000.0
    )
    hospital_works_archive_months = fields.Integer(
        string="Works Archive Hand-over (months)",
        default=3,
        help="Works archives go to the archive office within this many months of "
        "completion.",
    )
    hospital_budget_review_months = fields.Integer(
        string="Budget Execution Review (months)", default=6
    )
    # 5. Contracts
    hospital_major_contract_amount = fields.Monetary(
        string="Major Contract Amount",
        default=1000000.0,
        help="Contracts at or above this amount go to the president's office meeting.",
    )
    hospital_major_contract_years = fields.Integer(
        string="Major Contract Duration (years)", default=5
    )
    hospital_archive_retention_years = fields.Integer(
        string="Retention Sent to Hospital Archive (years)",
        default=16,
        help="Contracts kept at least this long are transferred to the hospital "
        "archive office.",
    )
    hospital_archive_investment_amount = fields.Monetary(
        string="Investment Contract Sent to Archive", default=1000000.0
    )
    hospital_short_contract_months = fields.Integer(
        string="Short-term Contract (months)",
        default=12,
        help="Contracts whose term is shorter than this are short-term.",
    )
    hospital_short_contract_keep_years = fields.Integer(
        string="Short-term Contract Kept After Expiry (years)", default=2
    )
    # 6. Outsourced services
    hospital_vendor_kpi_target = fields.Float(
        string="Vendor KPI Compliance Target (%)", default=95.0
    )
    hospital_vendor_interruption_max = fields.Float(
        string="Vendor Service Interruption Limit (%)", default=3.0
    )
    hospital_vendor_satisfaction_target = fields.Float(
        string="Vendor Satisfaction Target (%)", default=90.0
    )
    hospital_vendor_evaluation_months = fields.Integer(
        string="Vendor Evaluation Period (months)", default=3
    )
    # 7. Fixed assets and disposal
    hospital_asset_count_dept_months = fields.Integer(
        string="Department Asset Count Interval (months)", default=6
    )
    hospital_asset_count_hospital_months = fields.Integer(
        string="Hospital Asset Count Interval (months)", default=12
    )
    hospital_scrap_meeting_amount = fields.Monetary(
        string="Scrap Unit Value for Office Meeting",
        default=500.0,
        help="Scrapping an item of this unit value or more is approved by the "
        "president's office meeting; below it, by the deputy director.",
    )
    # 8. Performance evaluation
    hospital_kpi_evaluation_months = fields.Integer(
        string="KPI Evaluation Period (months)", default=3
    )
    hospital_supply_timeliness_target = fields.Float(
        string="Supply Timeliness Target (%)", default=98.0
    )
    hospital_target_response_time_reduction = fields.Float(
        string="Target: Response Time Reduction (%)", default=20.0
    )
    hospital_target_satisfaction_increase = fields.Float(
        string="Target: Satisfaction Increase (%)", default=30.0
    )
    hospital_target_procurement_cost_reduction = fields.Float(
        string="Target: Procurement Cost Reduction (%)", default=15.0
    )

    @api.model
    def _hospital_threshold_kinds(self):
        """Thresholds of the suite and their kind; addons adding a threshold
        extend this so that it is validated like the others."""
        return dict(HOSPITAL_THRESHOLD_KINDS)

    @api.constrains(lambda self: tuple(self._hospital_threshold_kinds()))
    def _check_hospital_thresholds(self):
        for company in self:
            for fname, kind in company._hospital_threshold_kinds().items():
                company._check_hospital_threshold(fname, kind)
            if company.hospital_negotiation_min_parties > (
                company.hospital_tender_min_bidders
            ):
                raise ValidationError(
                    self.env._(
                        "A negotiation cannot require more parties (%(parties)s) "
                        "than a tender requires bidders (%(bidders)s).",
                        parties=company.hospital_negotiation_min_parties,
                        bidders=company.hospital_tender_min_bidders,
                    )
                )

    def _check_hospital_threshold(self, fname, kind):
        self.ensure_one()
        value = self[fname]
        label = self._fields[fname].get_description(self.env)["string"]
        if kind == "amount" and value < 0:
            raise ValidationError(
                self.env._("“%(setting)s” cannot be negative.", setting=label)
            )
        if kind == "period" and value <= 0:
            raise ValidationError(
                self.env._("“%(setting)s” must be greater than zero.", setting=label)
            )
        if kind == "count" and value < 1:
            raise ValidationError(
                self.env._("“%(setting)s” must be at least 1.", setting=label)
            )
        if kind == "percent" and not 0 <= value <= 100:
            raise ValidationError(
                self.env._(
                    "“%(setting)s” is a percentage: it must lie between 0 and 100.",
                    setting=label,
                )
            )

    def _hospital_demo_identity(self):
        """Demo data: make the company the demo hospital.

        Called by the suite's demo files that load after Odoo's stock demo,
        which renames the main company "My Company (San Francisco)". The
        hospital keeps its books in yuan unless accounting has already booked
        entries in another currency (it refuses the change then).
        """
        cny = self.env.ref("base.CNY")
        cny.active = True
        for company in self:
            company.write(
                {
                    "name": "滨江市第一人民医院",
                    "street": "健康路 88 号",
                    "city": "滨江市",
                    "country_id": self.env.ref("base.cn").id,
                    "phone": "0571-8800 1200",
                }
            )
            booked = "account.move.line" in self.env and self.env[
                "account.move.line"
            ].sudo().search_count([("company_id", "=", company.id)], limit=1)
            if not booked:
                company.currency_id = cny

    @api.model
    def _hospital_threshold_selection(self):
        """Thresholds a tier definition may compare a document against."""
        return [
            (fname, self._fields[fname].get_description(self.env)["string"])
            for fname, kind in self._hospital_threshold_kinds().items()
            if kind in ("amount", "period", "count")
        ]
