from contextlib import contextmanager
from datetime import timedelta

from odoo import fields
from odoo.exceptions import UserError
from odoo.tests import new_test_user

from odoo.addons.hospital_logistics.tests.common import HospitalLogisticsCase

BUYER = "hospital_purchase.hospital_purchase_group_buyer"


class HospitalPurchaseCase(HospitalLogisticsCase):
    """A buyer, two items, a vendor per bid, this month's plans of the ward."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company.write(
            {
                "hospital_tender_amount": 100000,
                "hospital_tender_min_bidders": 4,
                "hospital_negotiation_min_parties": 2,
                "hospital_budget_estimate_amount": 1000,
                "hospital_works_archive_months": 3,
            }
        )
        cls.buyer = new_test_user(
            cls.env, login="hp_buyer", groups=BUYER, name="Sun Li"
        )
        cls.env["hr.employee"].create(
            {
                "name": "Wang Fang",
                "user_id": cls.head_nurse.id,
                "department_id": cls.ward.id,
            }
        )
        cls.env["hr.employee"].create(
            {
                "name": "Zhang Li",
                "user_id": cls.head_nurse_icu.id,
                "department_id": cls.icu.id,
            }
        )
        cls.category = cls.env["product.category"].create({"name": "HP Consumables"})
        # Without the chart's default purchase tax, so that the figures of
        # the tests are the prices; the VAT tests add their tax.
        Product = cls.env["product.product"].with_context(
            default_supplier_taxes_id=False
        )
        cls.gloves = Product.create(
            {"name": "HP Gloves", "type": "consu", "categ_id": cls.category.id}
        )
        cls.masks = Product.create(
            {"name": "HP Masks", "type": "consu", "categ_id": cls.category.id}
        )
        cls.vendors = cls.env["res.partner"].create(
            [{"name": f"HP Vendor {i}", "is_company": True} for i in range(5)]
        )
        cls.this_month = fields.Date.today().replace(day=1)

    @contextmanager
    def assertRefused(self, regex, exception=UserError):
        """``assertRaisesRegex`` that rolls back what the refused call wrote
        (as the RPC caller's transaction would be)."""
        with self.assertRaises(exception) as caught:
            yield
        self.assertRegex(str(caught.exception), regex)

    def _plan(self, department=None, lines=None, kind="plan", user=None, **vals):
        lines = lines or [(self.gloves, 100, 2.0)]
        return (
            self.env["purchase.request"]
            .with_user(user or self.head_nurse)
            .create(
                {
                    "hospital_kind": kind,
                    "hospital_department_id": (department or self.ward).id,
                    "hospital_month": self.this_month,
                    "line_ids": [
                        (
                            0,
                            0,
                            {
                                "product_id": product.id,
                                "product_qty": qty,
                                "hospital_price_unit": price,
                            },
                        )
                        for product, qty, price in lines
                    ],
                    **vals,
                }
            )
        )

    def _approved_month(self, *plans):
        for plan in plans:
            plan.button_to_approve()
        consolidation = (
            self.env["hospital.purchase.consolidation"]
            .with_user(self.technician)
            .create({"name": "Month", "month": self.this_month})
        )
        consolidation.action_consolidate()
        consolidation.action_submit()
        consolidation.with_user(self.leader).action_approve()
        return consolidation

    def _order(self, product=None, qty=10, price=2.0, department=None, **vals):
        return (
            self.env["purchase.order"]
            .with_user(self.buyer)
            .create(
                {
                    "partner_id": self.vendors[0].id,
                    "hospital_department_id": (department or self.ward).id,
                    "order_line": [
                        (
                            0,
                            0,
                            {
                                "product_id": (product or self.gloves).id,
                                "product_qty": qty,
                                "price_unit": price,
                            },
                        )
                    ],
                    **vals,
                }
            )
        )

    def _budget(self, amount, department=None):
        budget = self.env["hospital.purchase.budget"].create(
            {
                "department_id": (department or self.ward).id,
                "year": fields.Date.today().year,
                "line_ids": [(0, 0, {"name": "General", "amount": amount})],
            }
        )
        budget.with_user(self.leader).action_approve()
        return budget

    def _tender(self, method="tender", amount=150000, **vals):
        tender = (
            self.env["hospital.purchase.tender"]
            .with_user(self.buyer)
            .create(
                {
                    "title": "HP CT room renovation",
                    "method": method,
                    "estimated_amount": amount,
                    "opening_date": fields.Datetime.now() + timedelta(days=1),
                    **vals,
                }
            )
        )
        tender.action_publish()
        return tender

    def _bid(self, tender, vendor, price=1000.0, **vals):
        return (
            self.env["purchase.order"]
            .with_user(self.buyer)
            .create(
                {
                    "partner_id": vendor.id,
                    "hospital_tender_id": tender.id,
                    "order_line": [
                        (
                            0,
                            0,
                            {
                                "product_id": self.masks.id,
                                "product_qty": 1,
                                "price_unit": price,
                            },
                        )
                    ],
                    **vals,
                }
            )
        )
