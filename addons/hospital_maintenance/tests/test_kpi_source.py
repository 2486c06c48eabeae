from datetime import date, datetime

from .common import HospitalMaintenanceCase


class TestKpiSource(HospitalMaintenanceCase):
    """The service desk's KPIs over known requests of March 2026."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Source = cls.env["hospital.kpi.source"]
        cls.equipment = cls.env["maintenance.equipment"].create(
            [
                {"name": "KPI infusion pump", "department_id": cls.ward.id},
                {"name": "KPI ventilator", "department_id": cls.icu.id},
                {"name": "KPI monitor", "department_id": cls.icu.id},
            ]
        )
        measures = [
            # department, responded at, hours taken, on time
            (cls.ward, datetime(2026, 3, 2, 9), 1.0, 100.0),
            (cls.ward, datetime(2026, 3, 20, 9), 6.0, 0.0),
            (cls.icu, datetime(2026, 3, 31, 23), 0.5, 100.0),
            (cls.icu, datetime(2026, 4, 1, 0), 9.0, 0.0),  # next period
        ]
        cls.requests = cls.env["maintenance.request"]
        for dept, at, hours, on_time in measures:
            request = cls._request(
                maintenance_type="corrective",
                equipment_id=cls.equipment.filtered(
                    lambda e, dept=dept: e.department_id == dept
                )[:1].id,
            )
            request.write(
                {
                    "department_id": dept.id,
                    "reported_at": at,
                    "responded_at": at,
                    "response_time": hours,
                    "kpi_response_on_time": on_time,
                }
            )
            cls.requests |= request

    def _values(self, code):
        return self.Source._hospital_kpi_values(
            code, date(2026, 3, 1), date(2026, 4, 1), self.company
        )

    def test_on_time_response_rate(self):
        values = self._values("service_response_on_time")
        self.assertEqual(values[self.ward.id], (1.0, 2))
        self.assertEqual(values[self.icu.id], (1.0, 1))

    def test_mean_response_time(self):
        values = self._values("service_response_time")
        self.assertEqual(values[self.ward.id], (7.0, 2))
        self.assertEqual(values[self.icu.id], (0.5, 1))

    def test_equipment_failure_rate(self):
        values = self._values("equipment_failure_rate")
        self.assertEqual(values[self.ward.id], (2, 1))
        self.assertEqual(values[self.icu.id], (1, 2))

    def test_service_satisfaction(self):
        """Stars of the requests closed in March, as a percentage: the ward
        rated 5 and 3 stars (80 %), the ICU's April rating is not March's."""
        for request, stars, closed in zip(
            self.requests,
            (5, 3, 4, 1),
            (
                datetime(2026, 3, 3),
                datetime(2026, 3, 21),
                datetime(2026, 4, 2),
                datetime(2026, 4, 2),
            ),
            strict=True,
        ):
            request.write({"kpi_satisfaction": float(stars), "closed_at": closed})
        values = self._values("service_satisfaction")
        self.assertEqual(values, {self.ward.id: (8.0, 2)})
        spec = self.Source._hospital_kpi_sources()["service_satisfaction"]
        self.assertEqual(spec["factor"] * 8.0 / 2, 80.0)

    def test_fixed_number_of_queries(self):
        self.env.invalidate_all()
        with self.assertQueryCount(3):
            self._values("service_response_on_time")
            self._values("equipment_failure_rate")

    def test_sources_are_offered(self):
        sources = self.Source._hospital_kpi_sources()
        for code in (
            "service_response_on_time",
            "service_response_time",
            "equipment_failure_rate",
        ):
            self.assertIn(code, sources)
            self.assertTrue(hasattr(self.Source, sources[code]["compute"]))
