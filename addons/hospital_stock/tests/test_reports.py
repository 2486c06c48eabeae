import io
import zipfile
from datetime import timedelta

from odoo import fields

from .common import HospitalStockCase


class TestReports(HospitalStockCase):
    def _consume(self, qty):
        consumption = self.env["hospital.stock.consumption"].create(
            {
                "department_id": self.ward.id,
                "line_ids": [(0, 0, {"product_id": self.gauze.id, "quantity": qty})],
            }
        )
        consumption.action_done()

    def _xlsx_text(self, content):
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            return archive.read("xl/sharedStrings.xml").decode()

    def test_ward_ledger_per_period(self):
        self._consume(7)
        wizard = (
            self.env["hospital.stock.ledger.wizard"]
            .with_user(self.head_nurse)
            .create(
                {
                    "date_from": fields.Date.today() - timedelta(days=3),
                    "date_to": fields.Date.today(),
                }
            )
        )
        # A head nurse's ledger covers her ward only.
        self.assertEqual(wizard.department_ids, self.ward)
        ((department, rows),) = wizard._hospital_rows()
        gauze = next(row for row in rows if row["product"] == "Gauze")
        self.assertEqual(gauze["opening"], 40)
        self.assertEqual(gauze["consumed"], 7)
        self.assertEqual(gauze["book"], 33)
        html = self.env["ir.actions.report"]._render_qweb_html(
            "hospital_stock.action_report_ledger", wizard.ids
        )[0]
        self.assertIn(b"Cardiology Ward", html)
        content, kind = self.env["ir.actions.report"]._render_xlsx(
            "hospital_stock.action_report_ledger_xlsx", wizard.ids, {}
        )
        self.assertEqual(kind, "xlsx")
        self.assertIn("Gauze", self._xlsx_text(content))

    def test_reconciliation_reports(self):
        check = (
            self.env["hospital.stock.check"]
            .with_user(self.head_nurse)
            .create({"department_id": self.ward.id})
        )
        self.sign(check, "custodian_signature", self.head_nurse)
        check.action_done()
        rec = self.env["hospital.stock.reconciliation"].create(
            {"department_id": self.ward.id, "check_id": check.id}
        )
        rec.action_compute()
        html = self.env["ir.actions.report"]._render_qweb_html(
            "hospital_stock.action_report_reconciliation", rec.ids
        )[0]
        self.assertIn(b"Gauze", html)
        content, _kind = self.env["ir.actions.report"]._render_xlsx(
            "hospital_stock.action_report_reconciliation_xlsx", rec.ids, {}
        )
        self.assertIn("Portable monitor", self._xlsx_text(content))
