from odoo import models


class HospitalStockLedgerXlsx(models.AbstractModel):
    _name = "report.hospital_stock.ledger_xlsx"
    _inherit = "report.report_xlsx.abstract"
    _description = "Ward Ledger (xlsx)"

    def generate_xlsx_report(self, workbook, data, wizards):
        bold = workbook.add_format({"bold": True})
        headers = [
            self.env._("Item"),
            self.env._("Unit"),
            self.env._("Opening"),
            self.env._("Issued"),
            self.env._("Consumed"),
            self.env._("Loaned Out"),
            self.env._("Returned"),
            self.env._("Adjusted"),
            self.env._("Closing"),
        ]
        for wizard in wizards:
            for department, rows in wizard._hospital_rows():
                sheet = workbook.add_worksheet(department.name[:31])
                sheet.write(
                    0,
                    0,
                    self.env._(
                        "Ward ledger %(from)s – %(to)s",
                        **{"from": str(wizard.date_from), "to": str(wizard.date_to)},
                    ),
                    bold,
                )
                sheet.write_row(2, 0, headers, bold)
                for index, row in enumerate(rows, start=3):
                    sheet.write_row(
                        index,
                        0,
                        [row["product"], row["uom"]]
                        + [row[column] for column in wizard._hospital_columns()],
                    )
                sheet.set_column(0, 0, 36)
