from odoo.tests import HttpCase, tagged


@tagged("post_install", "-at_install")
class TestUi(HttpCase):
    def test_department_overview_tour(self):
        self.env["hr.department"].create(
            {
                "name": "Tour ICU",
                "hospital_kind": "ward",
                "is_critical_area": True,
            }
        )
        self.start_tour(
            "/odoo/hospital-logistics", "hospital_logistics_overview", login="admin"
        )
