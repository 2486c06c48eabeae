from datetime import timedelta

from odoo import fields
from odoo.exceptions import UserError

from .common import HospitalMaintenanceCase

# AccessError and ValidationError are UserErrors: every refusal with a message.
REFUSED = UserError


class WorkflowCase(HospitalMaintenanceCase):
    def assertRefusedUnchanged(self, record, call, fnames):
        """``call`` is refused with a message and ``record`` keeps every value
        of ``fnames``."""
        record.invalidate_recordset()
        before = record.sudo().read(fnames)
        with self.assertRaises(REFUSED):
            call()
        record.invalidate_recordset()
        self.assertEqual(record.sudo().read(fnames), before)


class TestRequestMovesByItsButtons(WorkflowCase):
    """A logistics staff member could write any clock field of a request by
    RPC (only requesters were refused): now nobody can."""

    CLOCK = [
        "service_state",
        "stage_id",
        "responded_at",
        "resolved_at",
        "is_breached",
        "escalation_level",
        "response_deadline",
        "sla_due_at",
        "kpi_response_on_time",
        "repair_cost",
        "validation_status",
        "notice_state",
    ]

    def _in_progress(self, **vals):
        request = self._request(**vals)
        request.user_id = self.technician
        request.with_user(self.technician).action_dispatch()
        request.with_user(self.technician).action_respond()
        return request

    def test_technician_cannot_complete_by_writing_the_state(self):
        request = self._in_progress()
        as_tech = request.with_user(self.technician)
        for vals in (
            {"service_state": "done"},
            {"service_state": "closed"},
            {"stage_id": self.env.ref("maintenance.stage_3").id},
            {"resolved_at": fields.Datetime.now()},
            {"kpi_response_on_time": 0.0},
        ):
            with self.subTest(vals=vals):
                self.assertRefusedUnchanged(
                    request, lambda v=vals: as_tech.write(v), self.CLOCK
                )

    def test_late_request_cannot_be_made_on_time(self):
        request = self._request(reported_at=self._hours_ago(9))
        self.env["maintenance.request"]._cron_escalate()
        self.assertTrue(request.is_breached)
        as_leader = request.with_user(self.team_leader)
        for vals in (
            {"is_breached": False},
            {"escalation_level": 0},
            {"response_deadline": fields.Datetime.now() + timedelta(hours=4)},
            {"paused_hours": 10},
        ):
            with self.subTest(vals=vals):
                self.assertRefusedUnchanged(
                    request, lambda v=vals: as_leader.write(v), self.CLOCK
                )

    def test_manager_cannot_reopen_a_closed_request(self):
        request = self._take_to_done(
            self._request(user=self.requester, category=self.cat_minor)
        )
        request.with_user(self.requester).action_confirm_rating(5)
        as_manager = request.with_user(self.manager)
        for vals in ({"service_state": "in_progress"}, {"description": "Rewritten"}):
            with self.subTest(vals=vals):
                self.assertRefusedUnchanged(
                    request,
                    lambda v=vals: as_manager.write(v),
                    [*self.CLOCK, "description"],
                )

    def test_hotline_cannot_create_a_request_already_dispatched(self):
        Request = self.env["maintenance.request"].with_user(self.team_leader)
        count = Request.sudo().search_count([])
        for vals in (
            {"service_state": "dispatched"},
            {"reported_at": fields.Datetime.to_string(self._hours_ago(-2))},
            {"is_breached": True},
        ):
            with self.subTest(vals=vals), self.assertRaises(UserError):
                self._request(user=self.team_leader, **vals)
        self.assertEqual(Request.sudo().search_count([]), count)

    def test_completed_work_cannot_get_new_parts_or_checks(self):
        request = self._take_to_done(self._request(category=self.cat_minor))
        valve = self.env["product.product"].create({"name": "Valve", "type": "consu"})
        Part = self.env["hospital.request.part"].with_user(self.technician)
        with self.assertRaises(UserError):
            Part.create({"request_id": request.id, "product_id": valve.id})
        self.assertFalse(request.part_ids)
        self.assertRefusedUnchanged(
            request,
            lambda: request.with_user(self.technician).write({"labour_cost": 900}),
            ["labour_cost", "repair_cost"],
        )


