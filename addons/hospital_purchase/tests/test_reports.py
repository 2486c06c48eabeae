import io
from datetime import date, timedelta

import openpyxl

from odoo import fields
from odoo.exceptions import UserError

from .common import HospitalPurchaseCase


class TestReports(HospitalPurchaseCase):
    """The comparison sheet ranks the bids of a tender the way the award
    does; the execution report splits a budget's commitments by half-year."""

    def _scored_tender(self):
        tender = self._tender(method="negotiation")
        quality, service = self.env["hospital.purchase.tender.criterion"].create(
            [
                {"tender_id": tender.id, "name": "Quality", "weight": 60},
                {"tender_id": tender.id, "name": "Service", "weight": 40},
            ]
        )
        members = self.env["hospital.purchase.tender.member"].create(
            [
                {"tender_id": tender.id, "user_id": self.technician.id},
                {"tender_id": tender.id, "user_id": self.finance.id},
                {"tender_id": tender.id, "user_id": self.manager.id},
            ]
        )
        bids = [
            self._bid(tender, self.vendors[0], price=1000),
            self._bid(tender, self.vendors[1], price=900),
            self._bid(tender, self.vendors[2], price=950),
            self._bid(tender, self.vendors[3], price=500),
        ]
        bids[3].hospital_bid_invalid_reason = "Unsigned offer"
        bids[3].action_hospital_invalidate_bid()
        tender.sudo()._hospital_transition().write(
            {"opening_date": fields.Datetime.now() - timedelta(minutes=1)}
        )
        tender.action_open_bids()
        members[0].with_user(self.technician).action_declare_none()
        members[1].with_user(self.finance).action_declare_none()
        members[2].declaration_note = "Brother-in-law works for HP Vendor 1"
        members[2].with_user(self.manager).action_declare_conflict()
        # A finance member writes his own declaration, not another's.
        with self.assertRaises(UserError):  # AccessError is a UserError
            members[0].with_user(self.finance).declaration_note = "x"
        # (technician, finance) per criterion: vendor 0 and 2 tie on the
        # weighted score (76), vendor 2 is cheaper; vendor 1 is last.
        marks = {
            bids[0]: {quality: (80, 80), service: (70, 70)},
            bids[1]: {quality: (60, 70), service: (60, 60)},
            bids[2]: {quality: (70, 70), service: (85, 85)},
        }
        for user in (self.technician, self.finance):
            Score = self.env["hospital.purchase.tender.score"].with_user(user)
            index = 0 if user == self.technician else 1
            Score.create(
                [
                    {
                        "tender_id": tender.id,
                        "order_id": bid.id,
                        "criterion_id": criterion.id,
                        "score": pair[index],
                    }
                    for bid, by_criterion in marks.items()
                    for criterion, pair in by_criterion.items()
                ]
            )
        return tender, bids

    def test_comparison_ranks_bids_like_the_award(self):
        tender, bids = self._scored_tender()
        sheet = tender._hospital_comparison()
        ranked = [row["bid"] for row in sheet["rows"]]
        self.assertEqual(ranked, [bids[2], bids[0], bids[1], bids[3]])
        self.assertEqual([row["rank"] for row in sheet["rows"]], [1, 2, 3, 0])
        self.assertAlmostEqual(sheet["rows"][0]["total"], 76.0)
        self.assertAlmostEqual(sheet["rows"][1]["total"], 76.0)
        self.assertAlmostEqual(sheet["rows"][2]["total"], 63.0)
        self.assertEqual(sheet["recommended"], bids[2])
        self.assertEqual(
            len(sheet["members"]), 2, "the withdrawn member scores nothing"
        )
        self.assertEqual(tender._hospital_ranked_bids()[:1], bids[2])
        tender.with_user(self.manager).action_award()
        self.assertEqual(tender.awarded_order_id, bids[2])
        # Printed after the award, the losers (now cancelled) keep their rank.
        self.assertEqual(
            [row["rank"] for row in tender._hospital_comparison()["rows"]],
            [1, 2, 3, 0],
        )

    def test_comparison_sheet_pdf(self):
        tender, _bids = self._scored_tender()
        Report = self.env["ir.actions.report"]
        html = Report._render_qweb_html(
            "hospital_purchase.hospital_purchase_tender_comparison_report",
            tender.ids,
        )[0].decode()
        for text in (
            "HP Vendor 2",
            "Recommended",
            "Unsigned offer",
            "Zhou Min",  # a scoring member's column and signature line
            "Evaluation Committee Signatures",
            "76.00",
        ):
            self.assertIn(text, html)
        self.assertLess(html.index("HP Vendor 2"), html.index("HP Vendor 0"))
        self.assertLess(html.index("HP Vendor 0"), html.index("HP Vendor 1"))
        pdf, kind = Report.with_context(force_report_rendering=True)._render_qweb_pdf(
            "hospital_purchase.hospital_purchase_tender_comparison_report",
            tender.ids,
        )
        self.assertEqual(kind, "pdf")
        self.assertTrue(pdf.startswith(b"%PDF"))

    def test_comparison_sheet_xlsx(self):
        tender, bids = self._scored_tender()
        content, kind = self.env["ir.actions.report"]._render_xlsx(
            "hospital_purchase.hospital_purchase_tender_comparison_xlsx",
            tender.ids,
            {},
        )
        self.assertEqual(kind, "xlsx")
        sheet = openpyxl.load_workbook(io.BytesIO(content)).active
        header = [cell.value for cell in sheet[4]]
        self.assertEqual(header[:4], ["Rank", "Bidder", "Bid", "Bid Price"])
        self.assertIn("Quality · Zhou Min", header)
        total_col = header.index("Weighted Score")
        rows = [
            [cell.value for cell in row]
            for row in sheet.iter_rows(min_row=5, max_row=8)
        ]
        self.assertEqual(
            [row[1] for row in rows],
            ["HP Vendor 2", "HP Vendor 0", "HP Vendor 1", "HP Vendor 3"],
        )
        self.assertEqual([row[0] for row in rows[:3]], [1, 2, 3])
        self.assertEqual(rows[0][3], bids[2].amount_total)
        self.assertAlmostEqual(rows[0][total_col], 76.0)
        self.assertEqual(rows[3][header.index("Valid")], "No")
        labels = [row[0].value for row in sheet.iter_rows(min_row=9)]
        self.assertIn("Recommended bidder", labels)

    def test_half_year_execution(self):
        budget = self.env["hospital.purchase.budget"].create(
            {
                "department_id": self.ward.id,
                "year": fields.Date.today().year,
                "line_ids": [
                    (
                        0,
                        0,
                        {
                            "name": "Consumables",
                            "amount": 1000,
                            "product_category_id": self.category.id,
                        },
                    ),
                    (0, 0, {"name": "Other", "amount": 500}),
                ],
            }
        )
        budget.with_user(self.leader).action_approve()
        year = fields.Date.today().year
        consumables, other = budget.line_ids
        office = self.env["product.product"].create(
            {"name": "HP Paper", "supplier_taxes_id": False}
        )
        self._approved_month(
            self._plan(lines=[(self.gloves, 2, 250), (office, 1, 120)])
        )
        for day, product, amount in (
            (date(year, 3, 10), self.gloves, 200),
            (date(year, 8, 20), self.gloves, 300),
            (date(year, 11, 5), office, 120),
        ):
            order = self._order(product=product, qty=1, price=amount)
            order.button_confirm()
            # Confirmed this month, dated back to spread the year.
            order.sudo().date_order = fields.Datetime.to_datetime(day)
        # A draft order commits nothing.
        self._order(qty=10, price=10)
        rows = {row["line"]: row for row in budget._hospital_execution_rows()}
        self.assertEqual(
            (rows[consumables]["h1"], rows[consumables]["h2"]), (200.0, 300.0)
        )
        self.assertEqual(rows[consumables]["remaining"], 500.0)
        self.assertEqual(rows[consumables]["rate"], 50.0)
        self.assertEqual((rows[other]["h1"], rows[other]["h2"]), (0.0, 120.0))
        html = (
            self.env["ir.actions.report"]
            ._render_qweb_html(
                "hospital_purchase.hospital_purchase_budget_execution_report",
                budget.ids,
            )[0]
            .decode()
        )
        self.assertIn("Committed H1", html)
        self.assertIn("Consumables", html)
        content, _kind = self.env["ir.actions.report"]._render_xlsx(
            "hospital_purchase.hospital_purchase_budget_execution_xlsx",
            budget.ids,
            {},
        )
        sheet = openpyxl.load_workbook(io.BytesIO(content)).active
        line = next(
            r
            for r in sheet.iter_rows(min_row=2, values_only=True)
            if r[2] == "Consumables"
        )
        self.assertEqual(line[4:9], (1000, 200, 300, 500, 500))
