from .common import HospitalFleetCase

THRESHOLDS = {
    "hospital_vehicle_request_lead_hours": 24,
    "hospital_vehicle_ready_minutes": 10,
    "hospital_vehicle_repair_deputy_limit": 1000,
    "hospital_penalty_no_driver": 100,
    "hospital_penalty_no_dispatch": 100,
    "hospital_penalty_private_use": 100,
    "hospital_penalty_drunk_driving": 1000,
    "hospital_penalty_wrong_parking": 20,
    "hospital_accident_hospital_share": 30,
    "hospital_fuel_alert_margin": 10,
}


class TestThresholds(HospitalFleetCase):
    """Vehicles declare the thresholds they enforce, with the rule book's
    defaults (DOMAIN.md §3)."""

    def test_defaults_follow_domain(self):
        company = self.env["res.company"].create({"name": "Second Hospital"})
        for fname, default in THRESHOLDS.items():
            self.assertEqual(company[fname], default, fname)

    def test_declared_by_this_addon(self):
        kinds = self.env["res.company"]._hospital_threshold_kinds()
        for fname in THRESHOLDS:
            self.assertIn(fname, kinds)
            self.assertEqual(
                self.env["res.company"]._fields[fname]._module, "hospital_fleet", fname
            )