class TestRepairNoticeCannotBeBypassed(WorkflowCase):
    """``is_minor`` was editable after a refused notice: ticking "Minor" let
    action_done pass. Now minor is decided by the category and the cost, a
    notice once sent stays needed, and its approval is a tier review that
    only its reviewer gives."""

    FIELDS = [
        "service_state",
        "is_minor",
        "needs_notice",
        "notice_state",
        "service_category_id",
        "labour_cost",
        "validation_status",
    ]

    def _refused_notice(self):
        request = self._request()
        request.user_id = self.technician
        as_tech = request.with_user(self.technician)
        as_tech.action_dispatch()
        as_tech.action_respond()
        request.notice_note = "Replace the radiator"
        as_tech.action_request_notice()
        request.invalidate_recordset()
        request.with_user(self.team_leader).reject_tier()
        self.assertEqual(request.notice_state, "refused")
        return request

    def test_ticking_minor_after_a_refused_notice_is_refused(self):
        request = self._refused_notice()
        as_tech = request.with_user(self.technician)
        self.assertRefusedUnchanged(
            request, lambda: as_tech.write({"is_minor": True}), self.FIELDS
        )
        self.assertRefusedUnchanged(request, as_tech.action_done, self.FIELDS)

    def test_switching_to_a_minor_category_is_refused(self):
        request = self._refused_notice()
        as_tech = request.with_user(self.technician)
        self.assertRefusedUnchanged(
            request,
            lambda: as_tech.write({"service_category_id": self.cat_minor.id}),
            self.FIELDS,
        )
        # Restarting the validation does not make it minor either.
        as_tech.restart_validation()
        as_tech.write({"service_category_id": self.cat_minor.id})
        self.assertFalse(request.is_minor)
        self.assertTrue(request.needs_notice)
        self.assertRefusedUnchanged(request, as_tech.action_done, self.FIELDS)

    def test_technician_cannot_approve_his_own_notice(self):
        request = self._request()
        request.user_id = self.technician
        as_tech = request.with_user(self.technician)
        as_tech.action_dispatch()
        as_tech.action_respond()
        request.notice_note = "Replace the radiator"
        as_tech.action_request_notice()
        request.invalidate_recordset()
        self.assertFalse(as_tech.can_review)
        review = request.review_ids
        Review = self.env["tier.review"].with_user(self.technician)
        review_fields = ["status", "done_by", "reviewer_ids"]
        self.assertRefusedUnchanged(
            review,
            lambda: review.with_user(self.technician).write({"status": "approved"}),
            review_fields,
        )
        self.assertRefusedUnchanged(
            review, lambda: review.with_user(self.technician).unlink(), review_fields
        )
        with self.assertRaises(UserError):
            Review.create(
                {
                    "model": request._name,
                    "res_id": request.id,
                    "definition_id": review.definition_id.id,
                    "status": "approved",
                }
            )
        self.assertEqual(request.review_ids, review)
        as_tech.validate_tier()
        self.assertEqual(request.notice_state, "to_approve", "not his to approve")
        self.assertRefusedUnchanged(request, as_tech.action_done, self.FIELDS)

    def test_approved_notice_covers_its_cost(self):
        request = self._request()
        self._take_to_done_until_approved(request)
        as_tech = request.with_user(self.technician)
        valve = self.env["product.product"].create({"name": "Valve", "type": "consu"})
        for call in (
            lambda: as_tech.write({"labour_cost": 5000}),
            lambda: as_tech.write({"notice_note": "Replace the whole boiler"}),
            lambda: (
                self.env["hospital.request.part"]
                .with_user(self.technician)
                .create({"request_id": request.id, "product_id": valve.id})
            ),
        ):
            self.assertRefusedUnchanged(
                request, call, [*self.FIELDS, "notice_note", "repair_cost"]
            )

    def _take_to_done_until_approved(self, request):
        request.user_id = self.technician
        as_tech = request.with_user(self.technician)
        as_tech.action_dispatch()
        as_tech.action_respond()
        request.notice_note = "Replace the valve, 200 RMB"
        as_tech.action_request_notice()
        request.invalidate_recordset()
        request.with_user(self.team_leader).validate_tier()
        self.assertEqual(request.notice_state, "approved")

    def test_minor_is_decided_by_category_and_cost(self):
        request = self._request(category=self.cat_minor, labour_cost=999)
        self.assertTrue(request.is_minor)
        request.labour_cost = 1001
        self.assertFalse(request.is_minor, "above the repair approval amount")
        self.assertTrue(request.needs_notice)
        self.assertFalse(self._request().is_minor, "the category is not minor")


