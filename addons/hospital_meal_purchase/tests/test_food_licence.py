from datetime import date, timedelta

from odoo import fields
from odoo.exceptions import UserError
from odoo.tests import TransactionCase, new_test_user


class TestFoodLicence(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.buyer = new_test_user(
            cls.env,
            login="hm_buyer",
            groups="purchase.group_purchase_user",
            name="Qian Wen",
        )
        cls.manager = new_test_user(
            cls.env,
            login="hm_logistics_manager",
            groups="purchase.group_purchase_user,"
            "hospital_logistics.hospital_logistics_group_manager",
            name="Sun Jie",
        )
        Category = cls.env["product.category"]
        cls.food = Category.create({"name": "Canteen Food", "hospital_canteen": True})
        vegetables = Category.create({"name": "Vegetables", "parent_id": cls.food.id})
        office = Category.create({"name": "Office Supplies"})
        Product = cls.env["product.product"]
        cls.cabbage = Product.create(
            {"name": "Chinese Cabbage", "categ_id": vegetables.id, "type": "consu"}
        )
        cls.paper = Product.create(
            {"name": "A4 Paper", "categ_id": office.id, "type": "consu"}
        )
        cls.vendor = cls.env["res.partner"].create(
            {"name": "Binjiang Fresh Produce Co.", "is_company": True}
        )
        cls.today = fields.Date.today()

    def _order(self, product):
        order = (
            self.env["purchase.order"]
            .with_user(self.buyer)
            .create(
                {
                    "partner_id": self.vendor.id,
                    "order_line": [
                        (
                            0,
                            0,
                            {
                                "product_id": product.id,
                                "product_qty": 50,
                                "price_unit": 2.5,
                            },
                        )
                    ],
                }
            )
        )
        if "hospital_exempt_reason" in order._fields:
            # With hospital_purchase, an order that no plan, tender or works
            # covers is confirmed on the logistics manager's exemption.
            order.hospital_exempt_reason = "Daily fresh food of the canteen"
            order.with_user(self.manager).action_hospital_exempt()
        return order

    def _licence(self, **vals):
        return self.env["hospital.contract.qualification"].create(
            {
                "partner_id": self.vendor.id,
                "kind": "food_licence",
                "number": "JY13301020012345",
                **vals,
            }
        )

    def test_canteen_order_needs_a_food_licence(self):
        order = self._order(self.cabbage)
        self.assertTrue(order.hospital_canteen)
        with self.assertRaisesRegex(UserError, "no food business licence"):
            order.button_confirm()
        self.assertEqual(order.state, "draft")
        # A business licence is not a food business licence.
        self._licence(kind="licence")
        with self.assertRaisesRegex(UserError, "no food business licence"):
            order.button_confirm()
        self._licence(
            date_issue=date(2021, 1, 1), date_expiry=self.today + timedelta(days=400)
        )
        order.button_confirm()
        self.assertEqual(order.state, "purchase")

    def test_expired_licence_is_refused(self):
        self._licence(
            date_issue=date(2020, 1, 1), date_expiry=self.today - timedelta(days=1)
        )
        order = self._order(self.cabbage)
        with self.assertRaisesRegex(UserError, "no food business licence"):
            order.button_confirm()
        self.assertEqual(order.state, "draft")

    def test_licence_not_yet_issued_is_refused(self):
        self._licence(date_issue=self.today + timedelta(days=5))
        with self.assertRaisesRegex(UserError, "no food business licence"):
            self._order(self.cabbage).button_confirm()

    def test_other_purchases_need_no_food_licence(self):
        order = self._order(self.paper)
        self.assertFalse(order.hospital_canteen)
        order.button_confirm()
        self.assertEqual(order.state, "purchase")
