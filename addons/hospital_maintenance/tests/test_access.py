from odoo.exceptions import AccessError, UserError

from .common import HospitalMaintenanceCase


class TestAccess(HospitalMaintenanceCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.request = cls._request(user=cls.requester, name="Tap leaking")

    def _visible(self, user):
        return (
            self.env["maintenance.request"]
            .with_user(user)
            .search([("id", "=", self.request.id)])
        )

    def test_requester_sees_own_request(self):
        self.assertTrue(self._visible(self.requester))

    def test_department_sees_its_requests(self):
        self.assertTrue(self._visible(self.head_nurse))

    def test_other_department_refused(self):
        self.assertFalse(self._visible(self.head_nurse_icu))
        with self.assertRaises(AccessError):
            self.request.with_user(self.head_nurse_icu).read(["name"])

    def test_team_technician_sees_it(self):
        self.assertTrue(self._visible(self.technician))

    def test_technician_of_another_team_refused(self):
        self.assertFalse(self._visible(self.other_technician))
        with self.assertRaises(AccessError):
            self.request.with_user(self.other_technician).read(["name"])

    def test_manager_sees_all(self):
        self.assertTrue(self._visible(self.manager))

    def test_unlink_refused_for_non_managers(self):
        with self.assertRaises(UserError):
            self.request.with_user(self.requester).unlink()
        with self.assertRaises(UserError):
            self.request.with_user(self.technician).unlink()
        self.assertTrue(self.request.exists())

    def test_other_company_refused(self):
        other = self.env["res.company"].create({"name": "Other Hospital"})
        team = self.env["maintenance.team"].create(
            {"name": "Other team", "company_id": other.id}
        )
        location = self.env["hospital.location"].create(
            {"building": "B", "room": "1", "company_id": other.id}
        )
        request = self.env["maintenance.request"].create(
            {
                "name": "Elsewhere",
                "company_id": other.id,
                "maintenance_team_id": team.id,
                "location_id": location.id,
            }
        )
        self.assertFalse(
            self.env["maintenance.request"]
            .with_user(self.manager)
            .search([("id", "=", request.id)])
        )
        self.assertFalse(
            self.env["hospital.location"]
            .with_user(self.manager)
            .search([("id", "=", location.id)])
        )

    def test_requester_reports_through_hospital_logistics_only(self):
        core_app = self.env.ref("maintenance.menu_maintenance_title")
        desk = self.env.ref("hospital_maintenance.hospital_service_desk_menu")
        Menu = self.env["ir.ui.menu"]
        requester_menus = Menu.with_user(self.requester)._visible_menu_ids()
        self.assertNotIn(core_app.id, requester_menus)
        self.assertIn(desk.id, requester_menus)
        self.assertIn(core_app.id, Menu.with_user(self.technician)._visible_menu_ids())

    def test_requester_cannot_configure(self):
        with self.assertRaises(AccessError):
            self.env["hospital.service.category"].with_user(self.requester).create(
                {"name": "X", "team_id": self.team.id}
            )
        with self.assertRaises(AccessError):
            self.env["hospital.escalation.level"].with_user(self.requester).search([])
