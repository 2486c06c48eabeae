from datetime import datetime, time

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import ValidationError

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
    def _check_period_not_inverted(self):
        for wizard in self:
            if wizard.date_from > wizard.date_to:
                raise ValidationError(self.env._("The period ends before it starts."))

    def _hospital_wards(self):
        """The wards chosen, or else every ward whose stock location the user
        may read: a head nurse's own, all of them for logistics and finance."""
        self.ensure_one()
        if self.department_ids:
            return self.department_ids
        return (
            self.env["stock.location"]
            .search([("hospital_department_id", "!=", False)])
            .hospital_department_id
        )

    def _hospital_rows(self):
        """Ledger rows per ward, sorted: what the PDF and the xlsx print."""
        self.ensure_one()
        departments = self._hospital_wards()
        # The ledger refuses a location the user may not read (another ward).
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
