from odoo import models


class HospitalKpiPeriodXlsx(models.AbstractModel):
    """The evaluation workbook: one sheet per area and period, ready to
    print (A4 landscape, one page wide, headers repeated), each with a chart
    of the area's KPIs against their targets, and a sheet of the improvement
    actions."""

    _name = "report.hospital_kpi.period_xlsx"
    _inherit = "report.report_xlsx.abstract"
    _description = "KPI Evaluation Workbook (xlsx)"

    def _hospital_formats(self, workbook):
        base = {"font_name": "Noto Sans CJK SC", "font_size": 10, "border": 1}
        return {
            "title": workbook.add_format(
                {**base, "bold": True, "font_size": 14, "border": 0}
            ),
            "head": workbook.add_format(
                {**base, "bold": True, "bg_color": "#DDEBF7", "text_wrap": True}
            ),
            "text": workbook.add_format(base),
            "number": workbook.add_format({**base, "num_format": "#,##0.00"}),
            "missed": workbook.add_format(
                {
                    **base,
                    "num_format": "#,##0.00",
                    "font_color": "#B00020",
                    "bold": True,
                }
            ),
        }

    def _hospital_print_setup(self, sheet, title, header_row):
        sheet.set_landscape()
        sheet.set_paper(9)  # A4
        sheet.fit_to_pages(1, 0)
        sheet.set_margins(left=0.5, right=0.5, top=0.7, bottom=0.7)
        sheet.repeat_rows(header_row)
        sheet.set_header(f"&L{title}&R&D")
        sheet.set_footer("&C&P / &N")

    def generate_xlsx_report(self, workbook, data, periods):
        fmt = self._hospital_formats(workbook)
        Snapshot = self.env["hospital.kpi.snapshot"]
        areas = dict(Snapshot._fields["area"]._description_selection(self.env))
        results = dict(Snapshot._fields["result"]._description_selection(self.env))
        trends = dict(Snapshot._fields["trend"]._description_selection(self.env))
        headers = [
            self.env._("KPI"),
            self.env._("Department"),
            self.env._("Value"),
            self.env._("Target"),
            self.env._("Unit"),
            self.env._("Previous Period"),
            self.env._("Trend"),
            self.env._("Same Period Last Year"),
            self.env._("Trend vs Last Year"),
            self.env._("Result"),
            self.env._("Numerator"),
            self.env._("Denominator"),
        ]
        names = set()
        for period in periods:
            snapshots = period.snapshot_ids
            for area in dict.fromkeys(snapshots.mapped("area")):
                lines = snapshots.filtered(lambda s, a=area: s.area == a)
                name = self._hospital_sheet_name(f"{period.name} {areas[area]}", names)
                sheet = workbook.add_worksheet(name)
                title = f"{period.company_id.name} · {period.name} · {areas[area]}"
                sheet.write(0, 0, title, fmt["title"])
                sheet.write_row(2, 0, headers, fmt["head"])
                self._hospital_print_setup(sheet, title, 2)
                ordered = lines.sorted(
                    lambda s: (bool(s.department_id), s.sequence, s.scope)
                )
                for row, snap in enumerate(ordered, start=3):
                    value_fmt = (
                        fmt["missed"] if snap.result == "missed" else fmt["number"]
                    )
                    sheet.write(row, 0, snap.definition_id.name, fmt["text"])
                    sheet.write(row, 1, snap.scope, fmt["text"])
                    if snap.has_value:
                        sheet.write_number(row, 2, snap.value, value_fmt)
                    else:
                        sheet.write(row, 2, snap.value_display, fmt["text"])
                    sheet.write_number(row, 3, snap.target, fmt["number"])
                    sheet.write(row, 4, snap.unit or "", fmt["text"])
                    sheet.write(row, 5, snap.previous_display, fmt["text"])
                    sheet.write(row, 6, trends.get(snap.trend, ""), fmt["text"])
                    sheet.write(row, 7, snap.last_year_display, fmt["text"])
                    sheet.write(
                        row, 8, trends.get(snap.trend_last_year, ""), fmt["text"]
                    )
                    sheet.write(row, 9, results.get(snap.result, ""), fmt["text"])
                    sheet.write_number(row, 10, snap.numerator, fmt["number"])
                    sheet.write_number(row, 11, snap.denominator, fmt["number"])
                sheet.set_column(0, 1, 24)
                sheet.set_column(2, 11, 13)
                sheet.freeze_panes(3, 1)
                hospital_rows = len(ordered.filtered(lambda s: not s.department_id))
                self._hospital_chart(workbook, sheet, name, hospital_rows, len(ordered))
            self._hospital_actions_sheet(workbook, period, fmt, names)

    def _hospital_sheet_name(self, wanted, names):
        """A sheet name Excel accepts (31 characters, no []:*?/\\), unique."""
        name = "".join(c for c in wanted if c not in "[]:*?/\\")[:31]
        candidate, count = name, 2
        while candidate.lower() in names:
            suffix = f" ({count})"
            candidate, count = name[: 31 - len(suffix)] + suffix, count + 1
        names.add(candidate.lower())
        return candidate

    def _hospital_chart(self, workbook, sheet, name, hospital_rows, all_rows):
        """Columns of the hospital-wide values against their targets (the
        department lines when the area has no hospital-wide line)."""
        rows = hospital_rows or all_rows
        chart = workbook.add_chart({"type": "column"})
        quoted = "'" + name.replace("'", "''") + "'"
        for col, label in ((2, self.env._("Value")), (3, self.env._("Target"))):
            chart.add_series(
                {
                    "name": label,
                    "categories": f"={quoted}!$A$4:$A${3 + rows}",
                    "values": f"={quoted}!${'ABCD'[col]}$4:${'ABCD'[col]}${3 + rows}",
                }
            )
        chart.set_title({"name": self.env._("Value against target")})
        chart.set_size({"width": 640, "height": 300})
        sheet.insert_chart(f"A{all_rows + 6}", chart)

    def _hospital_actions_sheet(self, workbook, period, fmt, names):
        label = self.env._("Actions")
        name = self._hospital_sheet_name(f"{period.name} {label}", names)
        sheet = workbook.add_worksheet(name)
        title = f"{period.company_id.name} · {period.name} · " + self.env._(
            "Improvement Actions"
        )
        sheet.write(0, 0, title, fmt["title"])
        headers = [
            self.env._("Action"),
            self.env._("KPI"),
            self.env._("Department"),
            self.env._("Owner"),
            self.env._("Deadline"),
            self.env._("Status"),
        ]
        sheet.write_row(2, 0, headers, fmt["head"])
        self._hospital_print_setup(sheet, title, 2)
        states = dict(
            period.action_ids._fields["state"]._description_selection(self.env)
        )
        for row, action in enumerate(period.action_ids, start=3):
            sheet.write_row(
                row,
                0,
                [
                    action.name,
                    action.definition_id.name or "",
                    action.department_id.name or "",
                    action.owner_id.name,
                    str(action.deadline),
                    states.get(action.state, ""),
                ],
                fmt["text"],
            )
        if not period.action_ids:
            sheet.write(
                3, 0, self.env._("No improvement action for this period."), fmt["text"]
            )
        sheet.set_column(0, 0, 40)
        sheet.set_column(1, 5, 16)
