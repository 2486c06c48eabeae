from odoo import api, fields, models
from odoo.fields import Domain


class HospitalContractQualification(models.Model):
    _inherit = "hospital.contract.qualification"

    kind = fields.Selection(
        selection_add=[("food_licence", "Food Business Licence (食品经营许可证)")],
        ondelete={"food_licence": "cascade"},
    )

    @api.model
    def _hospital_food_licensed(self, partners, on_date):
        """The partners among ``partners`` (commercial entities) holding a
        food business licence valid on ``on_date``, in one query."""
        licences = self.sudo().search(
            Domain("partner_id", "in", partners.ids)
            & Domain("kind", "=", "food_licence")
            & (Domain("date_issue", "=", False) | Domain("date_issue", "<=", on_date))
            & (Domain("date_expiry", "=", False) | Domain("date_expiry", ">=", on_date))
        )
        return licences.partner_id
