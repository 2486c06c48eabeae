from datetime import datetime, timedelta

from odoo import fields
from odoo.exceptions import UserError
from odoo.tests import BaseCase, tagged

from ..models.hospital_sla_mixin import sla_deadline, sla_elapsed
from .common import HospitalLogisticsCase


class TestSlaArithmetic(BaseCase):
    """The clock's arithmetic, without any document."""

    start = datetime(2025, 3, 1, 8, 0)

    def test_deadline_is_start_plus_hours_plus_pauses(self):
        self.assertEqual(sla_deadline(self.start, 4), datetime(2025, 3, 1, 12, 0))
        self.assertEqual(
            sla_deadline(self.start, 4, paused_hours=1.5), datetime(2025, 3, 1, 13, 30)
        )
        self.assertEqual(sla_deadline(self.start, 0), self.start, "dispatch at once")

    def test_no_start_or_no_promise_no_deadline(self):
        self.assertFalse(sla_deadline(False, 4))
        self.assertFalse(sla_deadline(self.start, None))

    def test_elapsed_leaves_pauses_out(self):
        at = datetime(2025, 3, 1, 13, 0)
        self.assertEqual(sla_elapsed(self.start, at), 5.0)
        self.assertEqual(sla_elapsed(self.start, at, paused_hours=2), 3.0)
        self.assertEqual(
            sla_elapsed(self.start, at, paused_since=datetime(2025, 3, 1, 12, 0)),
            4.0,
            "the pause under way does not count either",
        )
        self.assertEqual(sla_elapsed(at, self.start), 0.0)


@tagged("post_install", "-at_install")
class TestSlaClocks(HospitalLogisticsCase):
    """Every installed document with service-level clocks, through its
    ``_hospital_sla_fixture()``: the clocks follow the mixin's contract."""

    def _documents(self):
        Mixin = self.env.registry["hospital.sla.mixin"]
        documents = []
        for name in sorted(self.env.registry):
            Model = self.env[name]
            if Model._abstract or not isinstance(Model, Mixin):
                continue
            record = Model._hospital_sla_fixture()
            self.assertTrue(
                record,
                f"{name} uses hospital.sla.mixin: implement _hospital_sla_fixture()",
            )
            documents.append(record)
        if not documents:
            self.skipTest("no installed model uses hospital.sla.mixin")
        return documents

    def _deadlines(self, record):
        return {
            clock: record[spec["deadline"]]
            for clock, spec in record._hospital_sla_clocks.items()
        }

    def _shift_start(self, record, hours):
        field = record._hospital_sla_start_field
        record[field] = record[field] - timedelta(hours=hours)

    def test_deadlines_follow_the_hours_of_the_model(self):
        for record in self._documents():
            with self.subTest(model=record._name):
                start = record[record._hospital_sla_start_field]
                hours = record._hospital_sla_hours()
                self.assertTrue(hours, "at least one clock has a promise")
                for clock, deadline in self._deadlines(record).items():
                    self.assertEqual(deadline, sla_deadline(start, hours.get(clock)))
                self.assertEqual(
                    record.sla_due_at,
                    min(record._hospital_sla_running_deadlines()),
                )

    def test_pause_gives_the_waiting_time_back(self):
        for record in self._documents():
            with self.subTest(model=record._name):
                before = self._deadlines(record)
                record._hospital_transition()._hospital_sla_pause()
                self.assertFalse(record.sla_due_at, "no deadline runs while paused")
                record.paused_since -= timedelta(hours=2)
                record._hospital_transition()._hospital_sla_resume()
                self.assertFalse(record.paused_since)
                self.assertAlmostEqual(record.paused_hours, 2, places=3)
                for clock, deadline in self._deadlines(record).items():
                    self.assertAlmostEqual(
                        (deadline - before[clock]).total_seconds(), 7200, delta=1
                    )
                self.assertTrue(record.sla_due_at)

    def test_breaches_are_found_by_one_search(self):
        for record in self._documents():
            with self.subTest(model=record._name):
                Model = self.env[record._name]
                self.assertNotIn(record, Model._hospital_sla_flag_breaches())
                self.assertFalse(record.is_breached)
                late = max(h for h in record._hospital_sla_hours().values() if h)
                self._shift_start(record, late + 1)
                self.assertIn(record, Model._hospital_sla_flag_breaches())
                self.assertTrue(record.is_breached)
                self.assertNotIn(record, Model._hospital_sla_flag_breaches())

    def test_late_stop_is_measured_and_breached(self):
        for record in self._documents():
            with self.subTest(model=record._name):
                clock, spec = next(iter(record._hospital_sla_clocks.items()))
                self._shift_start(record, record._hospital_sla_hours()[clock] + 1)
                now = fields.Datetime.now()
                record._hospital_transition()._hospital_sla_stop(clock, now)
                self.assertEqual(record[spec["stop"]], now)
                self.assertTrue(record.is_breached)
                if spec.get("measure"):
                    self.assertAlmostEqual(
                        record[spec["measure"]],
                        record._hospital_sla_hours()[clock] + 1,
                        places=2,
                    )
                if spec.get("on_time"):
                    self.assertEqual(record[spec["on_time"]], 0.0)

    def test_clock_fields_refuse_a_direct_write(self):
        for record in self._documents():
            with self.subTest(model=record._name):
                clock = next(iter(record._hospital_sla_clocks.values()))
                fnames = ["is_breached", "paused_hours", clock["deadline"]]
                before = record.read(fnames)
                for vals in (
                    {"is_breached": True},
                    {"paused_hours": 100},
                    {clock["deadline"]: fields.Datetime.now() + timedelta(days=30)},
                ):
                    with self.assertRaises(UserError):
                        record.with_user(self.manager).write(vals)
                record.invalidate_recordset()
                self.assertEqual(record.read(fnames), before)
