import re

from odoo.tests import HttpCase, tagged

from .common import HospitalAssetCase


@tagged("post_install", "-at_install")
class TestCountPage(HttpCase, HospitalAssetCase):
    """The phone page of a count, as the ward's counter and as others."""

    def setUp(self):
        super().setUp()
        self.count = (
            self.env["hospital.asset.count"]
            .with_user(self.head_nurse)
            .create({"kind": "department", "department_id": self.ward.id})
        )
        self.count.action_start()
        self.url = f"/hospital/asset/count/{self.count.id}"

    def _line(self, asset):
        return self.count.line_ids.filtered(lambda line: line.equipment_id == asset)

    def _post(self, **data):
        page = self.url_open(self.url)
        csrf = re.search(r'name="csrf_token" value="([^"]+)"', page.text).group(1)
        return self.url_open(f"{self.url}/scan", data={"csrf_token": csrf, **data})

    def test_counter_scans_label_and_types_number(self):
        self.authenticate("hl_head_nurse", "hl_head_nurse")
        page = self.url_open(self.url)
        self.assertEqual(page.status_code, 200)
        self.assertIn("Patient monitor", page.text)
        self.assertIn(self.pump.hospital_asset_number, page.text)
        response = self._post(code=self.pump.qr_url)
        self.assertEqual(response.status_code, 200)
        self.assertIn("alert-success", response.text)
        self.assertEqual(self._line(self.pump).result, "found")
        # typed in lower case, found in another room of the ward
        response = self._post(
            code=self.monitor.hospital_asset_number.lower(), room_id=self.room_805.id
        )
        self.assertEqual(self._line(self.monitor).result, "wrong_location")
        self.assertEqual(self._line(self.monitor).found_location_id, self.room_805)
        self._post(surplus="Wheelchair without label", room_id=self.room_806.id)
        self.assertIn(
            "Wheelchair without label", self.count.line_ids.mapped("surplus_name")
        )

    def test_asset_of_another_department_is_refused(self):
        self.authenticate("hl_head_nurse", "hl_head_nurse")
        response = self._post(code=self.ventilator.qr_token)
        self.assertEqual(response.status_code, 409)
        self.assertIn("alert-danger", response.text)
        self.assertIn("ICU", response.text)
        self.assertNotIn(self.ventilator, self.count.line_ids.equipment_id)

    def test_counter_of_another_department_is_refused(self):
        self.authenticate("hl_head_nurse_icu", "hl_head_nurse_icu")
        self.assertEqual(self.url_open(self.url).status_code, 404)
        response = self.url_open(f"{self.url}/scan", data={"code": self.pump.qr_token})
        self.assertIn(response.status_code, (400, 404))
        self.assertEqual(self._line(self.pump).result, "pending")

    def test_closed_count_is_refused(self):
        self.count.action_submit()
        self.authenticate("hl_head_nurse", "hl_head_nurse")
        page = self.url_open(self.url)
        self.assertIn("closed", page.text)
        self.assertNotIn('name="code"', page.text)
        csrf = re.search(r'name="csrf_token" value="([^"]+)"', page.text)
        self.assertIsNone(csrf)
        # a form kept open on the phone from before the count was closed
        self.count.env.invalidate_all()
        response = self.url_open(
            f"{self.url}/scan",
            data={"csrf_token": self._csrf(), "code": self.pump.qr_token},
        )
        self.assertEqual(response.status_code, 409)
        self.assertIn("closed", response.text)
        self.assertEqual(self._line(self.pump).result, "missing")

    def _csrf(self):
        page = self.url_open("/web/login")
        return re.search(r'name="csrf_token" value="([^"]+)"', page.text).group(1)

    def test_anonymous_is_sent_to_login(self):
        response = self.url_open(self.url, allow_redirects=False)
        self.assertIn(response.status_code, (302, 303))
        self.assertIn("/web/login", response.headers["Location"])
