from odoo import fields
from odoo.tests import new_test_user

from odoo.addons.hospital_logistics.tests.common import HospitalLogisticsCase

OFFICE = "hospital_housing.hospital_housing_group_office"


class HospitalHousingCase(HospitalLogisticsCase):
    """Two dormitory buildings, the dormitory office, and two nurses who live
    (or want to live) there."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company.write(
            {
                "hospital_housing_curfew": 23.0,
                "hospital_housing_fine_min": 100,
                "hospital_housing_fine_max": 200,
            }
        )
        cls.office = new_test_user(
            cls.env, login="hh_office", groups=OFFICE, name="Sun Hong"
        )
        cls.nurse_2 = new_test_user(
            cls.env,
            login="hh_nurse_2",
            groups="hospital_logistics.hospital_logistics_group_requester",
            name="He Jing",
        )
        Employee = cls.env["hr.employee"]
        cls.resident = Employee.search([("user_id", "=", cls.requester.id)])
        cls.resident_2 = Employee.create(
            {"name": "He Jing", "user_id": cls.nurse_2.id, "department_id": cls.icu.id}
        )
        cls.resident_3 = Employee.create({"name": "Qian Lei"})
        Building = cls.env["hospital.housing.building"]
        cls.building = Building.create({"name": "HH Dormitory 1", "code": "HH1"})
        cls.building_2 = Building.create({"name": "HH Dormitory 2", "code": "HH2"})
        Room = cls.env["hospital.housing.room"]
        cls.room = Room.create({"name": "101", "building_id": cls.building.id})
        cls.room_2 = Room.create({"name": "201", "building_id": cls.building_2.id})
        Bed = cls.env["hospital.housing.bed"]
        cls.bed_a = Bed.create({"name": "A", "room_id": cls.room.id})
        cls.bed_b = Bed.create({"name": "B", "room_id": cls.room.id})
        cls.bed_c = Bed.create({"name": "A", "room_id": cls.room_2.id})
        cls.today = fields.Date.context_today(cls.env["hospital.housing.bed"])

    @classmethod
    def _apply(cls, employee, bed, kind="move_in", user=None, date_start=None):
        """An application made by the resident's user (or the office)."""
        user = user or employee.user_id or cls.office
        application = (
            cls.env["hospital.housing.application"]
            .with_user(user)
            .create(
                {
                    "kind": kind,
                    "employee_id": employee.id,
                    "date_start": date_start or cls.today,
                }
            )
        )
        application.action_submit()
        application.with_user(cls.office).bed_id = bed
        return application

    @classmethod
    def _house(cls, employee, bed, date_start=None):
        application = cls._apply(employee, bed, date_start=date_start)
        application.with_user(cls.office).action_approve()
        return application.new_allocation_id
