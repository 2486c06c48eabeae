from odoo import models


class HospitalFleetXlsx(models.AbstractModel):
    _name = "report.hospital_fleet.fleet_xlsx"
    _inherit = "report.report_xlsx.abstract"
    _description = "Vehicle Report (xlsx)"

    def generate_xlsx_report(self, workbook, data, wizards):
        bold = workbook.add_format({"bold": True})
        for wizard in wizards:
            period = f"{wizard.date_from} – {wizard.date_to}"
            self._sheet_departments(workbook, bold, wizard, period)
            self._sheet_fuel(workbook, bold, wizard, period)
            self._sheet_violations(workbook, bold, wizard, period)

    def _sheet(self, workbook, bold, title, period, headers):
        sheet = workbook.add_worksheet(title[:31])
        sheet.write(0, 0, title, bold)
        sheet.write(1, 0, period)
        sheet.write_row(3, 0, headers, bold)
        sheet.set_column(0, 0, 30)
        sheet.set_column(1, len(headers), 16)
        return sheet

    def _sheet_departments(self, workbook, bold, wizard, period):
        sheet = self._sheet(
            workbook,
            bold,
            self.env._("Trips per Department"),
            period,
            [
                self.env._("Department"),
                self.env._("Trips"),
                self.env._("Kilometres"),
                self.env._("Hours"),
            ],
        )
        for row, (department, count, km, hours) in enumerate(
            wizard._hospital_trips_by_department(), start=4
        ):
            sheet.write_row(row, 0, [department.display_name, count, km, hours])

    def _sheet_fuel(self, workbook, bold, wizard, period):
        sheet = self._sheet(
            workbook,
            bold,
            self.env._("Fuel Efficiency"),
            period,
            [
                self.env._("Vehicle"),
                self.env._("Litres"),
                self.env._("Kilometres"),
                self.env._("L/100 km"),
                self.env._("Norm"),
                self.env._("Cost"),
                self.env._("Alerts"),
            ],
        )
        for row, (vehicle, litres, measured, km, cost, alerts) in enumerate(
            wizard._hospital_fuel_by_vehicle(), start=4
        ):
            sheet.write_row(
                row,
                0,
                [
                    vehicle.display_name,
                    litres,
                    km,
                    round(measured / km * 100, 2) if km else "",
                    vehicle.hospital_fuel_norm or "",
                    cost,
                    alerts,
                ],
            )

    def _sheet_violations(self, workbook, bold, wizard, period):
        kinds = dict(
            self.env["hospital.fleet.violation"]
            ._fields["kind"]
            ._description_selection(self.env)
        )
        sheet = self._sheet(
            workbook,
            bold,
            self.env._("Violations per Driver"),
            period,
            [
                self.env._("Driver"),
                self.env._("Kind"),
                self.env._("Count"),
                self.env._("Charged to Driver"),
                self.env._("Borne by Hospital"),
            ],
        )
        for row, (driver, kind, count, charged, hospital) in enumerate(
            wizard._hospital_violations_by_driver(), start=4
        ):
            sheet.write_row(
                row, 0, [driver.name, kinds.get(kind, kind), count, charged, hospital]
            )
