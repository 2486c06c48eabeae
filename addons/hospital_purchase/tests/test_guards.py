from datetime import timedelta

from odoo import fields
from odoo.exceptions import UserError

from .common import HospitalPurchaseCase


class TestGuards(HospitalPurchaseCase):
    """What the confirmation checks read cannot be changed around them by a
    buyer over RPC, and every order has a basis."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        plan = cls._plan(cls, lines=[(cls.gloves, 1000, 2.0), (cls.masks, 50, 1.0)])
        cls._approved_month(cls, plan)
        cls.budget = cls._budget(cls, 1000)

    # ------------------------------------------------------- order fields
    def test_department_frozen_once_confirmed(self):
        order = self._order(qty=10)
        order.button_confirm()
        with self.assertRefused("no longer change"):
            order.with_user(self.buyer).write({"hospital_department_id": self.icu.id})
        with self.assertRefused("no longer change"):
            order.with_user(self.buyer).write({"hospital_department_id": False})
        # Nor is the consumption moved to another year's budget or currency.
        with self.assertRefused("no longer change"):
            order.with_user(self.buyer).write(
                {"date_order": fields.Datetime.now() + timedelta(days=400)}
            )
        with self.assertRefused("no longer change"):
            order.with_user(self.buyer).write(
                {"currency_id": self.env.ref("base.EUR").id}
            )
        self.assertEqual(order.hospital_department_id, self.ward)
        self.assertEqual(order.order_line.hospital_budget_line_id, self.budget.line_ids)

    def test_line_department_and_budget_line_not_set_by_hand(self):
        icu_budget = self._budget(1000000, department=self.icu)
        order = self._order(qty=10)
        line = order.order_line.with_user(self.buyer)
        with self.assertRefused("follow from its plan"):
            line.write({"hospital_budget_line_id": icu_budget.line_ids.id})
        with self.assertRefused("follow from its plan"):
            line.write({"hospital_department_id": self.icu.id})
        with self.assertRefused("follow from its plan"):
            self.env["purchase.order.line"].with_user(self.buyer).create(
                {
                    "order_id": order.id,
                    "product_id": self.gloves.id,
                    "product_qty": 1,
                    "hospital_budget_line_id": icu_budget.line_ids.id,
                }
            )
        self.assertEqual(line.hospital_budget_line_id, self.budget.line_ids)

    def test_confirmed_order_growing_is_checked_again(self):
        order = self._order(qty=100, price=2.0)
        order.button_confirm()
        self.assertEqual(self.budget.line_ids.consumed, 200)
        line = order.order_line.with_user(self.buyer)
        with self.assertRefused("exceeds the department budget"):
            line.write({"price_unit": 20.0})
        with self.assertRefused("beyond the approved plan"):
            line.write({"product_qty": 1001})
        line.write({"product_qty": 120})
        self.assertEqual(self.budget.line_ids.consumed, 240)

    # ------------------------------------------------------------- bids
    def test_bid_validity_only_through_buttons(self):
        tender = self._tender(method="negotiation")
        good = self._bid(tender, self.vendors[0])
        bad = self._bid(tender, self.vendors[1])
        self._bid(tender, self.vendors[2])
        bad = bad.with_user(self.buyer)
        with self.assertRefused("only through their buttons"):
            bad.write({"hospital_bid_valid": False})
        with self.assertRefused("say why"):
            bad.action_hospital_invalidate_bid()
        bad.hospital_bid_invalid_reason = "No business licence enclosed"
        bad.action_hospital_invalidate_bid()
        self.assertFalse(bad.hospital_bid_valid)
        with self.assertRefused("only through their buttons"):
            bad.write({"hospital_bid_valid": True})
        tender.sudo()._hospital_transition().write(
            {"opening_date": fields.Datetime.now() - timedelta(minutes=1)}
        )
        tender.action_open_bids()
        with self.assertRefused("receives bids"):
            good.with_user(self.buyer).write(
                {"hospital_bid_date": fields.Datetime.now() - timedelta(days=3)}
            )
        with self.assertRefused("stays the bid"):
            good.with_user(self.buyer).write({"hospital_tender_id": False})
        self.assertEqual(tender.valid_bid_count, 2)
        tender.with_user(self.manager).action_award()
        with self.assertRefused("decided"):
            bad.write({"hospital_bid_invalid_reason": "x"})
        with self.assertRaises(UserError):
            bad.action_hospital_reinstate_bid()

    # ------------------------------------------------------------ basis
    def test_order_needs_a_basis_or_an_exemption(self):
        order = (
            self.env["purchase.order"]
            .with_user(self.buyer)
            .create(
                {
                    "partner_id": self.vendors[0].id,
                    "order_line": [
                        (
                            0,
                            0,
                            {
                                "product_id": self.masks.id,
                                "product_qty": 5,
                                "price_unit": 3.0,
                            },
                        )
                    ],
                }
            )
        )
        with self.assertRefused("has no basis"):
            order.button_confirm()
        with self.assertRefused("only through their buttons"):
            order.write({"hospital_exempt_by_id": self.manager.id})
        with self.assertRefused("only through its button"):
            self.env["purchase.order"].with_user(self.buyer).create(
                {
                    "partner_id": self.vendors[0].id,
                    "hospital_exempt_by_id": self.manager.id,
                }
            )
        with self.assertRefused("Only the logistics manager"):
            order.action_hospital_exempt()
        with self.assertRefused("reason"):
            order.with_user(self.manager).action_hospital_exempt()
        order.hospital_exempt_reason = "Central warehouse replenishment of masks"
        order.with_user(self.manager).action_hospital_exempt()
        self.assertEqual(order.hospital_exempt_by_id, self.manager)
        with self.assertRefused("exempted"):
            order.write({"hospital_exempt_reason": "something else"})
        order.button_confirm()
        self.assertEqual(order.state, "purchase")

    def test_exempt_order_still_needs_tender_above_threshold(self):
        order = (
            self.env["purchase.order"]
            .with_user(self.buyer)
            .create(
                {
                    "partner_id": self.vendors[0].id,
                    "hospital_exempt_reason": "Warehouse stock",
                    "order_line": [
                        (
                            0,
                            0,
                            {
                                "product_id": self.masks.id,
                                "product_qty": 100,
                                "price_unit": 1000.0,
                            },
                        )
                    ],
                }
            )
        )
        order.with_user(self.manager).action_hospital_exempt()
        with self.assertRefused("tender or a negotiation"):
            order.button_confirm()

    def test_line_of_a_department_needs_its_plan_even_on_an_undepartmented_order(
        self,
    ):
        """A line without department on an order for a department's other
        lines is not covered: the order has no basis for it."""
        order = self._order(qty=10)
        order.sudo().order_line.hospital_department_id = False
        with self.assertRefused("has no basis"):
            order.with_user(self.buyer).button_confirm()

    def test_no_splitting_under_the_tender_threshold(self):
        self._budget(1000000, department=self.icu)
        urgent = self._plan(
            department=self.icu,
            user=self.head_nurse_icu,
            kind="urgent",
            lines=[(self.masks, 2000, 100.0)],
            hospital_urgent_reason="Respiratory outbreak in the ICU",
        )
        urgent.button_to_approve()
        urgent.with_user(self.leader).button_approved()
        first = self._order(product=self.masks, qty=600, price=100, department=self.icu)
        first.button_confirm()
        second = self._order(
            product=self.masks, qty=400, price=100, department=self.icu
        )
        with self.assertRefused("not split into orders"):
            second.button_confirm()
        self.assertEqual(second.state, "draft")
        # Below the threshold together, both go.
        second.order_line.product_qty = 300
        second.button_confirm()
        self.assertEqual(second.state, "purchase")

    # ------------------------------------------------- currency and units
    def _eur(self, rate):
        eur = self.env.ref("base.EUR")
        eur.active = True
        self.env["res.currency.rate"].search([("currency_id", "=", eur.id)]).unlink()
        self.env["res.currency.rate"].create(
            {
                "currency_id": eur.id,
                "rate": rate,
                "name": fields.Date.today() - timedelta(days=1),
                "company_id": self.company.id,
            }
        )
        return eur

    def test_foreign_currency_converted_for_budget_and_threshold(self):
        eur = self._eur(0.5)  # one euro is two units of the company currency
        order = self._order(qty=100, price=2.0, currency_id=eur.id)
        self.assertEqual(order.order_line.hospital_budget_amount, 400)
        with self.assertRefused("exceeds the department budget by 200.00"):
            self._order(qty=300, price=2.0, currency_id=eur.id).button_confirm()
        order.button_confirm()
        self.assertEqual(self.budget.line_ids.consumed, 400)
        big = self._order(qty=1000, price=60.0, currency_id=eur.id)
        # 60,000 EUR is 120,000 in the company currency: above the threshold.
        with self.assertRefused("120,000.00"):
            big.button_confirm()

    def test_quantities_compared_in_product_unit(self):
        dozen = self.env["uom.uom"].create(
            {
                "name": "HP Dozen",
                "relative_factor": 12,
                "relative_uom_id": self.gloves.uom_id.id,
            }
        )
        order = self._order(qty=84)
        order.order_line.product_uom_id = dozen  # 84 dozen = 1,008 units
        with self.assertRefused("beyond the approved plan"):
            order.button_confirm()
        order.order_line.product_qty = 10  # 120 units
        order.order_line.price_unit = 24.0
        order.button_confirm()
        self.assertEqual(order.state, "purchase")
