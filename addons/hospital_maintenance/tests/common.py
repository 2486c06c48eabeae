from datetime import timedelta

from odoo import fields
from odoo.tests import new_test_user

from odoo.addons.hospital_logistics.tests.common import GROUP, HospitalLogisticsCase


class HospitalMaintenanceCase(HospitalLogisticsCase):
    """A utilities team with its leader and technician, rooms in a ward and
    the ICU, and a repair and a cleaning service."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company.write(
            {
                "hospital_response_hours": 4,
                "hospital_critical_response_hours": 1,
                "hospital_emergency_response_minutes": 15,
                "hospital_resolution_hours": 24,
                "hospital_report_back_hours": 2,
                "hospital_autoclose_days": 3,
                "hospital_repair_approval_amount": 1000,
                "hospital_unsatisfied_rating": 2,
            }
        )
        cls.team_leader = new_test_user(
            cls.env, login="hm_team_leader", groups=GROUP + "staff", name="Qian Lei"
        )
        cls.other_technician = new_test_user(
            cls.env, login="hm_other_tech", groups=GROUP + "staff", name="Sun Tao"
        )
        cls.team = cls.env["maintenance.team"].create(
            {
                "name": "Utilities",
                "user_id": cls.team_leader.id,
                "member_ids": [(6, 0, (cls.technician | cls.team_leader).ids)],
                "duty_user_id": cls.technician.id,
            }
        )
        cls.other_team = cls.env["maintenance.team"].create(
            {"name": "Elevators", "member_ids": [(6, 0, cls.other_technician.ids)]}
        )
        Category = cls.env["hospital.service.category"]
        cls.cat_repair = Category.create(
            {"name": "Heating", "kind": "repair", "team_id": cls.team.id}
        )
        cls.cat_minor = Category.create(
            {
                "name": "Plumbing",
                "kind": "repair",
                "team_id": cls.team.id,
                "minor_by_default": True,
            }
        )
        cls.cat_cleaning = Category.create(
            {
                "name": "Cleaning",
                "kind": "cleaning",
                "team_id": cls.team.id,
                "response_hours": 1,
                "resolution_hours": 2,
            }
        )
        cls.cat_elevator = Category.create(
            {"name": "Elevator", "kind": "repair", "team_id": cls.other_team.id}
        )
        Location = cls.env["hospital.location"]
        cls.room_ward = Location.create(
            {
                "building": "Inpatient 2",
                "floor": "8F",
                "room": "805",
                "department_id": cls.ward.id,
            }
        )
        cls.room_icu = Location.create(
            {
                "building": "Inpatient 1",
                "floor": "3F",
                "room": "ICU-1",
                "department_id": cls.icu.id,
            }
        )

    @classmethod
    def _request(cls, user=None, category=None, **vals):
        Request = cls.env["maintenance.request"]
        if user:
            Request = Request.with_user(user)
        return Request.create(
            {
                "name": "Radiator cold",
                "service_category_id": (category or cls.cat_repair).id,
                "location_id": cls.room_ward.id,
                **vals,
            }
        )

    @staticmethod
    def _hours_ago(hours):
        return fields.Datetime.now() - timedelta(hours=hours)

    def _take_to_done(self, request):
        """Dispatch, respond and complete as the technician."""
        request.user_id = self.technician
        as_tech = request.with_user(self.technician)
        as_tech.action_dispatch()
        as_tech.action_respond()
        if request.needs_notice:
            request.notice_note = "Replace the valve"
            as_tech.action_request_notice()
            request.invalidate_recordset()
            request.with_user(self.team_leader).validate_tier()
        as_tech.action_done()
        return request
