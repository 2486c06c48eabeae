from datetime import timedelta

from odoo.exceptions import UserError

from odoo.addons.hospital_fleet.tests.common import HospitalFleetCase


class TestFleetLicence(HospitalFleetCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.driving = cls.env.ref("hospital_qualification.hospital_licence_type_driver")
        cls.driving.hospital_required_to_drive = True
        Employee = cls.env["hr.employee"]
        cls.emp_driver = Employee.create({"name": "Ma Jun", "user_id": cls.driver.id})
        cls.emp_driver_2 = Employee.create(
            {"name": "Lin Tao", "user_id": cls.driver_2.id}
        )
        day = cls.tomorrow.date()
        Licence = cls.env["hospital.licence"]
        Licence.create(
            {
                "name": "D-1",
                "employee_id": cls.emp_driver.id,
                "licence_type_id": cls.driving.id,
                "issue_date": day - timedelta(days=30),
            }
        )
        Licence.create(
            {
                "name": "D-2",
                "employee_id": cls.emp_driver_2.id,
                "licence_type_id": cls.driving.id,
                "issue_date": day - timedelta(days=400),
            }
        )

    def test_licensed_driver_is_dispatched(self):
        trip = self._dispatched()
        self.assertEqual(trip.state, "dispatched")

    def test_expired_driving_licence_blocks_dispatch(self):
        trip = self._trip(driver=self.driver_2)
        with self.assertRaises(UserError) as caught:
            trip.with_user(self.dispatcher).action_dispatch()
        self.assertIn("Lin Tao", str(caught.exception))
        self.assertEqual(trip.state, "draft")

    def test_not_required_when_unticked(self):
        self.driving.hospital_required_to_drive = False
        trip = self._trip(driver=self.driver_2)
        trip.with_user(self.dispatcher).action_dispatch()
        self.assertEqual(trip.state, "dispatched")
