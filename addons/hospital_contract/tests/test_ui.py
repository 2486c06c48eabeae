from odoo.tests import HttpCase, tagged


@tagged("post_install", "-at_install")
class TestContractUi(HttpCase):
    """The admin heads the countersigning department, belongs to leadership
    and is the legal representative: one login walks the whole flow."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        admin = cls.env.ref("base.user_admin")
        admin.group_ids |= cls.env.ref(
            "hospital_logistics.hospital_logistics_group_leadership"
        )
        cls.env.company.hospital_legal_representative_id = admin
        employee = cls.env["hr.employee"].search([("user_id", "=", admin.id)], limit=1)
        employee = employee or cls.env["hr.employee"].create(
            {"name": admin.name, "user_id": admin.id}
        )
        finance = cls.env["hr.department"].create(
            {"name": "Tour Finance", "manager_id": employee.id}
        )
        ward = cls.env["hr.department"].create({"name": "Tour Ward"})
        cls.env["hospital.contract.type"].create(
            {
                "name": "Tour Services",
                "department_id": ward.id,
                "countersign_department_ids": [(6, 0, finance.ids)],
            }
        )
        vendor = cls.env["res.partner"].create(
            {"name": "Tour Cleaning Co.", "is_company": True}
        )
        cls.env["hospital.contract.qualification"].create(
            [
                {"partner_id": vendor.id, "kind": kind}
                for kind in ("licence", "legal_representative", "qualification")
            ]
        )

    def test_contract_flow_tour(self):
        self.start_tour(
            "/odoo/hospital-contracts/new", "hospital_contract_flow", login="admin"
        )
        contract = self.env["hospital.contract"].search(
            [("title", "=", "Tour cleaning contract")]
        )
        self.assertEqual(contract.state, "archived")
        self.assertEqual(contract.countersign_ids.state, "agreed")
        self.assertEqual(len(contract.seal_log_ids), 1)
        self.assertEqual(contract.retention_years, 10)
