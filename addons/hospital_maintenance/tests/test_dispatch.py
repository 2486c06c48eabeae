from odoo.exceptions import AccessError, UserError

from .common import HospitalMaintenanceCase


class TestDispatch(HospitalMaintenanceCase):
    def test_dispatch_notifies_the_technician(self):
        request = self._request(user=self.requester)
        request.user_id = self.technician
        request.with_user(self.team_leader).action_dispatch()
        self.assertEqual(request.service_state, "dispatched")
        activity = request.activity_ids.filtered(
            lambda a: (
                a.activity_type_id
                == self.env.ref("hospital_maintenance.mail_act_hospital_dispatch")
            )
        )
        self.assertEqual(activity.user_id, self.technician)
        self.assertAlmostEqual(
            (request.report_back_deadline - request.dispatched_at).total_seconds(),
            2 * 3600,
        )

    def test_dispatch_needs_a_technician(self):
        request = self._request()
        with self.assertRaises(UserError):
            request.action_dispatch()

    def test_requester_cannot_dispatch(self):
        request = self._request(user=self.requester)
        request.user_id = self.technician
        with self.assertRaises(AccessError):
            request.with_user(self.requester).action_dispatch()

    def test_report_back_closes_the_dispatch_activity(self):
        request = self._request()
        request.user_id = self.technician
        request.action_dispatch()
        request.with_user(self.technician).action_respond()
        self.assertEqual(request.service_state, "in_progress")
        self.assertTrue(request.responded_at)
        self.assertFalse(
            request.activity_ids.filtered(
                lambda a: (
                    a.activity_type_id
                    == self.env.ref("hospital_maintenance.mail_act_hospital_dispatch")
                )
            )
        )

    def test_emergency_without_duty_technician_goes_to_team_leader(self):
        self.team.duty_user_id = False
        request = self._request(urgency="emergency")
        self.assertEqual(request.service_state, "new")
        self.assertEqual(
            request.activity_ids.filtered(
                lambda a: (
                    a.activity_type_id
                    == self.env.ref("hospital_maintenance.mail_act_hospital_escalation")
                )
            ).user_id,
            self.team_leader,
            "a hard case goes up at once",
        )

    def test_hotline_operator_reports_for_the_caller(self):
        request = self._request(
            user=self.team_leader, requester_id=self.requester.id, channel="hotline"
        )
        self.assertEqual(request.department_id, self.ward)
        self.assertIn(
            request,
            self.env["maintenance.request"].with_user(self.requester).search([]),
        )
        self.assertIn(self.requester.partner_id, request.message_partner_ids)
