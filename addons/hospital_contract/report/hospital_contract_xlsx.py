from odoo import models


class HospitalContractXlsx(models.AbstractModel):
    _name = "report.hospital_contract.contract_xlsx"
    _inherit = "report.report_xlsx.abstract"
    _description = "Contract Reports (xlsx)"

    def _selection(self, model, field):
        return dict(self.env[model]._fields[field]._description_selection(self.env))

    def generate_xlsx_report(self, workbook, data, wizards):
        bold = workbook.add_format({"bold": True})
        date = workbook.add_format({"num_format": "yyyy-mm-dd"})
        for wizard in wizards:
            reports = self._selection(wizard._name, "report")
            sheet = workbook.add_worksheet(reports[wizard.report][:31])
            sheet.write(0, 0, reports[wizard.report], bold)
            if wizard.report == "seal":
                self._write_seal_log(sheet, bold, date, wizard._hospital_seal_logs())
            else:
                self._write_contracts(sheet, bold, date, wizard._hospital_contracts())

    def _write_contracts(self, sheet, bold, date, contracts):
        states = self._selection("hospital.contract", "state")
        headers = [
            self.env._("Department"),
            self.env._("Status"),
            self.env._("Number"),
            self.env._("Subject"),
            self.env._("Type"),
            self.env._("Counterparty"),
            self.env._("Amount"),
            self.env._("Start"),
            self.env._("End"),
            self.env._("Major"),
            self.env._("Retention (years)"),
            self.env._("Kept Until"),
            self.env._("Archive Office"),
        ]
        sheet.write_row(2, 0, headers, bold)
        for row, contract in enumerate(contracts, start=3):
            sheet.write_row(
                row,
                0,
                [
                    contract.department_id.name or "",
                    states.get(contract.state, ""),
                    contract.name,
                    contract.title,
                    contract.type_id.name,
                    contract.partner_id.name,
                    contract.amount,
                ],
            )
            sheet.write_datetime(row, 7, contract.date_start, date)
            sheet.write_datetime(row, 8, contract.date_end, date)
            sheet.write(row, 9, self.env._("Yes") if contract.is_major else "")
            sheet.write(row, 10, contract.retention_years)
            if contract.retention_end:
                sheet.write_datetime(row, 11, contract.retention_end, date)
            sheet.write(
                row, 12, self.env._("Yes") if contract.archive_transfer_required else ""
            )
        sheet.set_column(0, 0, 18)
        sheet.set_column(2, 5, 24)
        sheet.set_column(7, 11, 12)

    def _write_seal_log(self, sheet, bold, date, logs):
        kinds = self._selection("hospital.contract.seal.log", "seal_kind")
        headers = [
            self.env._("Date"),
            self.env._("Contract"),
            self.env._("Department"),
            self.env._("Seal"),
            self.env._("Copies"),
            self.env._("Purpose"),
            self.env._("Applied By"),
        ]
        sheet.write_row(2, 0, headers, bold)
        for row, log in enumerate(logs, start=3):
            sheet.write_datetime(row, 0, log.date, date)
            sheet.write_row(
                row,
                1,
                [
                    log.contract_id.display_name,
                    log.contract_id.department_id.name or "",
                    kinds.get(log.seal_kind, ""),
                    log.copies,
                    log.purpose,
                    log.user_id.name,
                ],
            )
        sheet.set_column(0, 0, 12)
        sheet.set_column(1, 2, 30)
        sheet.set_column(5, 6, 20)
