from datetime import timedelta

from odoo.exceptions import UserError, ValidationError

from .common import HospitalFleetCase


class TestDispatch(HospitalFleetCase):
    def test_vehicle_double_booking_refused(self):
        self._dispatched()
        other = self._trip(
            driver=self.driver_2, start=self.tomorrow + timedelta(hours=1)
        )
        with self.refused(ValidationError, "already booked"):
            other.action_dispatch()
        self.assertEqual(other.state, "draft")

    def test_driver_double_booking_refused(self):
        self._dispatched()
        other = self._trip(
            vehicle=self.sedan_2, start=self.tomorrow + timedelta(hours=2)
        )
        with self.refused(ValidationError, "Ma Jun is already booked"):
            other.action_dispatch()

    def test_moving_a_booking_onto_another_refused(self):
        self._dispatched()
        later = self._dispatched(start=self.tomorrow + timedelta(hours=5))
        with self.assertRaises(ValidationError):
            later._hospital_transition().write({"date_start": self.tomorrow})

    def test_back_to_back_and_cancelled_bookings_allowed(self):
        first = self._dispatched()
        self._dispatched(start=self.tomorrow + timedelta(hours=3))
        first.action_cancel()
        again = self._dispatched(start=self.tomorrow + timedelta(hours=1), hours=1)
        self.assertEqual(again.state, "dispatched")

    def test_booking_check_is_one_query_for_a_batch(self):
        trips = self.env["hospital.fleet.trip"]
        for day in range(10):
            trips |= self._dispatched(start=self.tomorrow + timedelta(days=day))
        trips.flush_recordset()
        # lock vehicles, lock drivers, overlap query: whatever the batch size
        with self.assertQueryCount(3):
            self.assertFalse(trips[:1]._hospital_booking_conflicts())
        with self.assertQueryCount(3):
            self.assertFalse(trips._hospital_booking_conflicts())

    def test_driver_notified_in_his_language(self):
        self.env["res.lang"]._activate_lang("zh_CN")
        self.env["ir.module.module"]._load_module_terms(
            ["hospital_fleet"], ["zh_CN"], overwrite=True
        )
        self.driver.lang = "zh_CN"
        trip = self._trip()
        trip.with_context(lang="en_US").action_dispatch()
        activity = trip.activity_ids.filtered(lambda a: a.user_id == self.driver)
        self.assertTrue(activity)
        self.assertIn("出发", activity.summary)
        self.assertIn("浙A·T0001", activity.summary)

    def test_activity_done_when_leaving(self):
        trip = self._dispatched()
        trip.with_user(self.driver).write({"odometer_out": 100})
        trip.with_user(self.driver).action_depart()
        self.assertFalse(trip.activity_ids)

    def test_only_drivers_drive(self):
        with self.refused(ValidationError, "not one of the hospital's drivers"):
            self._trip(driver=self.technician)

    def test_vehicle_must_seat_the_passengers(self):
        trip = self._trip(passenger_count=5)
        with self.refused(UserError, "seats 5"):
            trip.action_dispatch()

    def test_ambulance_non_patient_use_needs_approval(self):
        trip = self._trip(vehicle=self.ambulance)
        with self.refused(UserError, "is an ambulance"):
            trip.action_dispatch()
        with self.assertRaises(UserError):
            trip.with_user(self.dispatcher).action_approve_ambulance_use()
        trip.with_user(self.manager).action_approve_ambulance_use()
        trip.action_dispatch()
        self.assertEqual(trip.state, "dispatched")

    def test_ambulance_patient_transport_needs_no_approval(self):
        trip = self._trip(vehicle=self.ambulance, is_patient_transport=True)
        trip.action_dispatch()
        self.assertEqual(trip.state, "dispatched")

    def test_approval_lost_when_the_use_changes(self):
        trip = self._trip(vehicle=self.ambulance)
        trip.with_user(self.manager).action_approve_ambulance_use()
        trip.write({"vehicle_id": self.sedan_2.id})
        trip.write({"vehicle_id": self.ambulance.id})
        self.assertFalse(trip.ambulance_approved_by_id)
