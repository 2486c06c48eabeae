from dateutil.relativedelta import relativedelta

from odoo.exceptions import AccessError, UserError

from .common import HospitalPurchaseCase


class TestPlan(HospitalPurchaseCase):
    def test_quantity_must_be_positive(self):
        with self.assertRaises(UserError):
            self._plan(lines=[(self.gloves, 0, 1.0)])
        with self.assertRaises(UserError):
            self._plan(lines=[(self.gloves, -3, 1.0)])

    def test_closed_month_refused(self):
        plan = self._plan(hospital_month=self.this_month - relativedelta(months=1))
        with self.assertRaisesRegex(UserError, "closed"):
            plan.button_to_approve()

    def test_month_closed_once_consolidation_approved(self):
        self._approved_month(self._plan())
        late = self._plan(department=self.icu, user=self.head_nurse_icu)
        with self.assertRaisesRegex(UserError, "closed"):
            late.button_to_approve()

    def test_estimated_cost_follows_price(self):
        plan = self._plan(lines=[(self.gloves, 100, 2.5)])
        self.assertEqual(plan.estimated_cost, 250.0)

    def test_submitted_plan_is_frozen(self):
        plan = self._plan()
        plan.button_to_approve()
        with self.assertRaises(UserError):
            plan.line_ids.write({"product_qty": 500})
        with self.assertRaises(UserError):
            plan.write({"state": "approved"})

    def test_plan_approved_only_with_consolidation(self):
        plan = self._plan()
        plan.button_to_approve()
        with self.assertRaisesRegex(UserError, "consolidation"):
            plan.with_user(self.leader).button_approved()

    def test_consolidation_sums_by_item_and_approves_plans(self):
        ward = self._plan(lines=[(self.gloves, 100, 2.0), (self.masks, 50, 1.0)])
        icu = self._plan(
            department=self.icu,
            user=self.head_nurse_icu,
            lines=[(self.gloves, 40, 2.0)],
        )
        consolidation = self._approved_month(ward, icu)
        gloves = consolidation.line_ids.filtered(
            lambda ln: ln.product_id == self.gloves
        )
        self.assertEqual(gloves.quantity, 140)
        self.assertEqual(gloves.amount, 280)
        self.assertEqual(gloves.department_count, 2)
        self.assertEqual(set((ward | icu).mapped("state")), {"approved"})
        self.assertTrue(ward.hospital_approved_date)

    def test_only_leadership_approves_consolidation(self):
        self._plan().button_to_approve()
        consolidation = (
            self.env["hospital.purchase.consolidation"]
            .with_user(self.technician)
            .create({"name": "Month", "month": self.this_month})
        )
        consolidation.action_consolidate()
        consolidation.action_submit()
        with self.assertRaises(UserError):
            consolidation.with_user(self.manager).action_approve()

    def test_urgent_needs_reason_and_own_approval(self):
        urgent = self._plan(kind="urgent")
        with self.assertRaisesRegex(UserError, "urgent"):
            urgent.button_to_approve()
        urgent.hospital_urgent_reason = "Outbreak: gloves run out tomorrow"
        urgent.button_to_approve()
        self.assertTrue(urgent.review_ids)
        with self.assertRaises(UserError):
            urgent.with_user(self.manager).button_approved()
        urgent.with_user(self.leader).button_approved()
        self.assertEqual(urgent.state, "approved")

    def test_no_buying_beyond_plan(self):
        self._budget(100000)
        self._approved_month(self._plan(lines=[(self.gloves, 100, 2.0)]))
        self._order(qty=60).button_confirm()
        second = self._order(qty=60)
        with self.assertRaisesRegex(UserError, "beyond the approved plan"):
            second.button_confirm()
        unplanned = self._order(product=self.masks, qty=1)
        with self.assertRaisesRegex(UserError, "beyond the approved plan"):
            unplanned.button_confirm()

    def test_urgent_request_covers_the_difference(self):
        self._budget(100000)
        self._approved_month(self._plan(lines=[(self.gloves, 100, 2.0)]))
        urgent = self._plan(
            kind="urgent",
            lines=[(self.gloves, 30, 2.0)],
            hospital_urgent_reason="Outbreak",
        )
        urgent.button_to_approve()
        urgent.with_user(self.leader).button_approved()
        order = self._order(qty=130)
        order.button_confirm()
        self.assertEqual(order.state, "purchase")

    def test_department_sees_only_its_plans(self):
        ward_plan = self._plan()
        icu_plan = self._plan(department=self.icu, user=self.head_nurse_icu)
        Request = self.env["purchase.request"].with_user(self.head_nurse)
        self.assertIn(ward_plan, Request.search([]))
        self.assertNotIn(icu_plan, Request.search([]))
        with self.assertRaises(AccessError):
            icu_plan.with_user(self.head_nurse).read(["name"])
        # The warehouse (logistics staff) reads every plan to consolidate them.
        icu_plan.with_user(self.technician).read(["name"])
        with self.assertRaises(AccessError):
            icu_plan.with_user(self.technician).write({"description": "x"})

    def test_consolidation_queries_do_not_grow_with_plans(self):
        for _i in range(6):
            self._plan(
                lines=[(self.gloves, 5, 1.0), (self.masks, 5, 1.0)]
            ).button_to_approve()
        consolidation = self.env["hospital.purchase.consolidation"].create(
            {"name": "Month", "month": self.this_month}
        )
        self.env.invalidate_all()
        with self.assertQueryCount(__system__=35):
            consolidation.action_consolidate()
        self.assertEqual(len(consolidation.line_ids), 2)
