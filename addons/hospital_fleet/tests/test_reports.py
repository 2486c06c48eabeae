import io
from datetime import timedelta

from openpyxl import load_workbook

from .common import HospitalFleetCase


class TestReports(HospitalFleetCase):
    def test_xlsx_has_departments_fuel_and_violations(self):
        trip = self._returned(odometer_out=1000, odometer_in=1100)
        for odometer, litres in ((1000, 40), (1500, 45)):
            log = (
                self.env["fleet.vehicle.log.fuel"]
                .with_user(self.driver)
                .create(
                    {"vehicle_id": self.sedan.id, "liter": litres, "odometer": odometer}
                )
            )
            log.button_running()
            log.with_user(self.dispatcher).button_done()
        self.env["hospital.fleet.violation"].create(
            {"kind": "wrong_parking", "driver_id": self.driver.id}
        ).action_confirm()
        wizard = (
            self.env["hospital.fleet.report.wizard"]
            .with_user(self.manager)
            .create(
                {
                    "date_from": trip.departed_at.date() - timedelta(days=1),
                    "date_to": trip.departed_at.date() + timedelta(days=1),
                }
            )
        )
        content, kind = self.env["ir.actions.report"]._render(
            "hospital_fleet.fleet_xlsx", wizard.ids, data={}
        )
        self.assertEqual(kind, "xlsx")
        book = load_workbook(io.BytesIO(content))
        departments, fuel, violations = book.worksheets
        self.assertEqual(departments["A5"].value, self.ward.display_name)
        self.assertEqual(departments["C5"].value, 100)
        self.assertEqual(fuel["D5"].value, 9.0, "45 L over 500 km")
        self.assertEqual(fuel["G5"].value, 1, "one fill-up above the norm")
        self.assertEqual(violations["A5"].value, self.driver.name)
        self.assertEqual(violations["D5"].value, 20)
