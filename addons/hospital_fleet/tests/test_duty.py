from datetime import timedelta

from odoo.exceptions import ValidationError
from odoo.tests import Form

from .common import HospitalFleetCase


class TestDuty(HospitalFleetCase):
    def _shift(self, start, hours=12, vehicle=None, driver=None):
        return (
            self.env["hospital.fleet.duty"]
            .with_user(self.dispatcher)
            .create(
                {
                    "vehicle_id": (vehicle or self.ambulance).id,
                    "driver_id": (driver or self.driver).id,
                    "date_start": start,
                    "date_end": start + timedelta(hours=hours),
                }
            )
        )

    def test_overlapping_shifts_refused(self):
        self._shift(self.now)
        with self.refused(ValidationError, "overlaps"):
            self._shift(self.now + timedelta(hours=6), driver=self.driver_2)
        self._shift(self.now + timedelta(hours=12), driver=self.driver_2)

    def test_only_ambulances_on_the_roster(self):
        with self.refused(ValidationError, "not an ambulance"):
            self._shift(self.now, vehicle=self.sedan)

    def test_shift_ends_after_it_starts(self):
        with self.assertRaises(ValidationError):
            self._shift(self.now, hours=-1)

    def test_emergency_trip_leaves_with_the_driver_on_duty(self):
        self._shift(self.now - timedelta(hours=1), driver=self.driver_2)
        form = Form(self.env["hospital.fleet.trip"].with_user(self.dispatcher))
        form.department_id = self.ward
        form.user_id = self.requester
        form.purpose = "Patient transfer"
        form.destination = "ICU"
        form.date_start = self.now
        form.date_end = self.now + timedelta(hours=1)
        form.vehicle_id = self.ambulance
        self.assertEqual(form.driver_id, self.driver_2)

    def test_dispatch_board(self):
        self._shift(self.now - timedelta(hours=1), driver=self.driver_2)
        self._dispatched(start=self.now + timedelta(hours=1))
        board = self.sedan.with_user(self.dispatcher)
        self.assertIn(board.hospital_board_status, ("booked", "available"))
        self.assertTrue(board.hospital_next_trip_id)
        self.assertEqual(
            self.ambulance.with_user(self.dispatcher).hospital_duty_driver_id,
            self.driver_2,
        )
        self.assertEqual(
            self.sedan_2.with_user(self.dispatcher).hospital_board_status, "available"
        )

    def _board_queries(self, vehicles):
        self.env.flush_all()
        self.env.invalidate_all()
        vehicles.mapped("hospital_board_status")  # warm the rule caches
        self.env.invalidate_all()
        before = self.env.cr.sql_log_count
        vehicles.mapped("hospital_board_status")
        return self.env.cr.sql_log_count - before

    def test_dispatch_board_queries_do_not_grow_with_trips(self):
        vehicles = (self.sedan | self.sedan_2 | self.ambulance).with_user(
            self.dispatcher
        )
        self._dispatched(start=self.now + timedelta(hours=1))
        few = self._board_queries(vehicles)
        for day in range(1, 8):
            self._dispatched(start=self.now + timedelta(days=day))
            self._dispatched(
                vehicle=self.sedan_2,
                driver=self.driver_2,
                start=self.now + timedelta(days=day),
            )
        self.assertEqual(self._board_queries(vehicles), few)
        self.assertLessEqual(few, 6)
