from odoo import models


class HospitalAssetScrapXlsx(models.AbstractModel):
    """The scrap register (报废登记簿): what was asked, who approved at which
    level, what the scrap sold for."""

    _name = "report.hospital_asset.scrap_xlsx"
    _inherit = "report.report_xlsx.abstract"
    _description = "Scrap Register (xlsx)"

    def generate_xlsx_report(self, workbook, data, scraps):
        bold = workbook.add_format({"bold": True})
        money = workbook.add_format({"num_format": "#,##0.00"})
        states = dict(scraps._fields["state"]._description_selection(self.env))
        sales = dict(scraps._fields["sale_state"]._description_selection(self.env))
        sheet = workbook.add_worksheet(self.env._("Scrap Register"))
        sheet.write(0, 0, self.env._("Scrap register"), bold)
        sheet.write_row(
            2,
            0,
            [
                self.env._("Number"),
                self.env._("Requested On"),
                self.env._("Requesting Department"),
                self.env._("Asset Number"),
                self.env._("Name"),
                self.env._("Specification"),
                self.env._("Model"),
                self.env._("Quantity"),
                self.env._("Unit Value"),
                self.env._("Total Value"),
                self.env._("Reason"),
                self.env._("Approval Level"),
                self.env._("Status"),
                self.env._("Approved By"),
                self.env._("Sale"),
                self.env._("Sale Income"),
            ],
            bold,
        )
        for row, scrap in enumerate(scraps.sorted("name"), start=3):
            sheet.write_row(
                row,
                0,
                [
                    scrap.name,
                    str(scrap.create_date.date()),
                    scrap.department_id.name or "",
                    scrap.equipment_id.hospital_asset_number or "",
                    scrap.item_name or "",
                    scrap.item_spec or "",
                    scrap.item_model or "",
                ],
            )
            sheet.write_number(row, 7, scrap.quantity)
            sheet.write_number(row, 8, scrap.unit_value, money)
            sheet.write_number(row, 9, scrap.amount_total, money)
            sheet.write_row(
                row,
                10,
                [
                    scrap.reason or "",
                    self.env._("President's office meeting")
                    if scrap.needs_office_meeting
                    else self.env._("Deputy director"),
                    states[scrap.state],
                    scrap.approved_by_id.name or "",
                    sales[scrap.sale_state],
                ],
            )
            sheet.write_number(row, 15, scrap.sale_amount, money)
        sheet.set_column(0, 15, 16)
