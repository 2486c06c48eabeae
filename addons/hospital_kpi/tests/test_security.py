from datetime import date

from odoo.exceptions import AccessError, UserError
from odoo.tests import new_test_user

from .common import HospitalKpiCase


class TestSecurity(HospitalKpiCase):
    """Leadership and managers see every figure, a department head only the
    department's, everyone else none."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.q1.action_close()
        # The ICU's head of department (hr manager), not a custodian.
        cls.icu_director = new_test_user(
            cls.env,
            login="hk_icu_director",
            groups="hospital_logistics.hospital_logistics_group_requester",
            name="Dr. Huang",
        )
        cls.icu.manager_id = cls.env["hr.employee"].create(
            {"name": "Dr. Huang", "user_id": cls.icu_director.id}
        )
        cls.icu.head_nurse_id = False
        cls.action = cls.env["hospital.kpi.action"].create(
            {
                "name": "Retrain ward porters",
                "period_id": cls.q1.id,
                "department_id": cls.ward.id,
                "owner_id": cls.head_nurse.id,
                "deadline": date(2026, 6, 30),
            }
        )

    def _snapshots(self, user):
        return self.env["hospital.kpi.snapshot"].with_user(user).search([])

    def test_managers_and_leadership_see_everything(self):
        everything = self.env["hospital.kpi.snapshot"].search([])
        for user in (self.manager, self.leader):
            self.assertEqual(self._snapshots(user), everything)
            self.assertIn(self.q1, self.Period.with_user(user).search([]))

    def test_head_nurse_sees_her_department_only(self):
        seen = self._snapshots(self.head_nurse)
        self.assertTrue(seen)
        self.assertEqual(seen.department_id, self.ward)
        icu = self.snapshot(self.q1, self.staff_kpi, self.icu)
        with self.assertRaises(AccessError):
            icu.with_user(self.head_nurse).read(["value"])
        hospital = self.snapshot(self.q1, self.staff_kpi)
        with self.assertRaises(AccessError):
            hospital.with_user(self.head_nurse).read(["value"])
        self.assertIn(self.q1, self.Period.with_user(self.head_nurse).search([]))

    def test_department_manager_sees_the_department(self):
        seen = self._snapshots(self.icu_director)
        self.assertEqual(seen.department_id, self.icu)

    def test_others_see_nothing(self):
        for user in (self.requester, self.technician, self.finance):
            self.assertFalse(self._snapshots(user), user.login)
            self.assertFalse(self.Period.with_user(user).search([]), user.login)
            self.assertFalse(
                self.env["hospital.kpi.action"].with_user(user).search([]), user.login
            )
            with self.assertRaises(AccessError):
                self.q1.with_user(user).read(["comment"])
        with self.assertRaises(AccessError):
            self.env["hospital.kpi.snapshot"].with_user(self.vendor).search([])

    def test_nobody_edits_a_figure(self):
        hospital = self.snapshot(self.q1, self.staff_kpi)
        ward = self.snapshot(self.q1, self.staff_kpi, self.ward)
        for user, snapshot in (
            (self.manager, hospital),
            (self.leader, hospital),
            (self.head_nurse, ward),
        ):
            with self.assertRaises(AccessError):
                snapshot.with_user(user).write({"value": 100.0})
            with self.assertRaises(AccessError):
                snapshot.with_user(user).unlink()
            with self.assertRaises(AccessError):
                self.env["hospital.kpi.snapshot"].with_user(user).create(
                    {"period_id": self.q1.id, "definition_id": self.staff_kpi.id}
                )

    def test_owner_completes_the_action_others_cannot(self):
        with self.assertRaises(UserError):
            self.action.with_user(self.head_nurse_icu).action_done()
        with self.assertRaises(AccessError):
            self.action.with_user(self.head_nurse).write({"deadline": date(2027, 1, 1)})
        with self.assertRaises(UserError):
            self.action.with_user(self.manager).write({"state": "done"})
        self.action.with_user(self.head_nurse).action_done()
        self.assertEqual(self.action.state, "done")
        self.assertTrue(self.action.done_date)
        with self.assertRaises(UserError):
            self.action.with_user(self.head_nurse).action_reopen()
        self.action.with_user(self.manager).action_reopen()
        self.assertEqual(self.action.state, "open")

    def test_surveys_are_the_managers(self):
        link = self.env["hospital.kpi.survey"].search([], limit=1)
        with self.assertRaises(AccessError):
            link.with_user(self.head_nurse).read(["audience"])
        self.assertTrue(link.with_user(self.manager).answer_count)
