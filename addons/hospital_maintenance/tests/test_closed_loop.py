from datetime import timedelta

from odoo.exceptions import UserError, ValidationError
from odoo.tests import Form

from .common import HospitalMaintenanceCase


class TestClosedLoop(HospitalMaintenanceCase):
    def _done_request(self):
        return self._take_to_done(
            self._request(user=self.requester, category=self.cat_minor)
        )

    def test_satisfied_rating_closes(self):
        request = self._done_request()
        request.with_user(self.requester).action_confirm_rating(5, "Quick and clean")
        self.assertEqual(request.service_state, "closed")
        self.assertEqual(request.close_kind, "confirmed")
        self.assertEqual(request.rating, "5")
        self.assertEqual(request.kpi_satisfaction, 5.0)
        self.assertEqual(request.kpi_first_time_fix, 100.0)

    def test_rating_through_the_wizard(self):
        request = self._done_request()
        action = request.with_user(self.requester).action_open_rating()
        wizard = Form(
            self.env[action["res_model"]]
            .with_user(self.requester)
            .with_context(**action["context"])
        )
        wizard.rating = "4"
        wizard.comment = "Fine"
        wizard.save().action_confirm()
        self.assertEqual(request.service_state, "closed")
        self.assertEqual(request.rating_comment, "Fine")

    def test_unsatisfied_rating_reopens_and_asks_callback(self):
        request = self._done_request()
        request.with_user(self.requester).action_confirm_rating(2, "Still leaking")
        self.assertEqual(request.service_state, "in_progress")
        self.assertEqual(request.reopen_count, 1)
        callback = request.activity_ids.filtered(
            lambda a: (
                a.activity_type_id
                == self.env.ref("hospital_maintenance.mail_act_hospital_callback")
            )
        )
        self.assertEqual(callback.user_id, self.team_leader)
        request.with_user(self.technician).action_done()
        request.with_user(self.requester).action_confirm_rating(4)
        self.assertEqual(request.service_state, "closed")
        self.assertEqual(request.kpi_first_time_fix, 0.0)

    def test_unsatisfied_threshold_is_a_setting(self):
        self.company.hospital_unsatisfied_rating = 3
        request = self._done_request()
        request.with_user(self.requester).action_confirm_rating(3)
        self.assertEqual(request.service_state, "in_progress")
        with self.assertRaises(ValidationError):
            self.company.hospital_unsatisfied_rating = 5

    def test_rating_out_of_range(self):
        request = self._done_request()
        for score in (0, 6, -1):
            with self.assertRaises(ValidationError):
                request.with_user(self.requester).action_confirm_rating(score)
        self.assertEqual(request.service_state, "done")
        self.assertFalse(request.rating)

    def test_confirming_someone_elses_request(self):
        request = self._done_request()
        with self.assertRaises(UserError):
            request.with_user(self.head_nurse).action_confirm_rating(5)
        self.assertEqual(request.service_state, "done")
        self.assertFalse(request.rating)

    def test_cannot_confirm_before_completion(self):
        request = self._request(user=self.requester)
        with self.assertRaises(UserError):
            request.with_user(self.requester).action_confirm_rating(5)

    def test_unconfirmed_requests_close_automatically(self):
        old = self._done_request()
        recent = self._done_request()
        old.sudo().resolved_at -= timedelta(days=4)
        self.env["maintenance.request"]._cron_autoclose()
        self.assertEqual(old.service_state, "closed")
        self.assertEqual(old.close_kind, "auto")
        self.assertEqual(recent.service_state, "done")
        self.company.hospital_autoclose_days = 1
        recent.sudo().resolved_at -= timedelta(days=2)
        self.env["maintenance.request"]._cron_autoclose()
        self.assertEqual(recent.close_kind, "auto")

    def test_cannot_close_a_request_never_responded_to(self):
        request = self._request(user=self.requester)
        with self.assertRaises(UserError):
            request.with_user(self.manager).action_close()
        with self.assertRaises(UserError):
            request.with_user(self.technician).action_done()
        self.assertEqual(request.service_state, "new")

    def test_requester_cannot_move_the_clock(self):
        request = self._request(user=self.requester)
        with self.assertRaises(UserError):
            request.with_user(self.requester).write({"service_state": "closed"})
        self.assertEqual(request.service_state, "new")
        with self.assertRaises(UserError):
            self._request(user=self.requester, service_state="closed")
