from lxml import etree

from odoo import api, models
from odoo.exceptions import UserError

from .hospital_workflow_mixin import hospital_transition, in_transition

# base_tier_validation's own entry points, shown on the document's form.
OCA_REVIEW_BUTTONS = (
    "request_validation",
    "restart_validation",
    "validate_tier",
    "reject_tier",
)


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

    # A document whose own buttons give its reviews (the president's Approve
    # of a contract, the director's Approve of a plan) sets this: those
    # buttons check what a review alone does not (the office meeting's
    # minutes, a reason, the document's state) and move the document with
    # the review.  base_tier_validation's Request / Validate / Reject /
    # Restart would change the reviews and leave the document behind: on
    # such a document they are not shown, and refused outside its buttons
    # (an RPC call, the comment wizard).
    _hospital_own_review_buttons = False

    def _hospital_check_review_entry(self):
        if self._hospital_own_review_buttons and not in_transition(self.env):
            raise UserError(
                self.env._(
                    "%(document)s is approved or refused with its own buttons, "
                    "which check what a tier review alone does not.",
                    document=self[:1].display_name or self._description,
                )
            )

    @api.model
    def get_view(self, view_id=None, view_type="form", **options):
        res = super().get_view(view_id=view_id, view_type=view_type, **options)
        if view_type == "form" and self._hospital_own_review_buttons:
            doc = etree.XML(res["arch"])
            for button in doc.xpath("//button[@type='object'][@name]"):
                if button.get("name") in OCA_REVIEW_BUTTONS:
                    button.getparent().remove(button)
            res["arch"] = etree.tostring(doc, encoding="unicode")
        return res

    def request_validation(self):
        self._hospital_check_review_entry()
        return self._hospital_request_validation()

    @hospital_transition
    def _hospital_request_validation(self):
        return super().request_validation()

    def restart_validation(self):
        self._hospital_check_review_entry()
        return self._hospital_restart_validation()

    @hospital_transition
    def _hospital_restart_validation(self):
        return super().restart_validation()

    # The reviewer's Validate and Reject (or their comment wizard) are the
    # transitions of the document's reviews; the reviews they are given were
    # read outside, so they are taken into the transition too.
    def _validate_tier(self, tiers=False):
        self._hospital_check_review_entry()
        return self._hospital_validate_tier(tiers)

    @hospital_transition
    def _hospital_validate_tier(self, tiers=False):
        return super()._validate_tier(tiers and tiers.with_env(self.env))

    def _rejected_tier(self, tiers=False):
        self._hospital_check_review_entry()
        return self._hospital_rejected_tier(tiers)

    @hospital_transition
    def _hospital_rejected_tier(self, tiers=False):
        return super()._rejected_tier(tiers and tiers.with_env(self.env))
