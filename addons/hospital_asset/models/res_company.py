from odoo import api, fields, models

from odoo.addons.hospital_logistics.groups import LEADERSHIP


class ResCompany(models.Model):
    _inherit = "res.company"

    hospital_asset_count_department_months = fields.Integer(
        string="Department Asset Count Interval (months)",
        default=6,
        help="Each department counts its fixed assets at least this often.",
    )
    hospital_asset_count_hospital_months = fields.Integer(
        string="Hospital Asset Count Interval (months)",
        default=12,
        help="The hospital counts all its fixed assets at least this often.",
    )
    hospital_asset_scrap_meeting_amount = fields.Monetary(
        string="Scrap Amount for the President's Office Meeting",
        default=500.0,
        help="A scrap or write-off request whose unit value reaches this amount "
        "is approved by the president's office meeting; below it, by the "
        "deputy director.",
    )
    hospital_asset_deputy_director_id = fields.Many2one(
        "res.users",
        string="Deputy Director for Assets",
        domain=lambda self: [("all_group_ids", "in", self.env.ref(LEADERSHIP).ids)],
        help="Approves scrap requests below the office meeting amount. Empty: "
        "any member of the hospital leadership.",
    )

    @api.model
    def _hospital_threshold_kinds(self):
        return {
            **super()._hospital_threshold_kinds(),
            "hospital_asset_count_department_months": "period",
            "hospital_asset_count_hospital_months": "period",
            "hospital_asset_scrap_meeting_amount": "amount",
        }
