from odoo.exceptions import UserError, ValidationError

from .common import HospitalHousingCase


class TestViolation(HospitalHousingCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.allocation = cls._house(cls.resident, cls.bed_a)

    def _violation(self, **vals):
        return (
            self.env["hospital.housing.violation"]
            .with_user(self.office)
            .create({"allocation_id": self.allocation.id, "kind": "lending", **vals})
        )

    def test_fine_starts_at_the_minimum_of_the_settings(self):
        violation = self._violation()
        self.assertEqual(violation.amount, 100)
        self.assertEqual(violation.employee_id, self.resident)
        violation.action_confirm()
        self.assertEqual(violation.state, "confirmed")
        self.assertEqual(violation.confirmed_by_id, self.office)

    def test_fine_stays_within_the_range_of_the_settings(self):
        self._violation(amount=200)
        with self.assertRaisesRegex(ValidationError, "between 100"):
            self._violation(amount=250)
        with self.assertRaisesRegex(ValidationError, "between 100"):
            self._violation(amount=50)
        self.company.hospital_housing_fine_max = 300
        self._violation(amount=250)

    def test_a_guest_is_late_only_after_the_curfew(self):
        with self.assertRaisesRegex(ValidationError, "until 23:00"):
            self._violation(kind="late_guest", guest_left_hour=22.5)
        self._violation(kind="late_guest", guest_left_hour=23.5)
        self._violation(kind="late_guest", guest_left_hour=1.0)
        self.company.hospital_housing_curfew = 22.0
        self._violation(kind="late_guest", guest_left_hour=22.5)

    def test_settings_are_consistent(self):
        with self.assertRaises(ValidationError):
            self.company.hospital_housing_fine_min = 300
        with self.assertRaises(ValidationError):
            self.company.hospital_housing_curfew = 25

    def test_a_fined_violation_is_frozen(self):
        violation = self._violation()
        violation.action_confirm()
        with self.assertRaises(UserError):
            violation.amount = 150
