from datetime import date, timedelta

from odoo import fields

from .common import HospitalAssetCase


class TestKpiSource(HospitalAssetCase):
    def _posted_count(self, department, found, wrong=(), surplus=0, when=None):
        count = self.env["hospital.asset.count"].create(
            {"kind": "department", "department_id": department.id}
        )
        count.action_start()
        for asset in found:
            count.action_scan(asset.qr_token)
        for asset in wrong:
            line = count.line_ids.filtered(lambda line, a=asset: line.equipment_id == a)
            line.found_location_id = self.room_805
            line.action_found()
        for i in range(surplus):
            count.action_add_surplus(f"Stool {i}", self.room_806)
        count.action_submit()
        count.with_user(self.manager).action_approve()
        count.with_user(self.finance).action_post()
        if when:
            count._hospital_transition().write({"date": when})
        return count

    def test_count_accuracy_per_department(self):
        today = fields.Date.today()
        Source = self.env["hospital.kpi.source"]
        # ward: pump found, monitor in the wrong room, chair missing, one
        # surplus stool: 1 of 4; ICU: the ventilator found: 1 of 1.
        self._posted_count(self.ward, self.pump, wrong=self.monitor, surplus=1)
        self._posted_count(self.icu, self.ventilator)
        # a count of last year is outside the period
        self._posted_count(self.icu, [], when=today - timedelta(days=400))
        # still counting: not in the KPI
        open_count = self.env["hospital.asset.count"].create(
            {"kind": "department", "department_id": self.ward.id}
        )
        open_count.action_start()
        start = today.replace(day=1)
        end = (start + timedelta(days=32)).replace(day=1)
        self.env.invalidate_all()
        with self.assertQueryCount(3):
            values = Source._hospital_kpi_values("asset_count_accuracy", start, end)
        self.assertEqual(values, {self.ward.id: (1, 4), self.icu.id: (1, 1)})

    def test_scrap_turnaround(self):
        Scrap = self.env["hospital.asset.scrap"]
        scraps = Scrap.create(
            [
                {"equipment_id": self.pump.id, "reason": "Broken"},
                {"equipment_id": self.chair.id, "reason": "Broken"},
                {"equipment_id": self.ventilator.id, "reason": "Broken"},
            ]
        )
        self.env.flush_all()
        for scrap, created, approved in (
            (scraps[0], date(2026, 3, 2), date(2026, 3, 12)),
            (scraps[1], date(2026, 3, 10), date(2026, 3, 14)),
            (scraps[2], date(2026, 3, 20), False),
        ):
            self.env.cr.execute(
                "UPDATE hospital_asset_scrap SET create_date = %s, approved_date = %s "
                "WHERE id = %s",
                [created, approved or None, scrap.id],
            )
        self.env.invalidate_all()
        with self.assertQueryCount(2):
            values = self.env["hospital.kpi.source"]._hospital_kpi_values(
                "asset_scrap_turnaround", date(2026, 3, 1), date(2026, 4, 1)
            )
        self.assertEqual(values, {self.ward.id: (14, 2)})
