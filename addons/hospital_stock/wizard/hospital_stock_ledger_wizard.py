from datetime import datetime, time

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError

from ..models.stock_location import LEDGER_COLUMNS


class HospitalStockLedgerWizard(models.TransientModel):
    _name = "hospital.stock.ledger.wizard"
    _description = "Ward Ledger (台账)"

    department_ids = fields.Many2many(
        "hr.department",
        string="Wards",
        domain="[('hospital_location_id', '!=', False)]",
        default=lambda self: self.env.user.hospital_department_ids.filtered(
            "hospital_location_id"
        ),
    )
    date_from = fields.Date(
        required=True,
        default=lambda self: fields.Date.context_today(self).replace(day=1),
    )
    date_to = fields.Date(
        required=True,
        default=lambda self: (
            fields.Date.context_today(self).replace(day=1)
            + relativedelta(months=1, days=-1)
        ),
    )

    @api.constrains("date_from", "date_to")
    def _check_dates(self):
        for wizard in self:
            if wizard.date_from > wizard.date_to:
                raise UserError(self.env._("The period ends before it starts."))

    def _hospital_rows(self):
        """Ledger rows per ward, sorted: what the PDF and the xlsx print."""
        self.ensure_one()
        departments = self.department_ids or self.env["hr.department"].search(
            [("hospital_location_id", "!=", False)]
        )
        # Reading through the department keeps other wards out for a head nurse.
        locations = departments.hospital_location_id
        start = datetime.combine(self.date_from, time.min) - relativedelta(
            microseconds=1
        )
        end = datetime.combine(self.date_to, time.max)
        ledger = locations._hospital_ledger(start, end)
        products = self.env["product.product"].browse({p for _l, p in ledger})
        names = {p.id: p.display_name for p in products}
        result = []
        for department in departments.sorted("name"):
            rows = [
                dict(
                    row,
                    product=names[product_id],
                    uom=products.browse(product_id).uom_id.name,
                )
                for (location_id, product_id), row in ledger.items()
                if location_id == department.hospital_location_id.id
            ]
            result.append((department, sorted(rows, key=lambda r: r["product"])))
        return result

    def action_print_pdf(self):
        return self.env.ref("hospital_stock.action_report_ledger").report_action(self)

    def action_print_xlsx(self):
        return self.env.ref("hospital_stock.action_report_ledger_xlsx").report_action(
            self
        )

    @api.model
    def _hospital_columns(self):
        return LEDGER_COLUMNS + ("book",)
