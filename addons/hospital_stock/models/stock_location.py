from collections import defaultdict

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.fields import Domain

# Columns of the ward ledger (台账), in the order of the reconciliation formula:
# opening + issued - consumed - loaned + returned + adjusted = book quantity.
LEDGER_COLUMNS = ("opening", "issued", "consumed", "loaned", "returned", "adjusted")


class StockLocation(models.Model):
    _inherit = "stock.location"

    hospital_department_id = fields.Many2one(
        "hr.department",
        string="Ward / Department",
        index=True,
        help="The department whose head nurse holds the custody of this location.",
    )
    hospital_custodian_id = fields.Many2one(
        related="hospital_department_id.head_nurse_id", string="Custodian"
    )
    hospital_keeper_id = fields.Many2one(
        related="hospital_department_id.keeper_id", string="Keeper"
    )
    hospital_last_check_date = fields.Datetime(
        string="Last Check",
        readonly=True,
        help="When the last weekly check (ward) or stocktake (warehouse) was signed.",
    )
    hospital_check_due_date = fields.Datetime(
        string="Next Check Due",
        compute="_compute_hospital_check_due_date",
        store=True,
        index=True,
    )
    hospital_check_overdue = fields.Boolean(
        string="Check Overdue",
        compute="_compute_hospital_check_overdue",
        search="_search_hospital_check_overdue",
    )
    hospital_is_warehouse_stock = fields.Boolean(
        string="Logistics Warehouse",
        help="Counted in the quarterly stocktake instead of the weekly ward check.",
    )

    @api.depends(
        "hospital_last_check_date",
        "hospital_department_id",
        "hospital_is_warehouse_stock",
        "company_id.hospital_ward_check_days",
        "company_id.hospital_stocktake_months",
    )
    def _compute_hospital_check_due_date(self):
        for location in self:
            company = location.company_id or self.env.company
            start = location.hospital_last_check_date or location.create_date
            if location.hospital_department_id and start:
                location.hospital_check_due_date = start + relativedelta(
                    days=company.hospital_ward_check_days
                )
            elif location.hospital_is_warehouse_stock and start:
                location.hospital_check_due_date = start + relativedelta(
                    months=company.hospital_stocktake_months
                )
            else:
                location.hospital_check_due_date = False

    @api.depends("hospital_check_due_date")
    def _compute_hospital_check_overdue(self):
        now = fields.Datetime.now()
        for location in self:
            due = location.hospital_check_due_date
            location.hospital_check_overdue = bool(due and due < now)

    def _search_hospital_check_overdue(self, operator, value):
        if operator != "in":
            return NotImplemented
        return [("hospital_check_due_date", "<", fields.Datetime.now())]

    @api.model
    def _hospital_flag_warehouse_stock(self):
        """The stock of each warehouse is the logistics warehouse (总库)."""
        self.env["stock.warehouse"].search(
            [("lot_stock_id.hospital_is_warehouse_stock", "=", False)]
        ).lot_stock_id.hospital_is_warehouse_stock = True

    def _hospital_ledger(self, date_from, date_to):
        """Ledger rows of these locations for the period ``(date_from, date_to]``.

        Returns ``{(location_id, product_id): {column: quantity}}`` with the
        columns of LEDGER_COLUMNS plus ``book`` (the quantity the books say is
        there at ``date_to``).  Four grouped queries, whatever the number of
        locations and moves: the monthly reconciliation of every ward and the
        ledger report rely on it.

        The moves are read with superuser rights (a head nurse has no
        Inventory rights), so only for locations the user may read: another
        ward's books are refused like its location.
        """
        self.check_access("read")
        Move = self.env["stock.move"].sudo()
        consumption = self.env.ref("hospital_stock.location_ward_consumption")
        loans = self.env.ref("hospital_stock.location_ward_loans")
        rows = defaultdict(lambda: dict.fromkeys(LEDGER_COLUMNS + ("book",), 0.0))
        done = Domain("state", "=", "done")
        before = Domain("date", "<=", date_from)
        during = Domain("date", ">", date_from) & Domain("date", "<=", date_to)

        for location, product, qty in Move._read_group(
            done & before & Domain("location_dest_id", "in", self.ids),
            ["location_dest_id", "product_id"],
            ["product_qty:sum"],
        ):
            rows[location.id, product.id]["opening"] += qty
        for location, product, qty in Move._read_group(
            done & before & Domain("location_id", "in", self.ids),
            ["location_id", "product_id"],
            ["product_qty:sum"],
        ):
            rows[location.id, product.id]["opening"] -= qty

        incoming = Move._read_group(
            done & during & Domain("location_dest_id", "in", self.ids),
            ["location_dest_id", "product_id", "location_id"],
            ["product_qty:sum"],
        )
        outgoing = Move._read_group(
            done & during & Domain("location_id", "in", self.ids),
            ["location_id", "product_id", "location_dest_id"],
            ["product_qty:sum"],
        )
        for location, product, source, qty in incoming:
            if source == location:
                continue
            if source == loans:
                column = "returned"
            elif source.usage == "inventory":
                column = "adjusted"
            else:
                column = "issued"
            rows[location.id, product.id][column] += qty
        for location, product, destination, qty in outgoing:
            if destination == location:
                continue
            if destination == consumption:
                rows[location.id, product.id]["consumed"] += qty
            elif destination == loans:
                rows[location.id, product.id]["loaned"] += qty
            elif destination.usage == "inventory":
                rows[location.id, product.id]["adjusted"] -= qty
            else:
                # Goods sent back to the warehouse reduce what was issued.
                rows[location.id, product.id]["issued"] -= qty
        for row in rows.values():
            row["book"] = (
                row["opening"]
                + row["issued"]
                - row["consumed"]
                - row["loaned"]
                + row["returned"]
                + row["adjusted"]
            )
        return rows

    def _hospital_quants_to_count(self):
        """What the books hold in each of these locations, per product and lot:
        the lines of a count sheet (weekly check, custody handover)."""
        quants = (
            self.env["stock.quant"]
            .sudo()
            .search([("location_id", "in", self.ids), ("quantity", "!=", 0)])
        )
        by_location = defaultdict(lambda: self.env["stock.quant"])
        for quant in quants:
            by_location[quant.location_id] |= quant
        return by_location
