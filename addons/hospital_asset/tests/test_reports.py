import io

import openpyxl

from .common import HospitalAssetCase


class TestReports(HospitalAssetCase):
    def _sheets(self, action, records):
        content, kind = self.env["ir.actions.report"]._render_xlsx(
            action, records.ids, {}
        )
        self.assertEqual(kind, "xlsx")
        book = openpyxl.load_workbook(io.BytesIO(content))
        return [
            [list(row) for row in sheet.iter_rows(values_only=True)]
            for sheet in book.worksheets
        ]

    def test_register_by_department(self):
        assets = self.pump | self.monitor | self.chair | self.ventilator
        [rows] = self._sheets("hospital_asset.action_report_register_xlsx", assets)
        body = [row for row in rows[3:] if row[1]]
        self.assertEqual(
            [(row[0], row[2]) for row in body],
            [
                ("Cardiology Ward", "Infusion pump"),
                ("Cardiology Ward", "Patient monitor"),
                ("Cardiology Ward", "Bedside chair"),
                ("ICU", "Ventilator"),
            ],
        )
        self.assertEqual(body[0][1], self.pump.hospital_asset_number)
        self.assertEqual(body[0][9], self.room_805.name)
        totals = {row[0]: row[6] for row in rows if row[0] and "assets" in row[0]}
        self.assertEqual(
            totals, {"Cardiology Ward: 3 assets": 16100, "ICU: 1 assets": 150000}
        )

    def test_count_results(self):
        count = (
            self.env["hospital.asset.count"]
            .with_user(self.head_nurse)
            .create({"kind": "department", "department_id": self.ward.id})
        )
        count.action_start()
        count.action_scan(self.pump.qr_token)
        count.action_add_surplus("Wheelchair without label", self.room_806)
        count.action_submit()
        [rows] = self._sheets("hospital_asset.action_report_count_xlsx", count)
        self.assertEqual(rows[0][0], f"Count results {count.name}")
        self.assertEqual(rows[4][:5], [4, 1, 2, 1, 0])
        results = {row[1]: row[5] for row in rows[7:]}
        self.assertEqual(results["Infusion pump"], "Found")
        self.assertEqual(results["Bedside chair"], "Missing (盘亏)")
        self.assertEqual(results["Wheelchair without label"], "Surplus (盘盈)")

    def test_scrap_register(self):
        Scrap = self.env["hospital.asset.scrap"].with_user(self.head_nurse)
        scraps = Scrap.create(
            [
                {"equipment_id": self.pump.id, "reason": "Motor burnt out"},
                {"equipment_id": self.chair.id, "reason": "Broken legs"},
            ]
        )
        [rows] = self._sheets("hospital_asset.action_report_scrap_xlsx", scraps)
        body = {row[4]: row for row in rows[3:]}
        self.assertEqual(body["Infusion pump"][9], 3800)
        self.assertEqual(body["Infusion pump"][11], "President's office meeting")
        self.assertEqual(body["Bedside chair"][11], "Deputy director")
        self.assertEqual(body["Bedside chair"][3], self.chair.hospital_asset_number)
