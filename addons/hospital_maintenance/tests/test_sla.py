from datetime import timedelta

from odoo.exceptions import ValidationError

from .common import HospitalMaintenanceCase


class TestSla(HospitalMaintenanceCase):
    def assertHours(self, start, end, hours):
        self.assertAlmostEqual((end - start).total_seconds() / 3600, hours, places=3)

    def test_category_decides_team_and_urgency(self):
        self.cat_repair.default_urgency = "urgent"
        request = self._request(user=self.requester)
        self.assertEqual(request.maintenance_team_id, self.team)
        self.assertEqual(request.urgency, "urgent")
        self.assertEqual(request.department_id, self.ward)

    def test_equipment_fault_default_response_from_settings(self):
        request = self._request(user=self.requester)
        self.assertHours(request.reported_at, request.response_deadline, 4)
        self.assertHours(request.reported_at, request.resolution_deadline, 24)
        self.company.hospital_response_hours = 6
        later = self._request(user=self.requester)
        self.assertHours(later.reported_at, later.response_deadline, 6)

    def test_category_times_override_settings(self):
        request = self._request(user=self.requester, category=self.cat_cleaning)
        self.assertHours(request.reported_at, request.response_deadline, 1)
        self.assertHours(request.reported_at, request.resolution_deadline, 2)

    def test_critical_area_is_shorter(self):
        request = self._request(user=self.requester, location_id=self.room_icu.id)
        self.assertEqual(request.department_id, self.icu)
        self.assertHours(request.reported_at, request.response_deadline, 1)

    def test_emergency_is_dispatched_at_once(self):
        request = self._request(user=self.requester, urgency="emergency")
        self.assertHours(request.reported_at, request.response_deadline, 0.25)
        self.assertEqual(request.service_state, "dispatched")
        self.assertEqual(request.user_id, self.technician)
        self.assertTrue(request.dispatched_at)

    def test_pause_stops_the_clock(self):
        request = self._request()
        request.user_id = self.technician
        request.action_dispatch()
        request.action_respond()
        deadline = request.resolution_deadline
        request.action_pause()
        self.assertFalse(request.sla_due_at, "no deadline runs while paused")
        request.paused_since -= timedelta(hours=3)
        request.action_resume()
        self.assertEqual(request.service_state, "in_progress")
        self.assertAlmostEqual(request.paused_hours, 3, places=2)
        self.assertHours(deadline, request.resolution_deadline, 3)
        self.assertEqual(request.sla_due_at, request.resolution_deadline)

    def test_response_and_resolution_are_measured(self):
        request = self._request(reported_at=self._hours_ago(5))
        self._take_to_done(request)
        self.assertAlmostEqual(request.response_time, 5, places=1)
        self.assertEqual(request.kpi_response_on_time, 0.0, "answered after 4 h")
        self.assertTrue(request.is_breached)
        self.assertAlmostEqual(request.resolution_time, 5, places=1)
        self.assertEqual(request.kpi_resolution_on_time, 100.0)

    def test_on_time_request_is_not_breached(self):
        request = self._take_to_done(self._request())
        self.assertEqual(request.kpi_response_on_time, 100.0)
        self.assertFalse(request.is_breached)

    def test_cron_flags_breaches(self):
        late = self._request(reported_at=self._hours_ago(5))
        fresh = self._request()
        self.env["maintenance.request"]._cron_escalate()
        self.assertTrue(late.is_breached)
        self.assertFalse(fresh.is_breached)

    def test_needs_location_or_equipment(self):
        with self.assertRaises(ValidationError):
            self._request(user=self.requester, location_id=False)
        equipment = self.env["maintenance.equipment"].create(
            {"name": "Infusion pump", "hospital_location_id": self.room_icu.id}
        )
        request = self.env["maintenance.request"].create(
            {
                "name": "Pump alarm",
                "service_category_id": self.cat_repair.id,
                "equipment_id": equipment.id,
            }
        )
        self.assertEqual(request.location_id, self.room_icu)
        self.assertEqual(request.department_id, self.icu)

    def test_negative_category_times_refused(self):
        with self.assertRaises(ValidationError):
            self.cat_repair.response_hours = -1
