import re

from odoo.tests import HttpCase, tagged

from .common import HospitalMaintenanceCase


@tagged("post_install", "-at_install")
class TestQrReporting(HttpCase, HospitalMaintenanceCase):
    def test_location_page_is_prefilled(self):
        self.authenticate("hl_requester", "hl_requester")
        response = self.url_open(f"/hospital/report/location/{self.room_ward.qr_token}")
        self.assertEqual(response.status_code, 200)
        self.assertIn("Inpatient 2 / 8F / 805", response.text)

    def test_unknown_token_is_not_found(self):
        self.authenticate("hl_requester", "hl_requester")
        response = self.url_open("/hospital/report/location/nope")
        self.assertEqual(response.status_code, 404)

    def test_anonymous_is_sent_to_login(self):
        response = self.url_open(
            f"/hospital/report/location/{self.room_ward.qr_token}",
            allow_redirects=False,
        )
        self.assertIn(response.status_code, (302, 303))
        self.assertIn("/web/login", response.headers["Location"])

    def test_equipment_scan_creates_request(self):
        equipment = self.env["maintenance.equipment"].create(
            {"name": "Infusion pump B7", "hospital_location_id": self.room_icu.id}
        )
        self.authenticate("hl_requester", "hl_requester")
        page = self.url_open(f"/hospital/report/equipment/{equipment.qr_token}")
        self.assertIn("Infusion pump B7", page.text)
        csrf = re.search(r'name="csrf_token" value="([^"]+)"', page.text).group(1)
        response = self.url_open(
            "/hospital/report/submit",
            data={
                "csrf_token": csrf,
                "equipment_token": equipment.qr_token,
                "category_id": self.cat_repair.id,
                "name": "Pump alarms continuously",
            },
        )
        self.assertEqual(response.status_code, 200)
        request = self.env["maintenance.request"].search(
            [("name", "=", "Pump alarms continuously")]
        )
        self.assertEqual(request.equipment_id, equipment)
        self.assertEqual(request.location_id, self.room_icu)
        self.assertEqual(request.requester_id, self.requester)
        self.assertEqual(request.channel, "qr")

    def test_missing_description_is_asked_again(self):
        self.authenticate("hl_requester", "hl_requester")
        page = self.url_open(f"/hospital/report/location/{self.room_ward.qr_token}")
        csrf = re.search(r'name="csrf_token" value="([^"]+)"', page.text).group(1)
        count = self.env["maintenance.request"].search_count([])
        response = self.url_open(
            "/hospital/report/submit",
            data={
                "csrf_token": csrf,
                "location_token": self.room_ward.qr_token,
                "category_id": self.cat_repair.id,
                "name": "  ",
            },
        )
        self.assertIn("alert-danger", response.text)
        self.assertEqual(self.env["maintenance.request"].search_count([]), count)

    def test_label_prints(self):
        html = self.env["ir.actions.report"]._render_qweb_html(
            "hospital_maintenance.hospital_location_label_report", self.room_ward.ids
        )[0]
        self.assertIn(b"805", html)
        self.assertIn(b"<img", html)

    def test_oversized_name_is_asked_again(self):
        self.authenticate("hl_requester", "hl_requester")
        page = self.url_open(f"/hospital/report/location/{self.room_ward.qr_token}")
        csrf = re.search(r'name="csrf_token" value="([^"]+)"', page.text).group(1)
        self.assertIn('maxlength="200"', page.text)
        count = self.env["maintenance.request"].search_count([])
        response = self.url_open(
            "/hospital/report/submit",
            data={
                "csrf_token": csrf,
                "location_token": self.room_ward.qr_token,
                "category_id": self.cat_repair.id,
                "name": "灯不亮" * 1000,
                "description": "x" * 100,
            },
        )
        self.assertEqual(response.status_code, 200)
        self.assertIn("alert-danger", response.text)
        self.assertEqual(self.env["maintenance.request"].search_count([]), count)
