from datetime import timedelta

from odoo import fields
from odoo.tests import HttpCase, new_test_user, tagged

GROUP = "hospital_logistics.hospital_logistics_group_"


@tagged("post_install", "-at_install")
class TestPurchaseUi(HttpCase):
    """Plan → consolidation → tender → award, each step by whom does it: the
    warehouse consolidates, the director approves, the manager (who heads
    purchasing) calls for bids, opens them and awards."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env.company.hospital_tender_amount = 100000
        cls.env.company.hospital_negotiation_min_parties = 2
        cls.env.company.hospital_tender_min_bidders = 4
        warehouse = new_test_user(
            cls.env, login="hp_tour_warehouse", groups=GROUP + "staff"
        )
        leader = new_test_user(
            cls.env, login="hp_tour_leader", groups=GROUP + "leadership"
        )
        manager = new_test_user(
            cls.env, login="hp_tour_manager", groups=GROUP + "manager"
        )
        cls.logins = (warehouse.login, leader.login, manager.login)
        cls.manager = manager
        injector = cls.env["product.product"].create(
            {
                "name": "Tour CT contrast injector",
                "type": "consu",
                "supplier_taxes_id": False,
            }
        )
        cls.injector = injector
        cls.vendors = cls.env["res.partner"].create(
            [{"name": f"Tour Imaging Co. {i}", "is_company": True} for i in range(4)]
        )
        Department = cls.env["hr.department"]
        month = fields.Date.today().replace(day=1)
        cls.budgets = cls.env["hospital.purchase.budget"]
        for name, qty in (("Tour Radiology", 1), ("Tour Emergency", 1)):
            department = Department.create({"name": name})
            # Each department's budget pays its share of the award.
            cls.budgets |= cls.env["hospital.purchase.budget"].create(
                {
                    "department_id": department.id,
                    "year": month.year,
                    "line_ids": [(0, 0, {"name": "Equipment", "amount": 60000})],
                }
            )
            plan = cls.env["purchase.request"].create(
                {
                    "hospital_kind": "plan",
                    "hospital_department_id": department.id,
                    "hospital_month": month,
                    "line_ids": [
                        (
                            0,
                            0,
                            {
                                "product_id": injector.id,
                                "product_qty": qty,
                                "hospital_price_unit": 60000,
                            },
                        )
                    ],
                }
            )
            plan.button_to_approve()
        cls.budgets.with_user(leader).action_approve()

    def test_plan_to_award_tour(self):
        warehouse, leader, manager = self.logins
        self.start_tour(
            "/odoo/hospital-plan-consolidations/new",
            "hospital_purchase_consolidate",
            login=warehouse,
        )
        consolidation = self.env["hospital.purchase.consolidation"].search(
            [("name", "=", "Tour month plans")]
        )
        self.assertEqual(consolidation.line_ids.quantity, 2)
        self.assertEqual(consolidation.line_ids.method, "tender")
        url = f"/odoo/hospital-plan-consolidations/{consolidation.id}"
        self.start_tour(url, "hospital_purchase_approve", login=leader)
        self.assertEqual(consolidation.state, "approved")
        self.assertEqual(set(consolidation.request_ids.mapped("state")), {"approved"})
        self.start_tour(url, "hospital_purchase_call", login=manager)
        tender = consolidation.line_ids.tender_id
        self.assertEqual(tender.state, "open")
        # The bids come in by the opening date (registered by purchasing).
        Order = self.env["purchase.order"].with_user(self.manager)
        for i, vendor in enumerate(self.vendors):
            Order.create(
                {
                    "partner_id": vendor.id,
                    "hospital_tender_id": tender.id,
                    "order_line": [
                        (
                            0,
                            0,
                            {
                                "product_id": self.injector.id,
                                "product_qty": 2,
                                "price_unit": 58000 - 1000 * i,
                            },
                        )
                    ],
                }
            )
        tender.sudo().opening_date = fields.Datetime.now() - timedelta(minutes=1)
        self.start_tour(
            f"/odoo/hospital-tenders/{tender.id}",
            "hospital_purchase_award",
            login=manager,
        )
        self.assertEqual(tender.state, "awarded")
        self.assertEqual(tender.awarded_order_id.partner_id, self.vendors[3])
        self.assertEqual(tender.awarded_order_id.state, "purchase")
        # The award buys for both departments, each charged its injector.
        self.assertEqual(
            tender.awarded_order_id.order_line.hospital_department_id,
            self.budgets.department_id,
        )
        self.assertEqual(self.budgets.mapped("consumed"), [55000.0, 55000.0])
