from odoo import models


class HospitalOutsourcingScorecardXlsx(models.AbstractModel):
    """All vendors' scores in one workbook: one row per scorecard, one sheet
    per criterion detail."""

    _name = "report.hospital_outsourcing.scorecard_xlsx"
    _inherit = "report.report_xlsx.abstract"
    _description = "Vendor Scores (xlsx)"

    def generate_xlsx_report(self, workbook, data, cards):
        bold = workbook.add_format({"bold": True})
        pct = workbook.add_format({"num_format": "0.0"})
        states = dict(cards._fields["state"]._description_selection(self.env))
        renewals = dict(cards._fields["renewal"]._description_selection(self.env))
        sheet = workbook.add_worksheet(self.env._("Vendor Scores")[:31])
        headers = [
            self.env._("Vendor"),
            self.env._("Agreement"),
            self.env._("Year"),
            self.env._("Quarter"),
            self.env._("KPI Compliance (%)"),
            self.env._("KPI Target (%)"),
            self.env._("SLA Compliance (%)"),
            self.env._("Interruption Rate (%)"),
            self.env._("Satisfaction (%)"),
            self.env._("Complaints"),
            self.env._("Inspections"),
            self.env._("Points Deducted"),
            self.env._("Payment Deduction"),
            self.env._("Warning"),
            self.env._("Renewal Recommendation"),
            self.env._("Status"),
        ]
        sheet.write_row(0, 0, headers, bold)
        sheet.freeze_panes(1, 1)
        for row, card in enumerate(cards, start=1):
            sheet.write_row(
                row,
                0,
                [
                    card.vendor_id.name or "",
                    card.agreement_id.display_name or "",
                    card.year,
                    f"Q{card.quarter}",
                ],
            )
            for col, value in enumerate(
                [
                    card.score,
                    card.kpi_target,
                    card.sla_compliance,
                    card.interruption_rate,
                    card.satisfaction,
                ],
                start=4,
            ):
                sheet.write_number(row, col, value, pct)
            sheet.write_row(
                row,
                9,
                [
                    card.complaint_count,
                    card.inspection_count,
                    card.inspection_deduction,
                    card.payment_deduction,
                    self.env._("Yes") if card.warning else "",
                    renewals.get(card.renewal, ""),
                    states.get(card.state, ""),
                ],
            )
        sheet.set_column(0, 1, 28)
        sheet.set_column(2, 15, 14)
        detail = workbook.add_worksheet(self.env._("Criteria")[:31])
        detail.write_row(
            0,
            0,
            [
                self.env._("Scorecard"),
                self.env._("Criterion"),
                self.env._("Weight (%)"),
                self.env._("Target"),
                self.env._("Actual"),
                self.env._("Points"),
            ],
            bold,
        )
        row = 1
        for card in cards:
            for line in card.line_ids:
                detail.write_row(
                    row,
                    0,
                    [
                        card.display_name,
                        line.name or "",
                        line.weight,
                        line.target,
                        line.actual if line.has_data else "",
                        line.points,
                    ],
                )
                row += 1
        detail.set_column(0, 1, 30)
