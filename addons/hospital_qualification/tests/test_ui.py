from odoo.tests import HttpCase, tagged

from odoo.addons.hospital_logistics.groups import MANAGER


@tagged("post_install", "-at_install")
class TestUi(HttpCase):
    """The logistics chief closes an electricians' re-examination: the
    attendee who passed gets a new licence."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env.ref("base.user_admin").group_ids |= cls.env.ref(MANAGER)
        cls.employee = cls.env["hr.employee"].create({"name": "Tour Electrician"})
        cls.training = cls.env["hospital.licence.training"].create(
            {
                "name": "Tour re-examination",
                "licence_type_id": cls.env.ref(
                    "hospital_qualification.hospital_licence_type_electrician"
                ).id,
                "line_ids": [
                    (
                        0,
                        0,
                        {"employee_id": cls.employee.id, "score": 90, "result": "pass"},
                    )
                ],
            }
        )

    def test_training_tour(self):
        self.start_tour(
            "/odoo/action-hospital_qualification.hospital_licence_training_action/"
            f"{self.training.id}",
            "hospital_qualification_training",
            login="admin",
        )
        self.assertEqual(self.training.state, "done")
        self.assertTrue(self.training.line_ids.licence_id)
