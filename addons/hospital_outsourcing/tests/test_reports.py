import io
from datetime import date

import openpyxl

from odoo import Command
from odoo.tests import tagged

from .common import OutsourcingCase

PDF_REPORT = "hospital_outsourcing.hospital_outsourcing_scorecard_report"
XLSX_REPORT = "hospital_outsourcing.hospital_outsourcing_scorecard_xlsx"


@tagged("post_install", "-at_install")
class TestReportsAndKpis(OutsourcingCase):
    """The quarterly scorecard PDF, the workbook of every vendor's scores and
    the vendor KPIs the suite's dashboard reads, on known data."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.lift_co = cls.env["res.partner"].create(
            {"name": "Report Lift Co.", "is_company": True}
        )
        template = cls.env["hospital.outsourcing.kpi.template"].create(
            {
                "name": "Lift KPIs",
                "service_type": "equipment",
                "criterion_ids": [
                    Command.create(
                        {"name": "Upkeep", "source": "inspection", "weight": 100}
                    )
                ],
            }
        )
        cls.lift = cls.env["hospital.outsourcing.agreement"].create(
            {
                "title": "Lifts",
                "vendor_id": cls.lift_co.id,
                "service_type": "equipment",
                "date_start": "2026-01-01",
                "date_end": "2026-12-31",
                "kpi_template_id": template.id,
            }
        )
        cls.lift.action_activate()
        Card = cls.env["hospital.outsourcing.scorecard"]
        cls.clean_card = Card.create(
            {"agreement_id": cls.agreement.id, "year": 2026, "quarter": "1"}
        )
        cls.lift_card = Card.create(
            {"agreement_id": cls.lift.id, "year": 2026, "quarter": "1"}
        )
        cls.draft_card = Card.create(
            {"agreement_id": cls.lift.id, "year": 2026, "quarter": "2"}
        )
        (cls.clean_card | cls.lift_card | cls.draft_card).action_compute()
        for card in cls.clean_card | cls.lift_card:
            card.write({"manager_signature": b"c2lnbmF0dXJl"})
            card.action_sign()
        cls.cards = cls.clean_card | cls.lift_card

    def test_scorecard_pdf_renders(self):
        Report = self.env["ir.actions.report"]
        html = Report._render_qweb_html(PDF_REPORT, self.lift_card.ids)[0].decode()
        self.assertIn("Report Lift Co.", html)
        self.assertIn("100.0", html)
        pdf, kind = Report.with_context(force_report_rendering=True)._render_qweb_pdf(
            PDF_REPORT, self.lift_card.ids
        )
        self.assertEqual(kind, "pdf")
        self.assertTrue(pdf.startswith(b"%PDF"))

    def test_workbook_holds_every_vendors_scores(self):
        content, kind = self.env["ir.actions.report"]._render_xlsx(
            XLSX_REPORT, self.cards.ids, {}
        )
        self.assertEqual(kind, "xlsx")
        book = openpyxl.load_workbook(io.BytesIO(content))
        rows = list(book.worksheets[0].iter_rows(min_row=2, values_only=True))
        scores = {row[0]: row[4] for row in rows}
        self.assertEqual(
            scores,
            {
                "Test Clean Co.": self.clean_card.score,
                "Report Lift Co.": 100.0,
            },
        )
        criteria = list(book.worksheets[1].iter_rows(min_row=2, values_only=True))
        self.assertEqual(
            len(criteria), len(self.clean_card.line_ids) + len(self.lift_card.line_ids)
        )

    def test_kpi_sources_on_known_data(self):
        Source = self.env["hospital.kpi.source"]
        period = (date(2026, 1, 1), date(2026, 4, 1), self.env.company)
        # Signed scorecards only: the draft second quarter does not count.
        total, count = Source._hospital_kpi_vendor_compliance(*period)[False]
        self.assertEqual(count, 2)
        self.assertAlmostEqual(total, self.clean_card.score + 100.0)
        # Satisfaction: only the scorecards that had survey answers (none).
        self.assertEqual(Source._hospital_kpi_vendor_satisfaction(*period), {})
        self.assertEqual(
            Source._hospital_kpi_vendor_compliance(
                date(2026, 7, 1), date(2026, 10, 1), self.env.company
            ),
            {},
        )
