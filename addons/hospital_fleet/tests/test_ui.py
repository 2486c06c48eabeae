from datetime import timedelta

from odoo import fields
from odoo.tests import HttpCase, new_test_user, tagged

from .common import DISPATCHER, DRIVER


@tagged("post_install", "-at_install")
class TestUi(HttpCase):
    """The admin heads the tour ward and is the vehicle office: one login
    walks a request through dispatch to the closed slip, both signatures
    included (the vehicle user is the requester, the admin)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        admin = cls.env.ref("base.user_admin")
        admin.group_ids |= cls.env.ref(DISPATCHER)
        cls.ward = cls.env["hr.department"].create(
            {"name": "Tour Ward", "hospital_kind": "ward", "head_nurse_id": admin.id}
        )
        cls.driver = new_test_user(
            cls.env, login="hf_tour_driver", groups=DRIVER, name="Tour Driver"
        )
        brand = cls.env["fleet.vehicle.model.brand"].create({"name": "Tour Brand"})
        model = cls.env["fleet.vehicle.model"].create(
            {"name": "Tour Van", "brand_id": brand.id}
        )
        cls.vehicle = cls.env["fleet.vehicle"].create(
            {"model_id": model.id, "license_plate": "TOUR-001", "seats": 7}
        )
        start = fields.Datetime.now().replace(microsecond=0) + timedelta(days=2)
        cls.request = cls.env["hospital.fleet.request"].create(
            {
                "department_id": cls.ward.id,
                "requester_id": admin.id,
                "purpose": "Tour: blood samples to the lab",
                "destination": "Municipal Blood Centre",
                "passenger_count": 1,
                "date_start": start,
                "date_end": start + timedelta(hours=2),
            }
        )
        cls.request.action_submit()

    def test_request_dispatch_close_tour(self):
        self.start_tour(
            f"/odoo/action-hospital_fleet.hospital_fleet_request_action/{self.request.id}",
            "hospital_fleet_dispatch",
            login="admin",
        )
        trip = self.request.trip_ids
        self.assertEqual(trip.state, "done")
        self.assertEqual((trip.odometer_out, trip.odometer_in), (5000, 5042))
        self.assertEqual(trip.distance, 42)
        self.assertEqual(self.request.state, "done")
