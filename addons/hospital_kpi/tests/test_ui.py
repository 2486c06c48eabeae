from datetime import date

from odoo.tests import HttpCase, tagged


@tagged("post_install", "-at_install")
class TestUi(HttpCase):
    """The logistics manager opens the dashboard, then downloads the
    quarter's workbook."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        today = date.today()
        period = cls.env["hospital.kpi.period"]._hospital_ensure_period(
            "quarter", today, cls.env.company
        )
        period.action_refresh()
        cls.period = period

    def test_dashboard_tour(self):
        self.start_tour("/odoo/kpi-dashboard", "hospital_kpi_dashboard", login="admin")
        self.start_tour(
            f"/odoo/kpi-periods/{self.period.id}",
            "hospital_kpi_workbook",
            login="admin",
        )

    def test_workbook_download(self):
        self.authenticate("admin", "admin")
        response = self.url_open(
            f"/report/xlsx/hospital_kpi.period_xlsx/{self.period.id}"
        )
        self.assertEqual(response.status_code, 200)
        self.assertIn("spreadsheetml", response.headers["Content-Type"])
        self.assertEqual(response.content[:2], b"PK")
