from odoo.exceptions import UserError, ValidationError

from .common import HospitalFleetCase


class TestFuel(HospitalFleetCase):
    def _fill(self, odometer, liter, vehicle=None, confirm=True):
        log = (
            self.env["fleet.vehicle.log.fuel"]
            .with_user(self.driver)
            .create(
                {
                    "vehicle_id": (vehicle or self.sedan).id,
                    "liter": liter,
                    "price_per_liter": 7.5,
                    "amount": liter * 7.5,
                    "odometer": odometer,
                }
            )
        )
        log.button_running()
        if confirm:
            log.with_user(self.dispatcher).button_done()
        return log

    def test_consumption_per_100_km(self):
        self._fill(10000, 40)
        log = self._fill(10500, 40)
        self.assertEqual(log.hospital_distance, 500)
        self.assertEqual(log.hospital_consumption, 8.0)
        self.assertFalse(log.hospital_over_norm)
        self.assertEqual(log.hospital_driver_id, self.driver)
        self.assertEqual(log.service_id.amount, 300, "the cost goes to the vehicle")

    def test_alert_above_the_norm_and_its_margin(self):
        self._fill(10000, 40)
        within = self._fill(10500, 44)  # 8.8 L/100 km: within 10 %
        self.assertFalse(within.hospital_over_norm)
        above = self._fill(11000, 45)  # 9 L/100 km
        self.assertTrue(above.hospital_over_norm)
        self.assertTrue(above.activity_ids, "the vehicle office is alerted")
        self.company.hospital_fuel_alert_margin = 20
        again = self._fill(11500, 45)
        self.assertFalse(again.hospital_over_norm, "the margin is a setting")

    def test_no_alert_without_a_norm(self):
        self._fill(100, 40, vehicle=self.sedan_2)
        log = self._fill(200, 40, vehicle=self.sedan_2)
        self.assertEqual(log.hospital_consumption, 40)
        self.assertFalse(log.hospital_over_norm)

    def test_odometer_must_go_forward(self):
        self._fill(10000, 40)
        log = self._fill(9000, 40, confirm=False)
        with self.refused(UserError, "not beyond the previous"):
            log.with_user(self.dispatcher).button_done()
        self.assertEqual(log.state, "running")

    def test_negative_litres_refused(self):
        with self.assertRaises(ValidationError):
            self._fill(100, -5, confirm=False)

    def test_driver_does_not_confirm_his_own_fill_up(self):
        log = self._fill(100, 30, confirm=False)
        with self.refused(UserError, "vehicle office checks the receipt"):
            log.with_user(self.driver).button_done()
        self.assertEqual(log.state, "running")

    def test_state_only_through_buttons(self):
        log = self._fill(100, 30, confirm=False)
        with self.assertRaises(UserError):
            log.with_user(self.dispatcher).write({"state": "done"})
        with self.assertRaises(UserError):
            log.with_user(self.dispatcher).write({"hospital_consumption": 1})

    def test_cancel_archives_the_cost_line(self):
        log = self._fill(100, 30)
        service = log.service_id
        log.with_user(self.dispatcher).button_cancel()
        self.assertEqual(log.state, "cancelled")
        self.assertTrue(service.exists())
        self.assertFalse(service.active)
