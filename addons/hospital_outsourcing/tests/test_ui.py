from odoo import Command
from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestUi(HttpCase):
    """The logistics manager scores, signs and locks a vendor's quarter; the
    vendor answers an inspection finding from the portal."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.manager = new_test_user(
            cls.env,
            login="ho_tour_manager",
            name="Tour Manager",
            groups="base.group_user,hospital_logistics.hospital_logistics_group_manager",
        )
        cls.vendor_company = cls.env["res.partner"].create(
            {"name": "Tour Lift Co.", "is_company": True}
        )
        cls.vendor = new_test_user(
            cls.env, login="ho_tour_vendor", groups="base.group_portal"
        )
        cls.vendor.partner_id.parent_id = cls.vendor_company
        template = cls.env["hospital.outsourcing.kpi.template"].create(
            {
                "name": "Tour KPIs",
                "service_type": "equipment",
                "criterion_ids": [
                    Command.create(
                        {"name": "Upkeep", "source": "inspection", "weight": 100}
                    )
                ],
            }
        )
        cls.agreement = cls.env["hospital.outsourcing.agreement"].create(
            {
                "title": "Tour elevators",
                "vendor_id": cls.vendor_company.id,
                "service_type": "equipment",
                "date_start": "2026-01-01",
                "date_end": "2026-12-31",
                "kpi_template_id": template.id,
            }
        )
        cls.agreement.action_activate()

    def test_manager_scorecard_tour(self):
        card = self.env["hospital.outsourcing.scorecard"].create(
            {"agreement_id": self.agreement.id, "year": 2026, "quarter": "3"}
        )
        self.start_tour(
            "/odoo/action-hospital_outsourcing.hospital_outsourcing_scorecard_action",
            "hospital_outsourcing_scorecard",
            login="ho_tour_manager",
        )
        self.assertEqual(card.state, "locked")
        self.assertEqual(card.manager_signature_user_id, self.manager)
        self.assertEqual(card.score, 100)

    def test_vendor_portal_tour(self):
        inspection = self.env[
            "hospital.outsourcing.inspection"
        ]._hospital_portal_fixture(self.vendor_company)
        self.start_tour(
            "/my", "hospital_outsourcing_vendor_portal", login="ho_tour_vendor"
        )
        line = inspection.line_ids
        self.assertEqual(line.finding_state, "answered")
        self.assertIn("Floor mopped again", line.vendor_answer)
        self.assertEqual(line.answered_by_id, self.vendor)
