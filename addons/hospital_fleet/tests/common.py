import base64
from contextlib import contextmanager
from datetime import timedelta

from odoo import fields
from odoo.tests import new_test_user

from odoo.addons.hospital_logistics.tests.common import HospitalLogisticsCase

DRIVER = "hospital_fleet.hospital_fleet_group_driver"
DISPATCHER = "hospital_fleet.hospital_fleet_group_dispatcher"
# A 1x1 transparent PNG: what the signature pad sends.
SIGNATURE = base64.b64encode(
    bytes.fromhex(
        "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489"
        "0000000d49444154789c6360000002000001e221bc330000000049454e44ae426082"
    )
)


class HospitalFleetCase(HospitalLogisticsCase):
    """A vehicle office with its dispatcher, two drivers, a sedan and an
    ambulance; the ward's head nurse requests vehicles."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company.write(
            {
                "hospital_vehicle_request_lead_hours": 24,
                "hospital_vehicle_ready_minutes": 10,
                "hospital_vehicle_repair_deputy_limit": 1000,
                "hospital_fuel_alert_margin": 10,
                "hospital_accident_hospital_share": 30,
            }
        )
        cls.dispatcher = new_test_user(
            cls.env, login="hf_dispatcher", groups=DISPATCHER, name="Xu Dong"
        )
        cls.driver = new_test_user(
            cls.env, login="hf_driver", groups=DRIVER, name="Ma Jun"
        )
        cls.driver_2 = new_test_user(
            cls.env, login="hf_driver_2", groups=DRIVER, name="Lin Tao"
        )
        brand = cls.env["fleet.vehicle.model.brand"].create({"name": "HF Brand"})
        Model = cls.env["fleet.vehicle.model"]
        sedan_model = Model.create({"name": "HF Sedan", "brand_id": brand.id})
        ambulance_model = Model.create({"name": "HF Ambulance", "brand_id": brand.id})
        Vehicle = cls.env["fleet.vehicle"]
        cls.sedan = Vehicle.create(
            {
                "model_id": sedan_model.id,
                "license_plate": "浙A·T0001",
                "seats": 5,
                "hospital_fuel_norm": 8.0,
            }
        )
        cls.sedan_2 = Vehicle.create(
            {"model_id": sedan_model.id, "license_plate": "浙A·T0002", "seats": 5}
        )
        cls.ambulance = Vehicle.create(
            {
                "model_id": ambulance_model.id,
                "license_plate": "浙A·T120",
                "seats": 6,
                "hospital_vehicle_kind": "ambulance",
            }
        )
        cls.key = cls.env["hospital.fleet.key"].create(
            {"name": "Sedan key", "vehicle_id": cls.sedan.id, "kind": "key"}
        )
        cls.spare = cls.env["hospital.fleet.key"].create(
            {
                "name": "Sedan spare key",
                "vehicle_id": cls.sedan.id,
                "kind": "spare_key",
                "travels_with_vehicle": False,
            }
        )
        cls.now = fields.Datetime.now().replace(microsecond=0)
        cls.tomorrow = cls.now + timedelta(days=2)

    # ------------------------------------------------------------ helpers
    @contextmanager
    def refused(self, exception, pattern):
        """``assertRaisesRegex`` that rolls back what the refused call wrote,
        as ``assertRaises`` does."""
        with self.assertRaises(exception) as caught:
            yield caught
        self.assertRegex(str(caught.exception), pattern)

    def _request(self, user=None, start=None, hours=3, **vals):
        start = start or self.tomorrow
        values = {
            "department_id": self.ward.id,
            "purpose": "Medical conference",
            "destination": "Provincial People's Hospital",
            "passenger_count": 2,
            "date_start": start,
            "date_end": start + timedelta(hours=hours),
            **vals,
        }
        return (
            self.env["hospital.fleet.request"]
            .with_user(user or self.requester)
            .create(values)
        )

    def _submitted(self, **vals):
        request = self._request(**vals)
        request.with_user(self.head_nurse).action_submit()
        return request

    def _trip(
        self, request=None, vehicle=None, driver=None, start=None, hours=3, **vals
    ):
        start = start or self.tomorrow
        values = {
            "department_id": self.ward.id,
            "user_id": self.requester.id,
            "purpose": "Medical conference",
            "destination": "Provincial People's Hospital",
            "vehicle_id": (vehicle or self.sedan).id,
            "driver_id": (driver or self.driver).id,
            "date_start": start,
            "date_end": start + timedelta(hours=hours),
            **vals,
        }
        if request:
            values["request_id"] = request.id
        return self.env["hospital.fleet.trip"].with_user(self.dispatcher).create(values)

    def _dispatched(self, **kw):
        trip = self._trip(**kw)
        trip.action_dispatch()
        return trip

    def _returned(self, odometer_out=1000, odometer_in=1080, **kw):
        trip = self._dispatched(**kw)
        trip.with_user(self.driver).write({"odometer_out": odometer_out})
        trip.with_user(self.driver).action_depart()
        trip.with_user(self.driver).write({"odometer_in": odometer_in})
        trip.with_user(self.driver).action_return()
        return trip

    def _sign(self, trip):
        trip.with_user(self.dispatcher).write({"dispatcher_signature": SIGNATURE})
        trip.with_user(self.requester).write({"user_signature": SIGNATURE})
