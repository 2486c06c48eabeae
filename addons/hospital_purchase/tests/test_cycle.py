from datetime import timedelta

from odoo import fields

from .common import HospitalPurchaseCase


class TestProcurementCycle(HospitalPurchaseCase):
    """Plan approval → order → receipt, in days, per department (KPI), per
    item category and vendor (pivot)."""

    def test_cycle_from_plan_approval_to_receipt(self):
        self._budget(100000)
        plan = self._plan(lines=[(self.gloves, 100, 2.0)])
        self._approved_month(plan)
        wizard = (
            self.env["purchase.request.line.make.purchase.order"]
            .with_user(self.buyer)
            .with_context(
                active_model="purchase.request.line", active_ids=plan.line_ids.ids
            )
            .create({"supplier_id": self.vendors[1].id})
        )
        wizard.make_purchase_order()
        order = plan.line_ids.purchase_lines.order_id
        self.assertEqual(order.hospital_department_id, self.ward)
        order.with_user(self.buyer).button_confirm()
        approved = plan.hospital_approved_date
        self.assertEqual(order.hospital_plan_approved_date, approved)
        # Ordered 3 days after the plan's approval, received 7 days later.
        order.sudo().write(
            {
                "date_approve": approved + timedelta(days=3),
                "effective_date": approved + timedelta(days=10),
            }
        )
        self.assertAlmostEqual(order.hospital_order_days, 3.0)
        self.assertAlmostEqual(order.hospital_receipt_days, 7.0)
        self.assertAlmostEqual(order.hospital_cycle_days, 10.0)
        ((category, vendor, days),) = self.env["purchase.order.line"]._read_group(
            [("order_id", "=", order.id)],
            ["hospital_categ_id", "partner_id"],
            ["hospital_cycle_days:avg"],
        )
        self.assertEqual((category, vendor, days), (self.category, self.vendors[1], 10))
        received = fields.Date.to_date(order.effective_date)
        values = self.env["hospital.kpi.source"]._hospital_kpi_procurement_cycle(
            received, received + timedelta(days=1), self.company
        )
        self.assertEqual(values[self.ward.id], (10.0, 1))
