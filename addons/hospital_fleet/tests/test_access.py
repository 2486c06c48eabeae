from odoo.exceptions import AccessError, UserError
from odoo.tests import new_test_user

from .common import HospitalFleetCase


class TestAccess(HospitalFleetCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.icu_nurse = new_test_user(
            cls.env,
            login="hf_icu_nurse",
            groups="hospital_logistics.hospital_logistics_group_requester",
            name="Tang Yu",
        )
        cls.env["hr.employee"].create(
            {
                "name": "Tang Yu",
                "user_id": cls.icu_nurse.id,
                "department_id": cls.icu.id,
            }
        )

    def test_other_department_cannot_read_a_request(self):
        request = self._request()
        with self.assertRaises(AccessError):
            request.with_user(self.icu_nurse).read(["purpose"])
        self.assertFalse(
            self.env["hospital.fleet.request"]
            .with_user(self.icu_nurse)
            .search([("id", "=", request.id)])
        )

    def test_other_department_cannot_read_a_trip(self):
        trip = self._dispatched()
        with self.assertRaises(AccessError):
            trip.with_user(self.icu_nurse).read(["destination"])
        trip.with_user(self.head_nurse).read(["destination"])

    def test_drivers_see_their_own_trips(self):
        mine = self._dispatched()
        other = self._trip(driver=self.driver_2, vehicle=self.sedan_2)
        Trip = self.env["hospital.fleet.trip"].with_user(self.driver_2)
        self.assertEqual(Trip.search([("id", "in", (mine | other).ids)]), other)
        with self.assertRaises(AccessError):
            mine.with_user(self.driver_2).read(["destination"])

    def test_office_sees_everything(self):
        trip = self._dispatched()
        request = self._request()
        self.assertTrue(trip.with_user(self.dispatcher).destination)
        self.assertTrue(request.with_user(self.dispatcher).purpose)

    def test_requester_cannot_create_a_trip(self):
        with self.assertRaises(AccessError):
            self.env["hospital.fleet.trip"].with_user(self.requester).create(
                {
                    "department_id": self.ward.id,
                    "user_id": self.requester.id,
                    "purpose": "x",
                    "destination": "x",
                    "vehicle_id": self.sedan.id,
                    "driver_id": self.driver.id,
                    "date_start": self.tomorrow,
                    "date_end": self.tomorrow.replace(hour=23, minute=59),
                }
            )

    def test_requester_cannot_change_a_slip(self):
        trip = self._trip()
        with self.refused(UserError, "Only the vehicle office"):
            trip.with_user(self.requester).write({"vehicle_id": self.sedan_2.id})
        self.assertEqual(trip.vehicle_id, self.sedan)

    def test_driver_cannot_change_the_vehicle(self):
        trip = self._trip()
        with self.refused(UserError, "Only the vehicle office"):
            trip.with_user(self.driver).write({"destination": "Home"})

    def test_driver_cannot_dispatch_himself(self):
        trip = self._trip()
        with self.refused(UserError, "Only the vehicle office"):
            trip.with_user(self.driver).action_dispatch()
        self.assertEqual(trip.state, "draft")

    def test_other_driver_cannot_record_the_departure(self):
        trip = self._dispatched()
        trip.with_user(self.driver).write({"odometer_out": 10})
        with self.assertRaises(UserError):
            trip.with_user(self.driver_2).action_depart()
        self.assertEqual(trip.state, "dispatched")

    def test_finance_reads_all_trips_but_writes_none(self):
        trip = self._dispatched()
        self.assertTrue(trip.with_user(self.finance).destination)
        with self.assertRaises(AccessError):
            trip.with_user(self.finance).write({"note": "x"})

    def test_penalties_are_the_office_s(self):
        violation = self.env["hospital.fleet.violation"].create(
            {"kind": "wrong_parking", "driver_id": self.driver.id}
        )
        with self.assertRaises(AccessError):
            violation.with_user(self.driver_2).read(["amount"])
        self.assertEqual(violation.with_user(self.driver).amount, 20)
        with self.assertRaises(AccessError):
            violation.with_user(self.driver).write({"amount": 0})
        with self.assertRaises(AccessError):
            violation.with_user(self.requester).read(["amount"])

    def test_keys_are_not_deleted(self):
        with self.assertRaises(AccessError):
            self.key.with_user(self.dispatcher).unlink()
