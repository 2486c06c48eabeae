from odoo import models

from .hospital_workflow_mixin import hospital_transition


class HospitalTierValidation(models.AbstractModel):
    """Tier validation for the suite's documents.

    Documents of the suite inherit this instead of ``tier.validation``:

    - a tier may compare the document with a setting (tier type
      ``hospital_threshold``), so that "repair cost exceeds the repair
      approval amount" follows the threshold in Settings instead of a number
      frozen into a domain;
    - its reviews are given only through the document's buttons: asking for
      validation, validating, rejecting and restarting are transitions of the
      document, and ``tier.review`` (which every employee may write, by
      base_tier_validation's access rights) refuses any other change of a
      review of such a document — see ``tier_review.py``.
    """

    _name = "hospital.tier.validation"
    _inherit = ["tier.validation"]
    _description = "Hospital Tier Validation"

    # Read by tier.review: the reviews of this document are guarded.
    _hospital_tier_guarded = True

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

    @hospital_transition
    def request_validation(self):
        return super().request_validation()

    @hospital_transition
    def restart_validation(self):
        return super().restart_validation()

    # The reviewer's Validate and Reject (or their comment wizard) are the
    # transitions of the document's reviews; the reviews they are given were
    # read outside, so they are taken into the transition too.
    @hospital_transition
    def _validate_tier(self, tiers=False):
        return super()._validate_tier(tiers and tiers.with_env(self.env))

    @hospital_transition
    def _rejected_tier(self, tiers=False):
        return super()._rejected_tier(tiers and tiers.with_env(self.env))
