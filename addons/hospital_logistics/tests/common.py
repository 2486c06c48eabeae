from odoo.tests import TransactionCase, new_test_user

GROUP = "hospital_logistics.hospital_logistics_group_"


class HospitalLogisticsCase(TransactionCase):
    """One user per role of DOMAIN.md, and a ward and an ICU to work in.

    The suite's other addons build their tests on this class so that every test
    logs in as a real role instead of the superuser.
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company = cls.env.company
        new_user = lambda login, group, **kw: new_test_user(  # noqa: E731
            cls.env, login=login, groups=GROUP + group, **kw
        )
        cls.requester = new_user("hl_requester", "requester", name="Li Ming")
        cls.head_nurse = new_user("hl_head_nurse", "ward_custodian", name="Wang Fang")
        cls.head_nurse_icu = new_user(
            "hl_head_nurse_icu", "ward_custodian", name="Zhang Li"
        )
        cls.technician = new_user("hl_technician", "staff", name="Zhao Qiang")
        cls.manager = new_user("hl_manager", "manager", name="Chen Jianguo")
        cls.leader = new_user("hl_leader", "leadership", name="Liu Zhiyuan")
        cls.finance = new_user("hl_finance", "finance", name="Zhou Min")
        cls.archivist = new_user("hl_archivist", "archivist", name="Wu Jing")
        cls.vendor = new_test_user(
            cls.env, login="hl_vendor", groups="base.group_portal", name="Zheng Wei"
        )
        Department = cls.env["hr.department"]
        cls.ward = Department.create(
            {
                "name": "Cardiology Ward",
                "hospital_kind": "ward",
                "hospital_code": "T-W01",
                "head_nurse_id": cls.head_nurse.id,
            }
        )
        cls.icu = Department.create(
            {
                "name": "ICU",
                "hospital_kind": "ward",
                "hospital_code": "T-W03",
                "is_critical_area": True,
                "head_nurse_id": cls.head_nurse_icu.id,
            }
        )
        cls.env["hr.employee"].create(
            {
                "name": "Li Ming",
                "user_id": cls.requester.id,
                "department_id": cls.ward.id,
            }
        )
