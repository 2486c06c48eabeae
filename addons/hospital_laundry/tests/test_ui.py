from odoo.tests import HttpCase, tagged


@tagged("post_install", "-at_install")
class TestUi(HttpCase):
    """The admin works in the laundry: he counts a ward's linen and collects."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env.ref("base.user_admin").group_ids |= cls.env.ref(
            "hospital_laundry.hospital_laundry_group_laundry"
        )
        ward = cls.env["hr.department"].create(
            {"name": "Tour Ward", "hospital_kind": "ward"}
        )
        cls.round = cls.env["hospital.laundry.round"].create({"department_id": ward.id})

    def test_collect_tour(self):
        self.start_tour(
            f"/odoo/action-hospital_laundry.hospital_laundry_round_action/{self.round.id}",
            "hospital_laundry_collect",
            login="admin",
        )
        self.assertEqual(self.round.state, "collected")
        self.assertEqual(self.round.collected_total, 25)
