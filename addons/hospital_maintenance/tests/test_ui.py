from odoo.tests import HttpCase, tagged

from .common import HospitalMaintenanceCase


@tagged("post_install", "-at_install")
class TestUi(HttpCase, HospitalMaintenanceCase):
    def test_report_from_qr_page_tour(self):
        self.start_tour(
            f"/hospital/report/location/{self.room_ward.qr_token}",
            "hospital_maintenance_qr_report",
            login="hl_requester",
        )
        request = self.env["maintenance.request"].search(
            [("name", "=", "Tour: ceiling light broken")]
        )
        self.assertEqual(request.location_id, self.room_ward)
        self.assertEqual(request.requester_id, self.requester)

    def test_dispatch_tour(self):
        request = self._request(user=self.requester, name="Tour: heater cold")
        self.start_tour(
            f"/odoo/action-hospital_maintenance.maintenance_request_action/{request.id}",
            "hospital_maintenance_dispatch",
            login="hm_team_leader",
        )
        self.assertEqual(request.service_state, "dispatched")
        self.assertEqual(request.user_id, self.technician)

    def test_confirm_and_rate_tour(self):
        request = self._take_to_done(
            self._request(
                user=self.requester, category=self.cat_minor, name="Tour: tap fixed"
            )
        )
        self.start_tour(
            f"/odoo/action-hospital_maintenance.maintenance_request_action_mine/{request.id}",
            "hospital_maintenance_rate",
            login="hl_requester",
        )
        self.assertEqual(request.service_state, "closed")
        self.assertEqual(request.rating, "4")
