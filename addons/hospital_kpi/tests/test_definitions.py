from unittest.mock import patch

from odoo.exceptions import UserError, ValidationError

from .common import HospitalKpiCase


class TestDefinitions(HospitalKpiCase):
    """Definitions follow the installed sources, keep the hospital's targets."""

    def test_every_installed_source_has_a_definition(self):
        sources = self.env["hospital.kpi.source"]._hospital_kpi_sources()
        codes = set(
            self.Definition.search([("company_id", "=", self.company.id)]).mapped(
                "code"
            )
        )
        self.assertEqual(codes, set(sources))
        supply = self.Definition.search([("code", "=", "supply_timeliness")])
        if supply:
            # DOMAIN.md §8: supply timeliness ≥ 98 %
            self.assertEqual((supply.target, supply.direction), (98.0, "higher"))

    def test_sync_adds_new_sources_and_archives_gone_ones(self):
        original = type(self.env["hospital.kpi.source"])._hospital_kpi_sources

        def with_new(source):
            sources = dict(original(source))
            sources.pop("patient_satisfaction")
            sources["kpi_test_new_source"] = {
                "name": "A KPI of an addon installed later",
                "area": "asset",
                "unit": "%",
                "direction": "higher",
                "factor": 100.0,
                "target": 99.0,
                "compute": "_hospital_kpi_staff_satisfaction",
            }
            return sources

        self.staff_kpi.target = 85.0
        with patch.object(
            type(self.env["hospital.kpi.source"]), "_hospital_kpi_sources", with_new
        ):
            # at install, the addons loading later have no source yet: the
            # install-time sync adds and never archives
            self.Definition._hospital_sync_sources(archive=False)
            self.assertTrue(self.patient_kpi.active)
            self.Definition._hospital_sync_sources()
        new = self.Definition.search([("code", "=", "kpi_test_new_source")])
        self.assertEqual((new.target, new.area, new.factor), (99.0, "asset", 100.0))
        self.assertFalse(self.patient_kpi.active)
        self.assertFalse(self.patient_kpi.source_available)
        # the addon is back: the definition comes back, nothing duplicated
        self.Definition._hospital_sync_sources()
        self.assertTrue(self.patient_kpi.active)
        self.assertEqual(
            self.Definition.with_context(active_test=False).search_count(
                [("code", "=", "patient_satisfaction")]
            ),
            1,
        )
        self.assertEqual(self.staff_kpi.target, 85.0, "the hospital's target is kept")

    def test_targets_are_checked(self):
        with self.assertRaises(ValidationError):
            self.staff_kpi.with_user(self.manager).area = "no_such_area"
        with self.assertRaises(ValidationError):
            self.staff_kpi.target = 120.0
        with self.assertRaises(ValidationError):
            self.staff_kpi.target = -1.0

    def test_manager_sets_targets_others_do_not(self):
        self.staff_kpi.with_user(self.manager).target = 92.0
        self.assertEqual(self.staff_kpi.target, 92.0)
        self.staff_kpi.with_user(self.manager).action_sync_sources()
        with self.assertRaises(UserError):
            self.staff_kpi.with_user(self.head_nurse).target = 50.0
        with self.assertRaises(UserError):
            self.staff_kpi.with_user(self.technician).action_sync_sources()
