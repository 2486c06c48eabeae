from odoo import Command
from odoo.exceptions import UserError, ValidationError

from .common import HospitalStockCase


class TestWarehouse(HospitalStockCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.supplier = cls.env["res.partner"].create(
            {"name": "Hangzhou Medical Supply"}
        )

    def _order(self, qty=100):
        order = self.env["purchase.order"].create(
            {
                "partner_id": self.supplier.id,
                "order_line": [
                    Command.create(
                        {
                            "product_id": self.gauze.id,
                            "product_qty": qty,
                            "price_unit": 2.0,
                        }
                    )
                ],
            }
        )
        order.button_confirm()
        return order, order.picking_ids

    def test_receipt_must_be_inspected(self):
        _order, picking = self._order()
        picking.move_ids.quantity = 100
        with self.assertRaises(UserError):
            picking.button_validate()
        picking.action_hospital_inspect()
        picking.button_validate()
        self.assertEqual(picking.state, "done")

    def test_rejected_goods_recorded_with_reason(self):
        _order, picking = self._order()
        move = picking.move_ids
        move.quantity = 90
        move.hospital_qty_rejected = 10
        with self.assertRaises(UserError):
            picking.action_hospital_inspect()
        move.hospital_reject_reason = "Packaging torn, sterility not guaranteed"
        picking.action_hospital_inspect()
        picking.with_context(
            skip_backorder=True, picking_ids_not_to_backorder=picking.ids
        ).button_validate()
        self.assertEqual(self.on_hand(self.gauze, self.warehouse_stock), 590)
        rejected = self.env["stock.move"].search([("hospital_qty_rejected", ">", 0)])
        self.assertIn(move, rejected)

    def test_receipt_cannot_exceed_order(self):
        _order, picking = self._order(50)
        picking.move_ids.quantity = 50
        picking.move_ids.hospital_qty_rejected = 5
        picking.move_ids.hospital_reject_reason = "Wrong size"
        with self.assertRaises(UserError):
            picking.action_hospital_inspect()

    def _ensure_accounting(self):
        """A vendor bill needs a chart of accounts and a purchase journal.
        Installed alone with its tests, the module runs them before Odoo
        loads the generic chart at the end of the installation: load it."""
        Journal = self.env["account.journal"]
        if not Journal.search_count(
            [("type", "=", "purchase"), ("company_id", "=", self.company.id)]
        ):
            self.env["account.chart.template"].try_loading(
                "generic_coa", company=self.company, install_demo=False
            )

    def test_receipt_cannot_exceed_vendor_bill(self):
        self._ensure_accounting()
        self.gauze.purchase_method = "purchase"
        order, picking = self._order(100)
        order.action_create_invoice()
        order.invoice_ids.invoice_line_ids.quantity = 60
        self.assertEqual(order.order_line.qty_invoiced, 60)
        picking.move_ids.quantity = 80
        with self.assertRaises(UserError):
            picking.action_hospital_inspect()
        picking.move_ids.quantity = 60
        picking.action_hospital_inspect()

    def test_stocktake_differences_approved_before_posting(self):
        take = (
            self.env["hospital.stock.stocktake"]
            .with_user(self.keeper)
            .create({"location_id": self.warehouse_stock.id})
        )
        gauze = take.line_ids.filtered(lambda line: line.product_id == self.gauze)
        gauze.counted_qty = 495
        pens = take.line_ids.filtered(lambda line: line.product_id == self.pen)
        pens.writedown_amount = 10
        take.action_counted()
        self.assertEqual(take.deficit_value, 10.0)
        self.assertEqual(take.writedown_value, 10.0)
        with self.assertRaises(ValidationError):
            take.action_post()
        self.assertEqual(self.on_hand(self.gauze, self.warehouse_stock), 500)
        take.request_validation()
        take.invalidate_recordset()
        take.with_user(self.manager).validate_tier()
        take.with_user(self.keeper).action_post()
        self.assertEqual(take.state, "posted")
        self.assertEqual(self.on_hand(self.gauze, self.warehouse_stock), 495)
        # The report goes to finance.
        posted = take.message_ids.filtered(
            lambda m: self.finance.partner_id in m.partner_ids
        )
        self.assertTrue(posted)
        html = self.env["ir.actions.report"]._render_qweb_html(
            "hospital_stock.action_report_stocktake", take.ids
        )[0]
        self.assertIn(take.name.encode(), html)

    def test_stocktake_due_every_quarter(self):
        self.assertTrue(self.warehouse_stock.hospital_is_warehouse_stock)
        self.company.hospital_stocktake_months = 3
        self.warehouse_stock.hospital_last_check_date = "2020-01-01 00:00:00"
        self.assertEqual(
            str(self.warehouse_stock.hospital_check_due_date), "2020-04-01 00:00:00"
        )
        self.assertTrue(self.warehouse_stock.hospital_check_overdue)
