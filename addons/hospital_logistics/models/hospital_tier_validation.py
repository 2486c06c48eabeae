from odoo import models


class HospitalTierValidation(models.AbstractModel):
    """Tier validation whose tiers may compare a document with a setting.

    Documents of the suite inherit this instead of ``tier.validation`` so that a
    tier such as "repair cost exceeds the repair approval amount" follows the
    threshold in Settings instead of a number frozen into a domain.
    """

    _name = "hospital.tier.validation"
    _inherit = ["tier.validation"]
    _description = "Hospital Tier Validation"

    def evaluate_tier(self, tier):
        if tier.definition_type != "hospital_threshold":
            return super().evaluate_tier(tier)
        return (
            super()
            .evaluate_tier(tier)
            .filtered(
                lambda rec: tier._hospital_threshold_reached(rec, rec._get_company())
            )
        )
