from odoo.exceptions import UserError

from .common import HospitalPurchaseCase


class TestBudget(HospitalPurchaseCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        plan = cls._plan(cls, lines=[(cls.gloves, 1000, 2.0)])
        cls._approved_month(cls, plan)

    def test_confirmed_order_consumes_budget(self):
        budget = self._budget(1000)
        self._order(qty=100, price=2.0).button_confirm()
        self.assertEqual(budget.line_ids.consumed, 200)
        self.assertEqual(budget.remaining, 800)
        draft = self._order(qty=10, price=2.0)
        self.assertEqual(budget.line_ids.consumed, 200, draft.name)

    def test_consumption_lists_the_confirmed_lines(self):
        budget = self._budget(1000)
        confirmed = self._order(qty=100, price=2.0)
        confirmed.button_confirm()
        self._order(qty=10, price=2.0)  # a draft consumes nothing
        action = budget.with_user(self.finance).action_view_consumption()
        lines = (
            self.env[action["res_model"]]
            .with_user(self.finance)
            .search(action["domain"])
        )
        self.assertEqual(lines, confirmed.order_line)
        self.assertEqual(sum(lines.mapped("hospital_budget_amount")), 200)

    def _vat(self, order):
        vat = self.env["account.tax"].create(
            {"name": "HP VAT 13%", "amount": 13, "type_tax_use": "purchase"}
        )
        order.order_line.tax_ids = vat
        return order

    def test_budget_consumption_includes_vat(self):
        """A public hospital deducts no input VAT: the budget pays the taxes."""
        budget = self._budget(1000)
        order = self._vat(self._order(qty=100, price=2.0))
        self.assertAlmostEqual(order.order_line.hospital_budget_amount, 226)
        order.button_confirm()
        self.assertAlmostEqual(budget.line_ids.consumed, 226)
        # A hospital deducting input VAT unticks the setting: taxes excluded.
        self.company.hospital_purchase_tax_included = False
        self.assertAlmostEqual(order.order_line.hospital_budget_amount, 200)
        budget.line_ids.invalidate_recordset(["consumed"])
        self.assertAlmostEqual(budget.line_ids.consumed, 200)

    def test_over_budget_counts_vat(self):
        self._budget(210)
        order = self._vat(self._order(qty=100, price=2.0))
        with self.assertRaisesRegex(
            UserError, "exceeds the department budget by 16.00"
        ):
            order.button_confirm()

    def test_over_budget_needs_approval(self):
        self._budget(100)
        order = self._order(qty=100, price=2.0)
        with self.assertRaisesRegex(
            UserError, "exceeds the department budget by 100.00"
        ):
            order.button_confirm()
        overrun = (
            self.env["hospital.purchase.overrun"]
            .with_user(self.buyer)
            .create(
                {
                    "order_id": order.id,
                    "amount": order._hospital_budget_overrun(),
                    "reason": "Outbreak",
                }
            )
        )
        overrun.action_submit()
        with self.assertRaises(UserError):
            order.button_confirm()
        with self.assertRaises(UserError):
            overrun.with_user(self.manager).action_approve()
        overrun.with_user(self.leader).action_approve()
        order.button_confirm()
        self.assertEqual(order.state, "purchase")

    def test_no_budget_is_outside_budget(self):
        order = self._order(qty=10, price=2.0)
        with self.assertRaisesRegex(UserError, "exceeds the department budget"):
            order.button_confirm()

    def test_department_reads_own_budget_only(self):
        ward = self._budget(100)
        icu = self._budget(100, department=self.icu)
        Budget = self.env["hospital.purchase.budget"].with_user(self.head_nurse)
        self.assertEqual(Budget.search([("id", "in", (ward | icu).ids)]), ward)

    def test_budget_check_queries_do_not_grow_with_orders(self):
        self._budget(100000)
        orders = self.env["purchase.order"]
        for _i in range(5):
            orders |= self._order(qty=2, price=2.0)
        self.env.invalidate_all()
        with self.assertQueryCount(__system__=12):
            orders._hospital_check_plan()
            orders._hospital_check_budget()
