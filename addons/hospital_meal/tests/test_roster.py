from datetime import date

from odoo.exceptions import UserError

from .common import DAY, HospitalMealCase


class TestRoster(HospitalMealCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.health = cls.env.ref("hospital_meal.licence_type_health_certificate")
        Employee = cls.env["hr.employee"]
        cls.cook = Employee.create({"name": "Ma Qiang"})
        cls.cook_expired = Employee.create({"name": "Huang Lei"})
        cls.helper = Employee.create({"name": "Xu Li"})
        Licence = cls.env["hospital.licence"]
        Licence.create(
            {
                "employee_id": cls.cook.id,
                "licence_type_id": cls.health.id,
                "name": "JKZ-2026-001",
                "issue_date": date(2026, 3, 1),
            }
        )
        Licence.create(
            {
                "employee_id": cls.cook_expired.id,
                "licence_type_id": cls.health.id,
                "name": "JKZ-2025-017",
                "issue_date": date(2025, 10, 15),
            }
        )

    def _shift(self, employees, day=DAY, shift="day"):
        return (
            self.env["hospital.meal.shift"]
            .with_user(self.canteen)
            .create(
                {"date": day, "shift": shift, "employee_ids": [(6, 0, employees.ids)]}
            )
        )

    def test_health_certificate_is_yearly(self):
        self.assertEqual(self.health.cycle_months, 12)
        licence = self.env["hospital.licence"].search(
            [("employee_id", "=", self.cook_expired.id)]
        )
        self.assertEqual(licence.expiry_date, date(2026, 10, 15))

    def test_valid_health_certificate_on_the_roster(self):
        shift = self._shift(self.cook)
        self.assertEqual(shift.employee_count, 1)

    def test_expired_health_certificate_is_refused(self):
        shifts = self.env["hospital.meal.shift"].search_count([])
        with (
            self.assertRaisesRegex(UserError, "Huang Lei.*expired on 2026-10-15"),
            self.env.cr.savepoint(),
        ):
            self._shift(self.cook | self.cook_expired)
        self.assertEqual(self.env["hospital.meal.shift"].search_count([]), shifts)
        # Before it expired, the same cook could be rostered.
        self.assertTrue(self._shift(self.cook_expired, day=date(2026, 10, 1)))

    def test_no_health_certificate_is_refused(self):
        shift = self._shift(self.cook)
        with (
            self.assertRaisesRegex(UserError, "Xu Li.*no valid"),
            self.env.cr.savepoint(),
        ):
            shift.write({"employee_ids": [(4, self.helper.id)]})
        with self.assertRaisesRegex(UserError, "Huang Lei"), self.env.cr.savepoint():
            self._shift(self.cook_expired, day=date(2026, 10, 1)).date = DAY
        self.assertEqual(shift.employee_ids, self.cook)
