"""An approval is given only by its reviewer, through the document's buttons.

OCA base_tier_validation lets every employee create, write and delete
``tier.review`` records.  For every concrete model of the suite that inherits
``hospital.tier.validation`` (discovered, not listed), a logistics staff
member calls through the web client's JSON-RPC:

  * ``create`` of an approved review of a record of the model;
  * ``write`` of ``status = approved`` on a pending review of it;
  * ``unlink`` of that review.

Each must be refused with a message and change nothing; without the guard
(``hospital_logistics/models/tier_review.py``) each goes through.  Writing a
comment stays open, and a superuser (data files, the suite's own code) is
not refused.
"""

import datetime

import hospital_harness as harness

from odoo.tests import HttpCase, tagged
from odoo.tools import mute_logger

TODAY = datetime.date.today()
GUARD = "_hospital_tier_guarded"


@tagged("post_install", "-at_install")
class TestTierReviewsAreNotForged(HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        env = cls.env
        cls.users = harness.role_users(env, prefix="gs_tier")
        cls.links = {"hr.department": harness.role_ward(env, cls.users, TODAY)}
        cls.guarded = sorted(
            name
            for name, Model in env.registry.items()
            if not Model._abstract
            and not Model._transient
            and getattr(Model, GUARD, False)
        )
        cls.records = {}
        with mute_logger("odoo.sql_db"):
            for model in cls.guarded:
                record = harness.plausible_record(
                    env, env[model], TODAY, depth=2, links=cls.links
                )
                if record:
                    cls.records[model] = record

    def _definition(self, model):
        return self.env["tier.definition"].create(
            {
                "name": "GS forged tier",
                "model_id": self.env["ir.model"]._get_id(model),
                "review_type": "individual",
                "reviewer_id": self.users["leadership"].id,
            }
        )

    def _review_rows(self, record):
        return (
            self.env["tier.review"]
            .sudo()
            .search_count([("model", "=", record._name), ("res_id", "=", record.id)])
        )

    @mute_logger("odoo.http")
    def test_every_guarded_document_refuses_forged_reviews(self):
        self.assertTrue(self.guarded, "no model inherits hospital.tier.validation")
        harness.authenticate(self, self.users["staff"])
        went_through = []
        for model in self.guarded:
            record = self.records.get(model)
            if not record:
                went_through.append(f"{model}: no record could be made to test it")
                continue
            definition = self._definition(model)
            before = self._review_rows(record)
            _result, error = harness.call(
                self,
                "tier.review",
                "create",
                [
                    {
                        "model": model,
                        "res_id": record.id,
                        "definition_id": definition.id,
                        "status": "approved",
                    }
                ],
            )
            if error is None or self._review_rows(record) != before:
                went_through.append(f"{model}: create of an approved review")
            elif error.name not in harness.USER_ERRORS:
                went_through.append(f"{model}: create ended uncleanly, {error}")

            review = (
                self.env["tier.review"]
                .sudo()
                .create(
                    {
                        "model": model,
                        "res_id": record.id,
                        "definition_id": definition.id,
                        "status": "pending",
                        "reviewer_ids": [(6, 0, self.users["leadership"].ids)],
                    }
                )
            )
            for method, args in (
                ("write", [[review.id], {"status": "approved"}]),
                ("unlink", [[review.id]]),
            ):
                _result, error = harness.call(self, "tier.review", method, args)
                review.invalidate_recordset()
                if error is None or not review.exists() or review.status != "pending":
                    went_through.append(f"{model}: {method} of a pending review")
                elif error.name not in harness.USER_ERRORS:
                    went_through.append(f"{model}: {method} ended uncleanly, {error}")
            _result, error = harness.call(
                self, "tier.review", "write", [[review.id], {"comment": "noted"}]
            )
            if error is not None:
                went_through.append(f"{model}: a comment was refused ({error})")
        self.assertFalse(
            went_through,
            "reviews of these documents were forged, outside their buttons:\n"
            + "\n".join(went_through),
        )

    @mute_logger("odoo.http")
    def test_documents_with_their_own_buttons_refuse_bare_reviews(self):
        """A document whose own Approve / Refuse give its review (it sets
        ``_hospital_own_review_buttons``) refuses base_tier_validation's
        Validate and Reject by RPC, even from its reviewer: they would
        change the review and leave the document where it was."""
        own = [
            model
            for model in self.guarded
            if getattr(self.env.registry[model], "_hospital_own_review_buttons", False)
        ]
        self.assertTrue(own, "no document gives its reviews with its own buttons")
        harness.authenticate(self, self.users["leadership"])
        went_through = []
        for model in own:
            record = self.records.get(model)
            if not record:
                went_through.append(f"{model}: no record could be made to test it")
                continue
            review = (
                self.env["tier.review"]
                .sudo()
                .create(
                    {
                        "model": model,
                        "res_id": record.id,
                        "definition_id": self._definition(model).id,
                        "status": "pending",
                        "reviewer_ids": [(6, 0, self.users["leadership"].ids)],
                    }
                )
            )
            for method in ("validate_tier", "reject_tier", "restart_validation"):
                _result, error = harness.call(self, model, method, [[record.id]])
                review.invalidate_recordset()
                if error is None or not review.exists() or review.status != "pending":
                    went_through.append(f"{model}: {method} by RPC")
                elif error.name not in harness.USER_ERRORS:
                    went_through.append(f"{model}: {method} ended uncleanly, {error}")
        self.assertFalse(
            went_through,
            "reviews of these documents moved without the document:\n"
            + "\n".join(went_through),
        )
