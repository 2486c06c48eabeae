from odoo import models


class HospitalAssetRegisterXlsx(models.AbstractModel):
    """The asset register (资产台账) by department: one block per department
    with its assets and its total original value."""

    _name = "report.hospital_asset.register_xlsx"
    _inherit = "report.report_xlsx.abstract"
    _description = "Asset Register by Department (xlsx)"

    def generate_xlsx_report(self, workbook, data, assets):
        bold = workbook.add_format({"bold": True})
        money = workbook.add_format({"num_format": "#,##0.00"})
        total = workbook.add_format({"bold": True, "num_format": "#,##0.00"})
        date = workbook.add_format({"num_format": "yyyy-mm-dd"})
        sheet = workbook.add_worksheet(self.env._("Asset Register"))
        sheet.write(0, 0, self.env._("Asset register by department"), bold)
        headers = [
            self.env._("Department"),
            self.env._("Asset Number"),
            self.env._("Name"),
            self.env._("Category"),
            self.env._("Model"),
            self.env._("Serial Number"),
            self.env._("Original Value"),
            self.env._("Acquisition Date"),
            self.env._("Custodian"),
            self.env._("Room"),
            self.env._("Supplier"),
            self.env._("Warranty Until"),
            self.env._("Asset Status"),
        ]
        sheet.write_row(2, 0, headers, bold)
        states = dict(
            assets._fields["hospital_asset_state"]._description_selection(self.env)
        )
        row = 3
        departments = assets.department_id.sorted("name")
        groups = [
            (d, assets.filtered(lambda a, d=d: a.department_id == d))
            for d in departments
        ]
        if unassigned := assets.filtered(lambda a: not a.department_id):
            groups.append((assets.department_id.browse(), unassigned))
        for department, members in groups:
            name = department.name or self.env._("No department")
            for asset in members.sorted(lambda a: a.hospital_asset_number or ""):
                sheet.write_row(
                    row,
                    0,
                    [
                        name,
                        asset.hospital_asset_number or "",
                        asset.name,
                        asset.category_id.name or "",
                        asset.model or "",
                        asset.serial_no or "",
                    ],
                )
                sheet.write_number(row, 6, asset.hospital_asset_value, money)
                if asset.hospital_acquisition_date:
                    sheet.write_datetime(row, 7, asset.hospital_acquisition_date, date)
                sheet.write_row(
                    row,
                    8,
                    [
                        asset.employee_id.name or "",
                        asset.hospital_location_id.name or "",
                        asset.partner_id.name or "",
                    ],
                )
                if asset.warranty_date:
                    sheet.write_datetime(row, 11, asset.warranty_date, date)
                sheet.write(row, 12, states.get(asset.hospital_asset_state, ""))
                row += 1
            sheet.write(
                row,
                0,
                self.env._(
                    "%(department)s: %(number)s assets",
                    department=name,
                    number=len(members),
                ),
                bold,
            )
            sheet.write_number(
                row, 6, sum(members.mapped("hospital_asset_value")), total
            )
            row += 2
        sheet.set_column(0, 0, 22)
        sheet.set_column(1, 2, 24)
        sheet.set_column(3, 12, 14)
