from odoo import models


class HospitalAssetCountXlsx(models.AbstractModel):
    """Count results (盘点结果): per count its figures, then every line with
    what the books say and what was found."""

    _name = "report.hospital_asset.count_xlsx"
    _inherit = "report.report_xlsx.abstract"
    _description = "Asset Count Results (xlsx)"

    def generate_xlsx_report(self, workbook, data, counts):
        bold = workbook.add_format({"bold": True})
        results = dict(
            self.env["hospital.asset.count.line"]
            ._fields["result"]
            ._description_selection(self.env)
        )
        kinds = dict(counts._fields["kind"]._description_selection(self.env))
        states = dict(counts._fields["state"]._description_selection(self.env))
        for count in counts:
            sheet = workbook.add_worksheet(count.name[:31])
            sheet.write(
                0, 0, self.env._("Count results %(count)s", count=count.name), bold
            )
            sheet.write_row(
                1,
                0,
                [
                    kinds[count.kind],
                    count.department_id.name or self.env._("Whole hospital"),
                    str(count.date),
                    states[count.state],
                ],
            )
            figures = [
                (self.env._("Listed"), count.line_count),
                (self.env._("Found"), count.found_count),
                (self.env._("Missing (盘亏)"), count.missing_count),
                (self.env._("Surplus (盘盈)"), count.surplus_count),
                (self.env._("Wrong Location"), count.wrong_location_count),
                (self.env._("Not Counted Yet"), count.pending_count),
            ]
            for column, (label, number) in enumerate(figures):
                sheet.write(3, column, label, bold)
                sheet.write_number(4, column, number)
            sheet.write_row(
                6,
                0,
                [
                    self.env._("Asset Number"),
                    self.env._("Asset"),
                    self.env._("Department on Books"),
                    self.env._("Room on Books"),
                    self.env._("Found In"),
                    self.env._("Result"),
                    self.env._("Note"),
                ],
                bold,
            )
            for row, line in enumerate(count.line_ids, start=7):
                sheet.write_row(
                    row,
                    0,
                    [
                        line.asset_number or "",
                        line.equipment_id.name or line.surplus_name or "",
                        line.expected_department_id.name or "",
                        line.expected_location_id.name or "",
                        line.found_location_id.name or "",
                        results[line.result],
                        line.note or "",
                    ],
                )
            sheet.set_column(0, 6, 20)
