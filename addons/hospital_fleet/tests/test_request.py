from datetime import timedelta

from odoo.exceptions import UserError, ValidationError

from .common import HospitalFleetCase


class TestRequest(HospitalFleetCase):
    def test_submitted_the_day_before(self):
        request = self._submitted()
        self.assertEqual(request.state, "submitted")
        self.assertEqual(request.submitted_by_id, self.head_nurse)

    def test_late_request_refused_with_the_setting(self):
        request = self._request(start=self.now + timedelta(hours=5))
        with self.refused(UserError, "24 hours before departure"):
            request.with_user(self.head_nurse).action_submit()
        self.assertEqual(request.state, "draft")
        self.company.hospital_vehicle_request_lead_hours = 4
        request.with_user(self.head_nurse).action_submit()
        self.assertEqual(request.state, "submitted")

    def test_submitted_by_the_department_head(self):
        request = self._request()
        with self.refused(UserError, "submitted by the head"):
            request.with_user(self.requester).action_submit()
        self.assertEqual(request.state, "draft")
        request.with_user(self.dispatcher).action_submit()
        self.assertEqual(request.state, "submitted")

    def test_return_before_departure_refused(self):
        with self.refused(ValidationError, "must come after"):
            self._request(hours=-1)

    def test_negative_passengers_refused(self):
        with self.assertRaises(ValidationError):
            self._request(passenger_count=-3)

    def test_state_only_through_buttons(self):
        request = self._request()
        with self.assertRaises(UserError):
            request.with_user(self.requester).write({"state": "submitted"})
        self.assertEqual(request.state, "draft")

    def test_submitted_request_is_frozen(self):
        request = self._submitted()
        with self.assertRaises(UserError):
            request.with_user(self.requester).write({"destination": "Elsewhere"})
        self.assertEqual(request.destination, "Provincial People's Hospital")

    def test_emergency_leaves_first_paperwork_after(self):
        """先派后补: an emergency is dispatched from a draft and flagged until
        the department head submits it; the reminder then goes away."""
        request = self._request(
            user=self.dispatcher,
            start=self.now + timedelta(minutes=5),
            is_emergency=True,
            purpose="Transfer",
        )
        trip = self._dispatched(request=request, start=request.date_start)
        self.assertEqual(request.state, "dispatched")
        self.assertTrue(request.paperwork_pending)
        self.assertTrue(trip.paperwork_pending)
        reminder = request.activity_ids.filtered(lambda a: a.user_id == self.head_nurse)
        self.assertTrue(reminder, "the head is asked to complete the paperwork")
        request.with_user(self.head_nurse).write({"purpose": "Transfer of a patient"})
        request.with_user(self.head_nurse).action_submit()
        self.assertFalse(request.paperwork_pending)
        self.assertEqual(request.state, "dispatched")
        self.assertFalse(request.activity_ids)

    def test_non_emergency_not_dispatched_before_submission(self):
        request = self._request()
        with self.refused(UserError, "only a submitted request"):
            self._dispatched(request=request)

    def test_refusal_needs_a_reason(self):
        request = self._submitted()
        with self.assertRaises(UserError):
            request.with_user(self.dispatcher).action_refuse()
        request.with_user(self.dispatcher).write({"refuse_reason": "No vehicle"})
        request.with_user(self.dispatcher).action_refuse()
        self.assertEqual(request.state, "refused")

    def test_done_when_trips_closed_back_when_cancelled(self):
        request = self._submitted()
        trip = self._dispatched(request=request)
        trip.action_cancel()
        self.assertEqual(request.state, "submitted", "back in the office's queue")
        trip = self._returned(request=request)
        trip.with_user(self.dispatcher).action_receive_keys()
        self._sign(trip)
        trip.with_user(self.dispatcher).action_close()
        self.assertEqual(request.state, "done")

    def test_response_clock(self):
        """The office answers within the lead time, an emergency within the
        driver's ready time (Settings)."""
        request = self._submitted()
        self.assertEqual(
            request.response_deadline, request.requested_at + timedelta(hours=24)
        )
        emergency = self._request(
            user=self.dispatcher,
            start=self.now + timedelta(minutes=30),
            is_emergency=True,
        )
        self.assertEqual(
            emergency.response_deadline, emergency.requested_at + timedelta(minutes=10)
        )
        self._dispatched(request=emergency, start=emergency.date_start)
        self.assertTrue(emergency.answered_at)
        self.assertFalse(emergency.sla_due_at, "answered: the clock stopped")
        self.assertEqual(emergency.kpi_response_on_time, 100)

    def test_clock_starts_at_submission(self):
        request = self._request()
        request._hospital_transition().requested_at = self.now - timedelta(days=3)
        request.with_user(self.head_nurse).action_submit()
        self.assertGreaterEqual(request.requested_at, self.now)
