from odoo import api, fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    hospital_licence_reminder_days = fields.Integer(
        string="Licence Reminder (days before expiry)",
        default=30,
        help="A licence whose type sets no reminder of its own is reminded to "
        "its holder and to the logistics office this many days before it "
        "expires; from then on it is shown as expiring.",
    )

    @api.model
    def _hospital_threshold_kinds(self):
        return {
            **super()._hospital_threshold_kinds(),
            "hospital_licence_reminder_days": "period",
        }
