from odoo.exceptions import UserError, ValidationError

from .common import HospitalFleetCase


class TestViolation(HospitalFleetCase):
    def _violation(self, kind, **vals):
        return (
            self.env["hospital.fleet.violation"]
            .with_user(self.dispatcher)
            .create({"kind": kind, "driver_id": self.driver.id, **vals})
        )

    def test_default_penalties_from_settings(self):
        expected = {
            "no_driver": 100,
            "no_dispatch": 100,
            "private_use": 100,
            "drunk_driving": 1000,
            "wrong_parking": 20,
            "traffic_fine": 0,
        }
        for kind, amount in expected.items():
            self.assertEqual(self._violation(kind).amount, amount, kind)
        self.company.hospital_penalty_wrong_parking = 50
        self.assertEqual(self._violation("wrong_parking").amount, 50)

    def test_traffic_fine_is_the_driver_s(self):
        fine = self._violation("traffic_fine", amount=200)
        fine.action_confirm()
        self.assertEqual(fine.driver_charge, 200)
        self.assertEqual(fine.hospital_amount, 0)

    def test_accident_split_beyond_insurance(self):
        accident = self._violation("accident", accident_cost=12000, insurance_paid=8000)
        accident.action_confirm()
        self.assertEqual(accident.uncovered_cost, 4000)
        self.assertEqual(accident.hospital_amount, 1200)
        self.assertEqual(accident.driver_charge, 2800)
        self.assertEqual(accident.hospital_share_percent, 30)

    def test_confirmed_split_keeps_its_share(self):
        accident = self._violation("accident", accident_cost=1000)
        accident.action_confirm()
        self.company.hospital_accident_hospital_share = 50
        accident.invalidate_recordset()
        self.assertEqual(accident.hospital_amount, 300)

    def test_negative_amounts_refused(self):
        with self.assertRaises(ValidationError):
            self._violation("traffic_fine", amount=-10)
        with self.assertRaises(ValidationError):
            self._violation("accident", accident_cost=100, insurance_paid=200)

    def test_charged_violation_is_frozen(self):
        fine = self._violation("wrong_parking")
        fine.action_confirm()
        with self.assertRaises(UserError):
            fine.write({"amount": 0})
        with self.assertRaises(UserError):
            fine.write({"state": "draft"})
        self.assertEqual(fine.driver_charge, 20)

    def test_an_accident_needs_its_cost(self):
        with self.assertRaises(UserError):
            self._violation("accident").action_confirm()
