from odoo import models


class HospitalStockReconciliationXlsx(models.AbstractModel):
    _name = "report.hospital_stock.reconciliation_xlsx"
    _inherit = "report.report_xlsx.abstract"
    _description = "Monthly Ward Reconciliation (xlsx)"

    def generate_xlsx_report(self, workbook, data, reconciliations):
        bold = workbook.add_format({"bold": True})
        headers = [
            self.env._("Item"),
            self.env._("Opening"),
            self.env._("Issued"),
            self.env._("Consumed"),
            self.env._("Loaned Out"),
            self.env._("Returned"),
            self.env._("Adjusted"),
            self.env._("On Books"),
            self.env._("Counted"),
            self.env._("Difference"),
            self.env._("Value"),
            self.env._("Cause"),
            self.env._("Explanation"),
        ]
        causes = dict(
            self.env["hospital.stock.reconciliation.line"]
            ._fields["cause"]
            ._description_selection(self.env)
        )
        for rec in reconciliations:
            sheet = workbook.add_worksheet(rec.name[:31])
            sheet.write(0, 0, rec.name, bold)
            sheet.write(1, 0, rec.state)
            sheet.write_row(3, 0, headers, bold)
            for index, line in enumerate(rec.line_ids, start=4):
                sheet.write_row(
                    index,
                    0,
                    [
                        line.product_id.display_name,
                        line.opening_qty,
                        line.issued_qty,
                        line.consumed_qty,
                        line.loaned_qty,
                        line.returned_qty,
                        line.adjusted_qty,
                        line.expected_qty,
                        line.counted_qty,
                        line.difference,
                        line.difference_value,
                        causes.get(line.cause, ""),
                        line.explanation or "",
                    ],
                )
            sheet.set_column(0, 0, 36)
