from datetime import timedelta

from odoo import fields

from .common import HospitalPurchaseCase


class TestTenderDepartments(HospitalPurchaseCase):
    """A tender called on the month's consolidation buys for the departments
    that planned the item: the award is split between them, held to each
    one's plan and charged to each one's budget."""

    def setUp(self):
        super().setUp()
        # The ward plans 300 masks, the ICU 100: ¥120,000 consolidated, a tender.
        ward_plan = self._plan(lines=[(self.masks, 300, 200.0)])
        icu_plan = self._plan(
            department=self.icu,
            lines=[(self.masks, 100, 600.0)],
            user=self.head_nurse_icu,
        )
        self.plans = ward_plan | icu_plan
        self.consolidation = self._approved_month(ward_plan, icu_plan)
        line = self.consolidation.line_ids
        self.assertEqual(line.method, "tender")
        line.with_user(self.manager).action_make_tender()
        self.tender = line.tender_id
        self.assertEqual(self.tender.plan_department_ids, self.ward | self.icu)
        self.tender.sudo()._hospital_transition().write(
            {"opening_date": fields.Datetime.now() + timedelta(days=1)}
        )
        self.tender.with_user(self.manager).action_publish()

    def _bids(self, qty=400, prices=(290, 280, 300, 310)):
        bids = self.env["purchase.order"]
        for vendor, price in zip(self.vendors, prices, strict=False):
            bids |= self._bid(self.tender, vendor, price=price)
            bids[-1:].order_line.with_user(self.buyer).product_qty = qty
        return bids

    def _open(self):
        self.tender.sudo()._hospital_transition().write(
            {"opening_date": fields.Datetime.now() - timedelta(minutes=1)}
        )
        self.tender.with_user(self.manager).action_open_bids()

    def _by_department(self, order):
        return {
            line.hospital_department_id: line.product_qty for line in order.order_line
        }

    def test_award_is_split_and_charged_per_department(self):
        ward_budget = self._budget(200000)
        icu_budget = self._budget(100000, department=self.icu)
        bids = self._bids()
        self._open()
        # From the opening each bid is divided between the plans it serves.
        for bid in bids:
            self.assertEqual(
                self._by_department(bid), {self.ward: 300.0, self.icu: 100.0}
            )
            self.assertEqual(bid.hospital_department_ids, self.ward | self.icu)
        self.assertIn(
            f"{self.masks.display_name} · {self.icu.name}: 100 ",
            bids[0].message_ids[:1].body,
        )
        # Dividing again (the award does) changes nothing.
        bids._hospital_distribute_to_plans()
        self.assertEqual(len(bids.order_line), 8)
        self.assertEqual(
            self.env["purchase.request.allocation"].search_count(
                [("purchase_line_id", "in", bids.order_line.ids)]
            ),
            8,
        )
        winner = bids[1]
        self.assertEqual(winner.amount_untaxed, 400 * 280)
        self.assertEqual(set(winner.order_line.mapped("price_unit")), {280.0})
        self.tender.with_user(self.manager).action_award()
        self.assertEqual(winner.state, "purchase")
        self.assertEqual(ward_budget.line_ids.consumed, 300 * 280)
        self.assertEqual(icu_budget.line_ids.consumed, 100 * 280)
        # The plans are being bought: linked, allocated and in progress (OCA).
        self.assertEqual(set(self.plans.mapped("state")), {"in_progress"})
        self.assertEqual(
            sorted(self.plans.line_ids.mapped("purchased_qty")), [100.0, 300.0]
        )
        allocations = self.env["purchase.request.allocation"].search(
            [("purchase_line_id", "in", winner.order_line.ids)]
        )
        self.assertEqual(allocations.purchase_request_line_id, self.plans.line_ids)
        self.assertEqual(
            sorted(allocations.mapped("requested_product_uom_qty")), [100, 300]
        )
        # The procurement cycle starts from the plans' approval.
        self.assertTrue(winner.hospital_plan_approved_date)

    def test_award_refused_over_a_department_budget(self):
        self._budget(200000)
        self._budget(10000, department=self.icu)
        bids = self._bids()
        self._open()
        with self.assertRefused("exceeds the department budget by 18,000.00"):
            self.tender.with_user(self.manager).action_award()
        self.assertEqual(self.tender.state, "opened")
        # The over-budget request is asked on the proposed winner before the award.
        action = bids[1].with_user(self.buyer).action_hospital_request_overrun()
        self.assertEqual(action["context"]["default_amount"], 18000)
        overrun = (
            self.env["hospital.purchase.overrun"]
            .with_user(self.buyer)
            .with_context(**action["context"])
            .create({"reason": "Monitors for the new ICU beds"})
        )
        self.assertEqual(overrun.department_ids, self.ward | self.icu)
        overrun.action_submit()
        overrun.with_user(self.leader).action_approve()
        self.tender.with_user(self.manager).action_award()
        self.assertEqual(bids[1].state, "purchase")

    def test_award_refused_beyond_the_plans(self):
        self._budget(200000)
        self._budget(100000, department=self.icu)
        bids = self._bids(qty=500, prices=(240, 230, 250, 260))
        self._open()
        self.assertEqual(
            self._by_department(bids[1]), {self.ward: 375.0, self.icu: 125.0}
        )
        with self.assertRefused("beyond the approved plan"):
            self.tender.with_user(self.manager).action_award()

    def test_split_in_proportion_to_the_plans(self):
        bids = self._bids(qty=10)
        self._open()
        self.assertEqual(self._by_department(bids[0]), {self.ward: 7.5, self.icu: 2.5})
        self.assertAlmostEqual(bids[0].amount_untaxed, 10 * 290)

    def test_bid_terms_fixed_from_the_opening(self):
        bids = self._bids()
        # Before the opening a bid is still corrected.
        bids[0].order_line.with_user(self.buyer).price_unit = 285
        self._open()
        line = bids[0].order_line[:1].with_user(self.buyer)
        with self.assertRefused("stay as read out at the opening"):
            line.price_unit = 200
        with self.assertRefused("stay as read out at the opening"):
            line.product_qty = 1
        with self.assertRefused("stay as read out at the opening"):
            line.unlink()
        with self.assertRefused("stay as read out at the opening"):
            self.env["purchase.order.line"].with_user(self.buyer).create(
                {
                    "order_id": bids[0].id,
                    "product_id": self.gloves.id,
                    "product_qty": 1,
                    "price_unit": 1,
                }
            )
        self.assertEqual(set(bids[0].order_line.mapped("price_unit")), {285.0})
