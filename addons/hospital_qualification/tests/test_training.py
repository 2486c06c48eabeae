from odoo.exceptions import UserError, ValidationError

from .common import HospitalQualificationCase


class TestTraining(HospitalQualificationCase):
    def _session(self):
        return self.env["hospital.licence.training"].create(
            {
                "name": "Electrician re-exam",
                "licence_type_id": self.type_electrician.id,
                "date": self.today,
                "line_ids": [
                    (
                        0,
                        0,
                        {
                            "employee_id": self.emp_other.id,
                            "score": 85,
                            "result": "pass",
                            "licence_number": "T-RENEWED",
                        },
                    ),
                    (
                        0,
                        0,
                        {
                            "employee_id": self.emp_leader.id,
                            "score": 40,
                            "result": "fail",
                        },
                    ),
                    (0, 0, {"employee_id": self.emp_contractor.id, "attended": False}),
                ],
            }
        )

    def test_passing_renews_the_licence(self):
        session = self._session()
        self.assertEqual(session.attendee_count, 2)
        self.assertEqual(session.passed_count, 1)
        session.action_close()
        self.assertEqual(session.state, "done")
        self.assertFalse(
            self.emp_other._hospital_licence_problems(self.type_electrician)
        )
        self.assertTrue(
            self.emp_leader._hospital_licence_problems(self.type_electrician)
        )

    def test_results_needed_and_final(self):
        session = self._session()
        session.line_ids[1].result = False
        with self.assertRaises(UserError):
            session.action_close()
        session.line_ids[1].result = "fail"
        session.action_close()
        with self.assertRaises(UserError):
            session.line_ids[0].score = 100

    def test_absent_has_no_result(self):
        session = self._session()
        with self.assertRaises(ValidationError):
            session.line_ids[2].result = "pass"

    def test_state_moves_by_buttons_only(self):
        session = self._session()
        with self.assertRaises(UserError):
            session.with_user(self.manager).write({"state": "done"})
