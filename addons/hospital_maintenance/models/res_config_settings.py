from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    hospital_unsatisfied_rating = fields.Integer(
        related="company_id.hospital_unsatisfied_rating", readonly=False
    )
    hospital_handover_grace_minutes = fields.Integer(
        related="company_id.hospital_handover_grace_minutes", readonly=False
    )
