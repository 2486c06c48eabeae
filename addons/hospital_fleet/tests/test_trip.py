from datetime import timedelta

from odoo.exceptions import UserError, ValidationError

from .common import SIGNATURE, HospitalFleetCase


class TestTrip(HospitalFleetCase):
    def test_full_trip_with_odometer_and_signatures(self):
        trip = self._returned(odometer_out=1000, odometer_in=1080)
        self.assertEqual(trip.distance, 80)
        self.sedan.invalidate_recordset(["odometer"])
        self.assertEqual(self.sedan.odometer, 1080, "the slip records the mileage")
        trip.with_user(self.dispatcher).action_receive_keys()
        self._sign(trip)
        self.assertEqual(trip.dispatcher_signature_user_id, self.dispatcher)
        self.assertEqual(trip.user_signature_user_id, self.requester)
        trip.with_user(self.dispatcher).action_close()
        self.assertEqual(trip.state, "done")

    def test_odometer_in_below_out_refused(self):
        trip = self._dispatched()
        trip.with_user(self.driver).write({"odometer_out": 1000})
        trip.with_user(self.driver).action_depart()
        with self.refused(ValidationError, "below the odometer out"):
            trip.with_user(self.driver).write({"odometer_in": 900})
        self.assertEqual(trip.odometer_in, 0)

    def test_odometer_out_not_below_the_vehicle(self):
        first = self._returned(odometer_out=1000, odometer_in=1200)
        first.with_user(self.dispatcher).action_receive_keys()
        trip = self._dispatched(start=self.tomorrow + timedelta(days=1))
        trip.with_user(self.driver).write({"odometer_out": 1100})
        with self.refused(UserError, "at least 1200"):
            trip.with_user(self.driver).action_depart()

    def test_return_before_departure_refused(self):
        trip = self._dispatched()
        trip.with_user(self.driver).write({"odometer_out": 10})
        trip.with_user(self.driver).action_depart()
        with self.refused(ValidationError, "is before the departure"):
            trip.with_user(self.driver).write(
                {"returned_at": trip.departed_at - timedelta(hours=1)}
            )

    def test_planned_return_before_departure_refused(self):
        with self.assertRaises(ValidationError):
            self._trip(hours=-2)

    def test_cannot_come_back_without_leaving(self):
        trip = self._dispatched()
        with self.assertRaises(UserError):
            trip.with_user(self.driver).action_return()

    def test_negative_odometer_refused(self):
        trip = self._dispatched()
        with self.assertRaises(ValidationError):
            trip.with_user(self.driver).write({"odometer_out": -5})

    def test_signed_by_the_named_people_after_return(self):
        trip = self._dispatched()
        with self.assertRaises(UserError):
            trip.with_user(self.dispatcher).write({"dispatcher_signature": SIGNATURE})
        self.assertFalse(trip.dispatcher_signature_user_id)
        trip = self._returned(start=self.tomorrow + timedelta(days=1))
        with self.refused(UserError, "Nobody signs for someone else"):
            trip.with_user(self.dispatcher).write({"user_signature": SIGNATURE})
        self.assertFalse(trip.user_signature)

    def test_closed_only_when_signed(self):
        trip = self._returned()
        trip.with_user(self.dispatcher).action_receive_keys()
        with self.refused(UserError, "signed by the dispatcher"):
            trip.with_user(self.dispatcher).action_close()

    def test_keys_go_with_the_trip_and_come_back(self):
        trip = self._returned()
        self.assertEqual(self.key.state, "out")
        self.assertEqual(self.key.holder_id, self.driver)
        self.assertEqual(self.spare.state, "office", "the spare key stays")
        self._sign(trip)
        with self.refused(UserError, "have not come back"):
            trip.with_user(self.dispatcher).action_close()
        trip.with_user(self.dispatcher).action_receive_keys()
        self.assertEqual(self.key.state, "office")
        self.assertFalse(self.key.holder_id)
        trip.with_user(self.dispatcher).action_close()

    def test_key_held_elsewhere_blocks_departure(self):
        self._returned()
        trip = self._dispatched(
            driver=self.driver_2, start=self.tomorrow + timedelta(days=1)
        )
        trip.with_user(self.driver_2).write({"odometer_out": 1080})
        with self.refused(UserError, "held by Ma Jun"):
            trip.with_user(self.driver_2).action_depart()

    def test_signature_freezes_the_odometer(self):
        trip = self._returned()
        trip.with_user(self.dispatcher).write({"dispatcher_signature": SIGNATURE})
        with self.assertRaises(UserError):
            trip.with_user(self.dispatcher).write({"odometer_in": 2000})

    def test_duration_is_the_allowance_basis(self):
        trip = self._dispatched()
        start = trip.date_start
        trip.with_user(self.driver).write({"odometer_out": 10, "departed_at": start})
        trip.with_user(self.driver).action_depart()
        trip.with_user(self.driver).write(
            {"odometer_in": 50, "returned_at": start + timedelta(hours=2, minutes=30)}
        )
        trip.with_user(self.driver).action_return()
        self.assertEqual(trip.duration_hours, 2.5)

    def test_report_renders(self):
        trip = self._returned()
        self._sign(trip)
        html = (
            self.env["ir.actions.report"]
            ._render_qweb_html("hospital_fleet.report_dispatch_slip", trip.ids)[0]
            .decode()
        )
        self.assertIn(trip.name, html)
        self.assertIn("1,080", html)