class TestHandoverAndRoundsMoveByTheirButtons(WorkflowCase):
    def _handover(self):
        post = self.env["hospital.duty.post"].create(
            {"name": "Test power room", "team_id": self.team.id}
        )
        return (
            self.env["hospital.shift.handover"]
            .with_user(self.technician)
            .create(
                {
                    "post_id": post.id,
                    "outgoing_user_id": self.technician.id,
                    "incoming_user_id": self.other_technician.id,
                    "notes": "Pump 2 vibrates",
                }
            )
        )

    HANDOVER = ["state", "outgoing_signed_at", "incoming_signed_at", "notes"]

    def test_handover_is_not_signed_by_writing_it(self):
        handover = self._handover()
        as_tech = handover.with_user(self.technician)
        for vals in (
            {"state": "signed"},
            {"incoming_signed_at": fields.Datetime.now()},
        ):
            with self.subTest(vals=vals):
                self.assertRefusedUnchanged(
                    handover, lambda v=vals: as_tech.write(v), self.HANDOVER
                )
        with self.assertRaises(UserError):
            self.env["hospital.shift.handover"].with_user(self.technician).create(
                {
                    "post_id": handover.post_id.id,
                    "outgoing_user_id": self.technician.id,
                    "incoming_user_id": self.other_technician.id,
                    "state": "signed",
                }
            )

    def test_signed_content_is_frozen(self):
        handover = self._handover()
        handover.with_user(self.technician).action_sign()
        self.assertRefusedUnchanged(
            handover,
            lambda: handover.with_user(self.other_technician).write(
                {"notes": "All fine"}
            ),
            self.HANDOVER,
        )
        handover.with_user(self.other_technician).action_sign()
        self.assertEqual(handover.state, "signed")

    def test_round_is_answered_by_its_button_only(self):
        round_ = (
            self.env["hospital.ward.round"]
            .with_user(self.manager)
            .create(
                {
                    "item_ids": [
                        (0, 0, {"department_id": self.ward.id, "feedback": "Noise"})
                    ]
                }
            )
        )
        item = round_.item_ids
        as_manager = round_.with_user(self.manager)
        self.assertRefusedUnchanged(
            round_, lambda: as_manager.write({"state": "done"}), ["state"]
        )
        request = self._request()
        self.assertRefusedUnchanged(
            item,
            lambda: item.with_user(self.manager).write({"request_id": request.id}),
            ["request_id", "answer"],
        )
        item.with_user(self.manager).answer = "Night works stop at 22:00."
        as_manager.action_done()
        self.assertRefusedUnchanged(
            item,
            lambda: item.with_user(self.manager).write({"answer": "Never mind"}),
            ["request_id", "answer"],
        )
        with self.assertRaises(UserError):
            self.env["hospital.ward.round.item"].with_user(self.manager).create(
                {"round_id": round_.id, "department_id": self.ward.id, "feedback": "X"}
            )
        self.assertEqual(len(round_.item_ids), 1)
