import io
import zipfile
from datetime import date

from openpyxl import load_workbook

from .common import HospitalKpiCase


class TestReports(HospitalKpiCase):
    """The quarterly evaluation in PDF (HTML checked) and as a workbook."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.q1.action_close()
        cls.q1.comment = "<p>Staff satisfaction below target in the ICU.</p>"
        cls.env["hospital.kpi.action"].create(
            {
                "name": "Weekly ICU logistics round",
                "period_id": cls.q1.id,
                "definition_id": cls.staff_kpi.id,
                "department_id": cls.icu.id,
                "owner_id": cls.manager.id,
                "deadline": date(2026, 6, 30),
            }
        )

    def test_pdf_holds_values_targets_comments_and_actions(self):
        html, _kind = self.env["ir.actions.report"]._render_qweb_html(
            "hospital_kpi.report_period", self.q1.ids
        )
        html = html.decode()
        for text in (
            "2026 Q1",
            "Staff satisfaction",
            "77.5 %",
            "≥ 90 %",
            "no data",
            "below target in the ICU",
            "Weekly ICU logistics round",
            "Departments below target",
        ):
            self.assertIn(text, html)

    def test_workbook_opens_with_every_sheet_filled(self):
        content, kind = self.env["ir.actions.report"]._render(
            "hospital_kpi.period_xlsx", self.q1.ids, {}
        )
        self.assertEqual(kind, "xlsx")
        workbook = load_workbook(io.BytesIO(content))
        areas = set(self.q1.snapshot_ids.mapped("area"))
        self.assertEqual(len(workbook.sheetnames), len(areas) + 1)
        for sheet in workbook.worksheets:
            self.assertGreater(sheet.max_row, 3, sheet.title)
            self.assertTrue(sheet[4][0].value, sheet.title)
        satisfaction = next(
            sheet for sheet in workbook.worksheets if "Satisfaction" in sheet.title
        )
        rows = [
            [cell.value for cell in row] for row in satisfaction.iter_rows(min_row=4)
        ]
        hospital = next(
            row
            for row in rows
            if row[0] == "Staff satisfaction" and row[1] == "Hospital-wide"
        )
        self.assertAlmostEqual(hospital[2], 77.5)
        self.assertEqual(hospital[3], 90.0)
        # one chart per area sheet
        charts = [
            name
            for name in zipfile.ZipFile(io.BytesIO(content)).namelist()
            if name.startswith("xl/charts/chart")
        ]
        self.assertEqual(len(charts), len(areas))
