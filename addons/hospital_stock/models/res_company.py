from odoo import api, fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

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
    hospital_supply_promised_days = fields.Integer(
        string="Supply Promised Within (days)",
        default=1,
        help="The warehouse's promise: an approved requisition is issued within "
        "this many days of the department head's signature (the next day by "
        "default). Supply timeliness counts the requisitions issued in time.",
    )

    @api.model
    def _hospital_threshold_kinds(self):
        return {
            **super()._hospital_threshold_kinds(),
            "hospital_ward_check_days": "period",
            "hospital_expiry_warning_days": "period",
            "hospital_loss_approval_amount": "amount",
            "hospital_stocktake_months": "period",
            "hospital_supply_promised_days": "period",
        }
