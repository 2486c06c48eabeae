from datetime import timedelta

from odoo import fields
from odoo.exceptions import UserError, ValidationError

from .common import HospitalAssetCase


class TestCount(HospitalAssetCase):
    def _count(self, **vals):
        count = (
            self.env["hospital.asset.count"]
            .with_user(self.head_nurse)
            .create({"kind": "department", "department_id": self.ward.id, **vals})
        )
        count.action_start()
        return count

    def _line(self, count, asset):
        return count.line_ids.filtered(lambda line: line.equipment_id == asset)

    def test_the_sheet_lists_the_department_assets(self):
        count = self._count()
        self.assertEqual(
            count.line_ids.equipment_id, self.pump | self.monitor | self.chair
        )
        self.assertEqual(set(count.line_ids.mapped("result")), {"pending"})

    def test_scan_ticks_and_surplus(self):
        count = self._count()
        count.action_scan(self.pump.qr_url)
        self.assertEqual(self._line(count, self.pump).result, "found")
        # The ICU's ventilator stands in the ward: surplus to this count.
        line = count.action_scan(self.ventilator.qr_token)
        self.assertEqual(line.result, "surplus")
        with self.assertRaisesRegex(UserError, "No asset"):
            count.action_scan("not-a-label")
        monitor = self._line(count, self.monitor)
        monitor.found_location_id = self.room_805
        monitor.action_found()
        self.assertEqual(monitor.result, "wrong_location")
        count.action_add_surplus("Wheelchair without label", self.room_806)
        count.action_submit()
        self.assertEqual(self._line(count, self.chair).result, "missing")
        self.assertEqual(
            (count.found_count, count.missing_count, count.surplus_count),
            (1, 1, 2),
        )
        self.assertEqual(count.wrong_location_count, 1)

    def test_closed_count_refuses_counting(self):
        count = self._count()
        count.action_submit()
        with self.assertRaisesRegex(UserError, "closed"):
            count.action_scan(self.pump.qr_token)
        with self.assertRaisesRegex(UserError, "closed"):
            self._line(count, self.pump).action_found()
        with self.assertRaises(UserError):
            self._line(count, self.pump).write({"note": "late"})

    def test_results_approved_then_posted(self):
        repair = self.env["maintenance.request"].create(
            {"name": "Screen flickers", "equipment_id": self.monitor.id}
        )
        self.assertEqual(repair.location_id, self.room_806)
        count = self._count()
        count.action_scan(self.pump.qr_token)
        monitor = self._line(count, self.monitor)
        monitor.found_location_id = self.room_805
        monitor.action_found()
        count.action_add_surplus("Wheelchair without label", self.room_806)
        count.action_submit()
        with self.assertRaisesRegex(UserError, "approves"):
            count.action_approve()
        count.with_user(self.manager).action_approve()
        with self.assertRaisesRegex(UserError, "posts"):
            count.with_user(self.head_nurse).action_post()
        count.with_user(self.finance).action_post()
        self.assertEqual(count.state, "posted")
        self.assertEqual(self.monitor.hospital_location_id, self.room_805)
        # what depends on the asset's room follows it (the open repair's room)
        self.assertEqual(repair.location_id, self.room_805)
        loss = self.env["hospital.asset.loss"].search(
            [("equipment_id", "=", self.chair.id)]
        )
        self.assertEqual(loss.state, "draft")
        surplus = count.line_ids.filtered(lambda line: line.surplus_name)
        self.assertEqual(surplus.equipment_id.hospital_asset_state, "draft")
        self.assertEqual(surplus.equipment_id.department_id, self.ward)

    def test_posting_queries_do_not_grow_with_the_assets(self):
        def posted(extra):
            for i in range(extra):
                self._asset(f"Bed {i}", 900, self.ward, self.room_805)
            count = self._count()
            line = self._line(count, self.monitor)
            line.found_location_id = self.room_805
            line.action_found()
            count.line_ids.filtered(
                lambda line: line.result == "pending"
            )._hospital_mark("found")
            count.action_submit()
            count.with_user(self.manager).action_approve()
            count.env.invalidate_all()
            before = self.env.cr.sql_log_count
            count.with_user(self.manager).action_post()
            self.env.flush_all()
            return self.env.cr.sql_log_count - before

        posted(0)  # warm the caches (rules, sequences, views of the registry)
        self.env.invalidate_all()
        small = posted(0)
        self.env.invalidate_all()
        large = posted(40)
        self.assertEqual(small, large)

    def test_posting_queries_do_not_grow_with_the_differences(self):
        """Missing assets, assets in the wrong room and surplus items: posting
        two, then twelve of each costs the same number of queries."""

        def posted(differences):
            assets = self.env["maintenance.equipment"]
            for i in range(2 * differences):
                assets |= self._asset(f"Bed {i}", 900, self.ward, self.room_805)
            count = self._count()
            for asset in assets[:differences]:
                line = self._line(count, asset)
                line.found_location_id = self.room_806
                line.action_found()
            for i in range(differences):
                count.action_add_surplus(f"Wheelchair {i}", self.room_806)
            # the other half of the new beds stays pending: missing
            count.action_submit()
            count.with_user(self.manager).action_approve()
            self.env.flush_all()
            self.env.invalidate_all()
            before = self.env.cr.sql_log_count
            count.with_user(self.manager).action_post()
            self.env.flush_all()
            queries = self.env.cr.sql_log_count - before
            self.assertGreaterEqual(count.missing_count, differences)
            self.assertEqual(count.wrong_location_count, differences)
            self.assertEqual(
                len(count.line_ids.filtered("surplus_name").equipment_id), differences
            )
            return queries

        posted(2)  # warm the caches
        small = posted(2)
        large = posted(12)
        self.assertEqual(small, large)

    def test_random_audit_counts_a_sample(self):
        Count = self.env["hospital.asset.count"]
        audit = Count.create(
            {"kind": "audit", "department_id": self.ward.id, "sample_size": 2}
        )
        audit.action_start()
        self.assertEqual(len(audit.line_ids), 2)
        self.assertLessEqual(
            set(audit.line_ids.equipment_id.ids),
            set((self.pump | self.monitor | self.chair).ids),
        )
        # without a department, the sample is drawn from the whole hospital
        hospital = Count.create({"kind": "audit", "sample_size": 50})
        hospital.action_start()
        self.assertIn(self.ventilator, hospital.line_ids.equipment_id)
        self.assertIn(self.pump, hospital.line_ids.equipment_id)
        with self.assertRaisesRegex(ValidationError, "at least one"):
            Count.create({"kind": "audit", "sample_size": 0})

    def test_due_counts_are_scheduled(self):
        Count = self.env["hospital.asset.count"]
        Count.create(
            {
                "kind": "department",
                "department_id": self.ward.id,
                "date": fields.Date.today() - timedelta(days=200),
            }
        )
        recent = Count.create(
            {
                "kind": "department",
                "department_id": self.icu.id,
                "date": fields.Date.today() - timedelta(days=30),
            }
        )
        Count._cron_schedule_counts()
        new = Count.search([("id", ">", recent.id)])
        self.assertIn(self.ward, new.department_id)
        self.assertNotIn(self.icu, new.department_id)
        self.assertIn("hospital", new.mapped("kind"))
