from datetime import date, datetime, timedelta

from .common import HospitalFleetCase


class TestKpiSource(HospitalFleetCase):
    """Vehicle cost per km over known trips and costs of March 2026."""

    def _values(self):
        return self.env["hospital.kpi.source"]._hospital_kpi_values(
            "fleet_cost_per_km", date(2026, 3, 1), date(2026, 4, 1), self.company
        )

    def _backdate(self, trip, returned_at):
        trip.with_user(self.dispatcher).action_receive_keys()
        # as if returned then: a returned slip's times are frozen
        self.env.flush_all()
        self.env.cr.execute(
            "UPDATE hospital_fleet_trip SET returned_at = %s WHERE id = %s",
            (returned_at, trip.id),
        )
        self.env.invalidate_all()

    def test_cost_per_km(self):
        for day, returned_at in enumerate(
            (datetime(2026, 3, 5, 12), datetime(2026, 3, 20, 12))
        ):
            trip = self._returned(
                odometer_out=1000 + 80 * day,
                odometer_in=1080 + 80 * day,
                start=self.tomorrow + timedelta(days=day + 1),
            )
            self._backdate(trip, returned_at)
        april = self._returned(
            odometer_out=1160, odometer_in=1660, start=self.tomorrow + timedelta(days=5)
        )
        self._backdate(april, datetime(2026, 4, 1, 8))
        Fuel = self.env["fleet.vehicle.log.fuel"]
        Fuel.create(
            [
                {"vehicle_id": self.sedan.id, "date": date(2026, 3, 6), "amount": 150},
                {"vehicle_id": self.sedan.id, "date": date(2026, 4, 2), "amount": 999},
            ]
        )
        self.env["fleet.vehicle.log.services"].create(
            {
                "vehicle_id": self.sedan.id,
                "date": date(2026, 3, 10),
                "amount": 90,
                "service_type_id": self.env["fleet.service.type"]
                .create({"name": "KPI wash", "category": "service"})
                .id,
            }
        )
        self.assertEqual(self._values(), {False: (240.0, 160.0)})

    def test_nothing_to_measure(self):
        self.assertEqual(self._values(), {})

    def test_fixed_number_of_queries(self):
        self.env.invalidate_all()
        with self.assertQueryCount(3):
            self._values()
