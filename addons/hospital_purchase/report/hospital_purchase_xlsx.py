from odoo import models


class HospitalPurchaseTenderComparisonXlsx(models.AbstractModel):
    """The comparison sheet in a workbook: one sheet per tender, one row per
    bid in rank order, each member's score per criterion, the means, the
    weighted score; the committee below for the signatures."""

    _name = "report.hospital_purchase.tender_comparison_xlsx"
    _inherit = "report.report_xlsx.abstract"
    _description = "Comparison Sheet (xlsx)"

    def generate_xlsx_report(self, workbook, data, tenders):
        bold = workbook.add_format({"bold": True})
        title = workbook.add_format({"bold": True, "font_size": 14})
        money = workbook.add_format({"num_format": "#,##0.00"})
        score = workbook.add_format({"num_format": "0.0"})
        best = workbook.add_format({"bold": True, "bg_color": "#D9EAD3"})
        roles = dict(
            self.env["hospital.purchase.tender.member"]
            ._fields["role"]
            ._description_selection(self.env)
        )
        declarations = dict(
            self.env["hospital.purchase.tender.member"]
            ._fields["declaration"]
            ._description_selection(self.env)
        )
        for tender in tenders:
            sheet_data = tender._hospital_comparison()
            criteria = sheet_data["criteria"]
            members = sheet_data["members"]
            sheet = workbook.add_worksheet(tender.name.replace("/", "-")[:31])
            sheet.write(0, 0, self.env._("Bid Evaluation and Comparison Sheet"), title)
            sheet.write_row(
                1,
                0,
                [
                    tender.name,
                    tender.title,
                    self.env._("Estimated Amount"),
                    tender.estimated_amount,
                    self.env._("Valid Bids"),
                    tender.valid_bid_count,
                    self.env._("Required"),
                    tender.min_bids,
                ],
            )
            headers = [
                self.env._("Rank"),
                self.env._("Bidder"),
                self.env._("Bid"),
                self.env._("Bid Price"),
            ]
            for criterion in criteria:
                for member in members:
                    headers.append(f"{criterion.name} · {member.user_id.name}")
                headers.append(
                    self.env._(
                        "%(criterion)s mean (%(weight)s%%)",
                        criterion=criterion.name,
                        weight=f"{criterion.weight:g}",
                    )
                )
            headers += [
                self.env._("Weighted Score"),
                self.env._("Valid"),
                self.env._("Remarks"),
            ]
            sheet.write_row(3, 0, headers, bold)
            row = 4
            for line in sheet_data["rows"]:
                recommended = line["bid"] == sheet_data["recommended"]
                sheet.write(row, 0, line["rank"] or "", best if recommended else None)
                sheet.write(row, 1, line["vendor"], best if recommended else None)
                sheet.write(row, 2, line["bid"].name)
                sheet.write_number(row, 3, line["amount"], money)
                col = 4
                for criterion in criteria:
                    for member in members:
                        given = line["scores"][(member.id, criterion.id)]
                        if given is None:
                            sheet.write(row, col, "")
                        else:
                            sheet.write_number(row, col, given, score)
                        col += 1
                    sheet.write_number(row, col, line["means"][criterion.id], score)
                    col += 1
                sheet.write_number(row, col, line["total"], score)
                sheet.write(
                    row,
                    col + 1,
                    self.env._("Yes") if line["valid"] else self.env._("No"),
                )
                sheet.write(
                    row,
                    col + 2,
                    line["reason"]
                    if not line["valid"]
                    else (self.env._("Recommended") if recommended else ""),
                )
                row += 1
            row += 1
            sheet.write(row, 0, self.env._("Recommended bidder"), bold)
            recommended = sheet_data["recommended"]
            sheet.write(
                row,
                1,
                recommended.partner_id.display_name
                if recommended and sheet_data["enough"]
                else self.env._("None: fewer valid bids than the method requires"),
            )
            row += 2
            sheet.write(row, 0, self.env._("Evaluation Committee Signatures"), bold)
            row += 1
            sheet.write_row(
                row,
                0,
                [
                    self.env._("Member"),
                    self.env._("Role"),
                    self.env._("Declaration"),
                    self.env._("Signature"),
                    self.env._("Date"),
                ],
                bold,
            )
            for member in tender.member_ids:
                row += 1
                sheet.write_row(
                    row,
                    0,
                    [
                        member.user_id.name,
                        roles.get(member.role, ""),
                        declarations.get(member.declaration, ""),
                    ],
                )
            sheet.set_column(0, 0, 8)
            sheet.set_column(1, 2, 26)
            sheet.set_column(3, len(headers), 14)
            sheet.freeze_panes(4, 2)


class HospitalPurchaseBudgetExecutionXlsx(models.AbstractModel):
    """Half-yearly budget execution (预算执行情况): one row per budget line
    of each department budget."""

    _name = "report.hospital_purchase.budget_execution_xlsx"
    _inherit = "report.report_xlsx.abstract"
    _description = "Budget Execution (xlsx)"

    def generate_xlsx_report(self, workbook, data, budgets):
        bold = workbook.add_format({"bold": True})
        money = workbook.add_format({"num_format": "#,##0.00"})
        pct = workbook.add_format({"num_format": "0.0"})
        sheet = workbook.add_worksheet(self.env._("Budget Execution")[:31])
        sheet.write_row(
            0,
            0,
            [
                self.env._("Department"),
                self.env._("Year"),
                self.env._("Budget Line"),
                self.env._("Product Category"),
                self.env._("Budget"),
                self.env._("Committed H1 (Jan–Jun)"),
                self.env._("Committed H2 (Jul–Dec)"),
                self.env._("Committed"),
                self.env._("Remaining"),
                self.env._("Executed (%)"),
            ],
            bold,
        )
        row = 1
        for budget in budgets:
            for line in budget._hospital_execution_rows():
                sheet.write_row(
                    row,
                    0,
                    [
                        budget.department_id.name,
                        budget.year,
                        line["name"],
                        line["category"],
                    ],
                )
                for col, key in enumerate(
                    ("amount", "h1", "h2", "committed", "remaining"), start=4
                ):
                    sheet.write_number(row, col, line[key], money)
                sheet.write_number(row, 9, line["rate"], pct)
                row += 1
        sheet.set_column(0, 3, 22)
        sheet.set_column(4, 9, 16)
        sheet.freeze_panes(1, 1)
