from odoo import api, models
from odoo.exceptions import UserError

from .hospital_workflow_mixin import in_transition

# What anyone may change on a review outside the document's buttons: tier
# validation moves a waiting review to pending by itself, and a reviewer's
# comment is theirs.
FREE_REVIEW_WRITES = {"comment"}


class TierReview(models.Model):
    """A review of a suite document is given by its reviewer through Validate
    or Reject on the document, never written directly: every employee may
    write ``tier.review`` (base_tier_validation's access rights), so without
    this a technician could mark his own repair notice approved by RPC.

    Guarded are the reviews of every model inheriting
    ``hospital.tier.validation``, whose buttons are the transitions that
    hold the key."""

    _inherit = "tier.review"

    def _hospital_guarded(self, model_names):
        if in_transition(self.env):
            return False
        return any(
            getattr(self.env.registry.get(model_name), "_hospital_tier_guarded", False)
            for model_name in set(model_names)
        )

    def _hospital_refuse(self):
        raise UserError(
            self.env._(
                "A review is given with the Validate or Reject button of the "
                "document it approves, by its reviewer; it is never written "
                "directly."
            )
        )

    @api.model_create_multi
    def create(self, vals_list):
        if self._hospital_guarded([vals.get("model") for vals in vals_list]):
            self._hospital_refuse()
        return super().create(vals_list)

    def write(self, vals):
        promotes = set(vals) == {"status"} and vals["status"] == "pending"
        if (
            not promotes
            and set(vals) - FREE_REVIEW_WRITES
            and self._hospital_guarded(self.mapped("model"))
        ):
            self._hospital_refuse()
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_hospital_guarded(self):
        if self._hospital_guarded(self.mapped("model")):
            self._hospital_refuse()
