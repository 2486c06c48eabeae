from odoo.exceptions import AccessError

from .common import HospitalQualificationCase


class TestAccess(HospitalQualificationCase):
    def test_employee_sees_only_own_licences(self):
        Licence = self.env["hospital.licence"].with_user(self.technician)
        self.assertEqual(Licence.search([]), self.licence_valid)
        with self.assertRaises(AccessError):
            self.licence_expired.with_user(self.technician).read(["name"])

    def test_employee_cannot_edit_own_licence(self):
        with self.assertRaises(AccessError):
            self.licence_valid.with_user(self.technician).write(
                {"expiry_date": "2099-01-01"}
            )

    def test_manager_sees_all(self):
        Licence = self.env["hospital.licence"].with_user(self.manager)
        self.assertIn(self.licence_expired, Licence.search([]))
        self.licence_expired.with_user(self.manager).name = "T-EXP-2"

    def test_employee_cannot_create_licence(self):
        with self.assertRaises(AccessError):
            self.env["hospital.licence"].with_user(self.technician).create(
                {
                    "name": "FORGED",
                    "employee_id": self.emp_technician.id,
                    "licence_type_id": self.type_welder.id,
                }
            )

    def test_dispatcher_checks_licences_he_cannot_read(self):
        # The team leader (staff) cannot read the licences, the check still works.
        self.assertFalse(
            self.env["hospital.licence"].with_user(self.team_leader).search([])
        )
        problems = (
            self.env["hr.employee"]
            .with_user(self.team_leader)
            .browse(self.emp_other.id)
            ._hospital_licence_problems(self.type_electrician)
        )
        self.assertIn(self.emp_other.id, problems)
