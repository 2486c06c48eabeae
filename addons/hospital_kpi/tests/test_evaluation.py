from datetime import date, datetime
from unittest.mock import patch

from odoo.exceptions import UserError, ValidationError

from odoo.addons.queue_job.tests.common import trap_jobs

from .common import HospitalKpiCase


class TestEvaluation(HospitalKpiCase):
    """Closing a period stores figures computed by hand from known answers."""

    def test_close_stores_hand_computed_figures(self):
        self.q1.with_user(self.manager).action_close()
        self.assertEqual(self.q1.state, "closed")
        self.assertEqual(self.q1.closed_by_id, self.manager)
        ward = self.snapshot(self.q1, self.staff_kpi, self.ward)
        self.assertEqual((ward.numerator, ward.denominator), (180.0, 2.0))
        self.assertAlmostEqual(ward.value, 90.0)
        self.assertEqual(ward.result, "met", "90 % reaches a 90 % target")
        icu = self.snapshot(self.q1, self.staff_kpi, self.icu)
        self.assertAlmostEqual(icu.value, 70.0)
        self.assertEqual(icu.result, "missed")
        self.assertTrue(ward.final and icu.final)

    def test_hospital_wide_is_sum_over_sum(self):
        self.q1.with_user(self.manager).action_close()
        hospital = self.snapshot(self.q1, self.staff_kpi)
        # Σ numerators ÷ Σ denominators, not the mean of the departments' 90
        # and 70: the hospital-wide survey's answer counts too.
        self.assertEqual((hospital.numerator, hospital.denominator), (310.0, 4.0))
        self.assertAlmostEqual(hospital.value, 77.5)
        self.assertEqual(hospital.result, "missed")
        self.assertEqual(hospital.scope, "Hospital-wide")

    def test_zero_denominator_is_no_data(self):
        self.q1.with_user(self.manager).action_close()
        patients = self.snapshot(self.q1, self.patient_kpi)
        self.assertEqual(patients.denominator, 0)
        self.assertFalse(patients.has_value)
        self.assertEqual(patients.result, "no_data")
        self.assertEqual(patients.value_display, "no data")
        self.assertNotIn("0 %", patients.value_display)

    def test_closed_period_does_not_change_when_data_changes(self):
        self.q1.with_user(self.manager).action_close()
        hospital = self.snapshot(self.q1, self.staff_kpi)
        self.answer("icu", 0.0, datetime(2026, 3, 1, 9))
        self.staff_kpi.target = 50.0
        self.env["hospital.kpi.period"]._cron_close_ended_periods()
        self.env.invalidate_all()
        self.assertAlmostEqual(hospital.value, 77.5)
        self.assertEqual((hospital.target, hospital.result), (90.0, "missed"))
        with self.assertRaises(UserError):
            self.q1.with_user(self.manager).action_refresh()
        with self.assertRaises(UserError):
            self.q1.with_user(self.manager).action_close()

    def test_open_period_is_live(self):
        self.q1.with_user(self.manager).action_refresh()
        hospital = self.snapshot(self.q1, self.staff_kpi)
        self.assertFalse(hospital.final)
        self.answer("icu", 0.0, datetime(2026, 3, 1, 9))
        self.q1.with_user(self.manager).action_refresh()
        hospital = self.snapshot(self.q1, self.staff_kpi)
        self.assertAlmostEqual(hospital.value, 310.0 / 5)

    def test_reopen_needs_a_reason_and_is_logged(self):
        self.q1.with_user(self.manager).action_close()
        wizard = self.env["hospital.kpi.period.reopen"].with_user(self.manager)
        with self.assertRaises(UserError):
            wizard.create({"period_id": self.q1.id, "reason": "  "}).action_confirm()
        wizard.create(
            {"period_id": self.q1.id, "reason": "ICU answers were entered late"}
        ).action_confirm()
        self.assertEqual(self.q1.state, "open")
        self.assertIn("ICU answers were entered late", self.q1.message_ids[0].body)
        # a second closing takes the late answer
        self.answer("icu", 0.0, datetime(2026, 3, 1, 9))
        self.q1.with_user(self.manager).action_close()
        self.assertAlmostEqual(self.snapshot(self.q1, self.staff_kpi).value, 62.0)

    def test_only_managers_close_and_reopen(self):
        for user in (self.head_nurse, self.technician, self.requester):
            with self.assertRaises(UserError):
                self.q1.with_user(user).action_close()
        self.q1.action_close()
        with self.assertRaises(UserError):
            self.q1.with_user(self.technician)._hospital_reopen("why not")

    def test_state_changes_only_through_buttons(self):
        with self.assertRaises(UserError):
            self.q1.with_user(self.manager).write({"state": "closed"})
        self.q1.with_user(self.manager).action_close()
        with self.assertRaises(UserError):
            self.q1.with_user(self.manager).write({"state": "open"})
        with self.assertRaises(UserError):
            self.q1.with_user(self.manager).write({"date_from": date(2026, 4, 1)})
        self.q1.with_user(self.manager).comment = "<p>Satisfaction below target.</p>"

    def test_comparison_with_previous_and_last_year(self):
        q4 = self.Period.create({"kind": "quarter", "date_from": date(2025, 10, 1)})
        last_year = self.Period.create(
            {"kind": "quarter", "date_from": date(2025, 1, 1)}
        )
        self.answer("ward", 90.0, datetime(2025, 2, 1, 9))
        self.answer("ward", 50.0, datetime(2025, 11, 1, 9))
        (q4 | last_year).action_close()
        self.q1.action_close()
        ward = self.snapshot(self.q1, self.staff_kpi, self.ward)
        self.assertEqual((ward.previous_value, ward.trend), (50.0, "better"))
        self.assertEqual((ward.last_year_value, ward.trend_last_year), (90.0, "same"))
        icu = self.snapshot(self.q1, self.staff_kpi, self.icu)
        self.assertEqual(icu.trend, "none")
        self.assertEqual(icu.previous_display, "no data")

    def test_target_relative_to_last_year(self):
        """A plan's target (satisfaction +5 % on last year): the ward had 80 %
        in Q1 2025, so its Q1 2026 target is 84 % and its 90 % meets it; the
        ICU had no figure then and keeps the fixed 90 %."""
        last_year = self.Period.create(
            {"kind": "quarter", "date_from": date(2025, 1, 1)}
        )
        self.answer("ward", 80.0, datetime(2025, 2, 1, 9))
        last_year.action_close()
        self.staff_kpi.target_change = 5.0
        self.q1.action_close()
        ward = self.snapshot(self.q1, self.staff_kpi, self.ward)
        self.assertAlmostEqual(ward.target, 84.0)
        self.assertEqual(ward.result, "met")
        icu = self.snapshot(self.q1, self.staff_kpi, self.icu)
        self.assertEqual((icu.target, icu.result), (90.0, "missed"))
        self.staff_kpi.target_change = 30.0  # 104 % is capped at 100 %
        self.q1.action_open_reopen_wizard()
        self.q1._hospital_reopen("plan changed")
        self.q1.action_close()
        ward = self.snapshot(self.q1, self.staff_kpi, self.ward)
        self.assertEqual((ward.target, ward.result), (100.0, "missed"))
        with self.assertRaises(ValidationError):
            self.staff_kpi.target_change = -100.0

    def test_cron_closes_ended_periods_and_opens_the_current_ones(self):
        self.env["hospital.kpi.period"]._cron_close_ended_periods()
        self.assertEqual(self.q1.state, "closed")
        current = self.Period.search([("is_current", "=", True)])
        self.assertEqual(set(current.mapped("kind")), {"quarter", "month"})
        self.assertEqual(set(current.mapped("state")), {"open"})
        self.assertTrue(current.snapshot_ids)
        self.assertFalse(any(current.snapshot_ids.mapped("final")))

    def test_month_evaluates_monthly_kpis_only(self):
        self.staff_kpi.period_kind = "month"
        march = self.Period.create({"kind": "month", "date_from": date(2026, 3, 1)})
        march.action_close()
        self.assertEqual(march.snapshot_ids.definition_id, self.staff_kpi)
        self.assertAlmostEqual(self.snapshot(march, self.staff_kpi).value, 100.0)
        self.q1.action_close()
        self.assertIn(self.staff_kpi, self.q1.snapshot_ids.definition_id)

    def test_period_bounds_are_checked(self):
        with self.assertRaises(UserError):
            self.Period.create({"kind": "quarter", "date_from": date(2026, 2, 1)})
        future = self.Period.create({"kind": "quarter", "date_from": date(2099, 1, 1)})
        with self.assertRaises(UserError):
            future.action_close()

    def test_large_period_closes_through_the_queue(self):
        self.company.hospital_kpi_queue_threshold = 1
        with trap_jobs() as trap:
            self.q1.with_user(self.manager).action_close()
            self.assertEqual(self.q1.state, "open")
            self.assertTrue(self.q1.close_queued)
            trap.assert_jobs_count(1, only=self.q1._hospital_close)
            with self.assertRaises(UserError):
                self.q1.with_user(self.manager).action_close()
            trap.perform_enqueued_jobs()
        self.assertEqual(self.q1.state, "closed")
        self.assertFalse(self.q1.close_queued)
        self.assertAlmostEqual(self.snapshot(self.q1, self.staff_kpi).value, 77.5)

    def test_closing_queries_do_not_grow_with_records(self):
        """A fixed number of queries per KPI whatever the number of answers."""

        def queries():
            self.env.invalidate_all()
            before = self.env.cr.sql_log_count
            self.q1.action_refresh()
            return self.env.cr.sql_log_count - before

        queries()  # the first computation also creates what later ones replace
        first = queries()
        for day in range(1, 29):
            self.answer("ward", 90.0, datetime(2026, 2, day, 9))
            self.answer("icu", 90.0, datetime(2026, 2, day, 10))
        self.assertEqual(queries(), first)

    def test_a_source_without_its_addon_is_skipped(self):
        original = type(self.env["hospital.kpi.source"])._hospital_kpi_sources

        def without_patients(source):
            sources = dict(original(source))
            sources.pop("patient_satisfaction")
            return sources

        with patch.object(
            type(self.env["hospital.kpi.source"]),
            "_hospital_kpi_sources",
            without_patients,
        ):
            self.q1.action_close()
        self.assertNotIn(self.patient_kpi, self.q1.snapshot_ids.definition_id)
        self.assertIn(self.staff_kpi, self.q1.snapshot_ids.definition_id)
