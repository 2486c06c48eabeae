from odoo.tests import HttpCase, tagged

from .common import OFFICE


@tagged("post_install", "-at_install")
class TestUi(HttpCase):
    """The admin is the dormitory office: a nurse's application gets a bed."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env.ref("base.user_admin").group_ids |= cls.env.ref(OFFICE)
        building = cls.env["hospital.housing.building"].create(
            {"name": "Tour Dormitory"}
        )
        room = cls.env["hospital.housing.room"].create(
            {"name": "T01", "building_id": building.id}
        )
        cls.bed = cls.env["hospital.housing.bed"].create(
            {"name": "TOURBED", "room_id": room.id}
        )
        employee = cls.env["hr.employee"].create({"name": "Tour Resident"})
        cls.application = cls.env["hospital.housing.application"].create(
            {"employee_id": employee.id}
        )
        cls.application.action_submit()

    def test_approve_application_tour(self):
        self.start_tour(
            "/odoo/action-hospital_housing.hospital_housing_application_action/"
            f"{self.application.id}",
            "hospital_housing_approve",
            login="admin",
        )
        self.assertEqual(self.application.state, "approved")
        self.assertEqual(self.application.new_allocation_id.bed_id, self.bed)
