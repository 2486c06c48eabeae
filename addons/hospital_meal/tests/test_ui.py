from datetime import timedelta

from odoo import fields
from odoo.tests import HttpCase, tagged


@tagged("post_install", "-at_install")
class TestUi(HttpCase):
    """A head nurse orders tomorrow's lunch of her ward and submits it."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        admin = cls.env.ref("base.user_admin")
        ward = cls.env["hr.department"].create(
            {"name": "Tour Ward", "hospital_kind": "ward", "head_nurse_id": admin.id}
        )
        beds = cls.env["hospital.ward.bed"].create(
            [{"name": name, "department_id": ward.id} for name in ("01", "02")]
        )
        cls.env["hospital.ward.stay"].create(
            [
                {
                    "patient_name": "Tour Patient",
                    "inpatient_number": "ZY-T1",
                    "bed_id": beds[0].id,
                    "date_admitted": fields.Date.today() - timedelta(days=2),
                }
            ]
        )
        cls.ward = ward

    def test_order_tour(self):
        self.start_tour(
            "/odoo/action-hospital_meal.hospital_meal_order_action/new",
            "hospital_meal_order",
            login="admin",
        )
        order = self.env["hospital.meal.order"].search(
            [("department_id", "=", self.ward.id)]
        )
        self.assertEqual(order.state, "submitted")
        self.assertEqual(order.line_ids.patient_name, "Tour Patient")
        self.assertEqual(order.line_ids.quantity, 2)
