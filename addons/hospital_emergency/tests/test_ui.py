from odoo.tests import HttpCase, tagged

from odoo.addons.hospital_logistics.groups import MANAGER


@tagged("post_install", "-at_install")
class TestUi(HttpCase):
    """The logistics chief records a power-failure drill with its findings."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env.ref("base.user_admin").group_ids |= cls.env.ref(MANAGER)
        plan = cls.env["hospital.emergency.plan"].create(
            {"name": "Tour power failure", "scenario": "power"}
        )
        cls.drill = cls.env["hospital.emergency.drill"].create(
            {"name": "Tour night drill", "plan_id": plan.id}
        )

    def test_drill_tour(self):
        self.start_tour(
            "/odoo/action-hospital_emergency.hospital_emergency_drill_action/"
            f"{self.drill.id}",
            "hospital_emergency_drill",
            login="admin",
        )
        self.assertEqual(self.drill.state, "done")
        self.assertIn("40 seconds", self.drill.findings)
