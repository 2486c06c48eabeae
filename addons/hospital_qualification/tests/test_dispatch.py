from odoo.exceptions import UserError

from .common import HospitalQualificationCase


class TestDispatchLicences(HospitalQualificationCase):
    def test_licensed_technician_is_dispatched(self):
        request = self._request()
        request.user_id = self.technician
        request.with_user(self.team_leader).action_dispatch()
        self.assertEqual(request.service_state, "dispatched")

    def test_expired_licence_blocks_dispatch(self):
        request = self._request()
        request.user_id = self.other_technician
        with self.assertRaises(UserError) as caught:
            request.with_user(self.team_leader).action_dispatch()
        self.assertIn("Sun Tao", str(caught.exception))
        self.assertIn("HQ Electrician", str(caught.exception))
        self.assertEqual(request.service_state, "new")

    def test_reassigning_a_dispatched_request_is_checked(self):
        request = self._request()
        request.user_id = self.technician
        request.action_dispatch()
        with self.assertRaises(UserError):
            request.user_id = self.other_technician

    def test_category_without_licence_is_free(self):
        request = self._request(category=self.cat_elevator)
        request.user_id = self.other_technician
        request.action_dispatch()
        self.assertEqual(request.service_state, "dispatched")

    def test_technician_responding_unlicensed_is_refused(self):
        request = self._request()
        with self.assertRaises(UserError):
            request.with_user(self.other_technician).action_respond()

    def test_emergency_not_sent_to_unlicensed_duty_technician(self):
        self.team.duty_user_id = self.other_technician
        request = self._request(urgency="emergency")
        self.assertEqual(request.service_state, "new")
        self.assertTrue(
            request.activity_ids.filtered(lambda a: a.user_id == self.team_leader)
        )

    def test_emergency_sent_to_licensed_duty_technician(self):
        request = self._request(urgency="emergency")
        self.assertEqual(request.service_state, "dispatched")
        self.assertEqual(request.user_id, self.technician)
