from odoo.exceptions import AccessError, UserError
from odoo.tests import freeze_time

from .common import BEFORE_LUNCH_CUTOFF, DAY, HospitalMealCase


@freeze_time(BEFORE_LUNCH_CUTOFF)
class TestAccess(HospitalMealCase):
    def test_a_ward_sees_only_its_own_orders(self):
        order = self._order()
        icu_order = self._order(department=self.icu, user=self.head_nurse_icu)
        Order = self.env["hospital.meal.order"]
        self.assertEqual(Order.with_user(self.head_nurse).search([]), order)
        self.assertEqual(Order.with_user(self.head_nurse_icu).search([]), icu_order)
        self.assertEqual(Order.with_user(self.requester).search([]), order)
        with self.assertRaises(AccessError):
            order.with_user(self.head_nurse_icu).read(["name"])
        with self.assertRaises(AccessError):
            order.line_ids[0].with_user(self.head_nurse_icu).read(["quantity"])
        with self.assertRaises(AccessError):
            order.with_user(self.head_nurse_icu).action_submit()
        self.assertEqual(order.state, "draft")
        self.assertEqual(Order.with_user(self.canteen).search([]), order | icu_order)
        self.assertEqual(Order.with_user(self.manager).search([]), order | icu_order)

    def test_another_ward_cannot_order_for_the_ward(self):
        with self.assertRaises(AccessError):
            self._order(user=self.head_nurse_icu)
        with self.assertRaises(AccessError):
            self.env["hospital.ward.stay"].with_user(self.head_nurse_icu).create(
                {
                    "patient_name": "Intruder",
                    "inpatient_number": "X1",
                    "bed_id": self.bed_3.id,
                    "date_admitted": DAY,
                }
            )
        with self.assertRaises(AccessError):
            self.stay_1.with_user(self.head_nurse_icu).action_discharge()
        self.assertEqual(self.stay_1.state, "in")

    def test_a_ward_sees_only_its_own_patients_and_beds(self):
        Stay = self.env["hospital.ward.stay"]
        self.assertEqual(Stay.with_user(self.head_nurse_icu).search([]), self.icu_stay)
        self.assertEqual(
            self.env["hospital.ward.bed"].with_user(self.head_nurse_icu).search([]),
            self.icu_bed,
        )
        self.assertEqual(len(Stay.with_user(self.canteen).search([])), 3)

    def test_the_ward_does_not_accept_its_own_order(self):
        order = self._order()
        order.with_user(self.head_nurse).action_submit()
        with (
            self.assertRaisesRegex(UserError, "Only the canteen"),
            self.env.cr.savepoint(),
        ):
            order.with_user(self.head_nurse).action_deliver()
        order.with_user(self.canteen).action_accept()
        with (
            self.assertRaisesRegex(UserError, "Only the canteen"),
            self.env.cr.savepoint(),
        ):
            order.with_user(self.head_nurse).action_cancel()
        self.assertEqual(order.state, "accepted")

    def test_the_wards_do_not_keep_diets_nor_the_roster(self):
        with self.assertRaises(AccessError):
            self.normal.with_user(self.head_nurse).name = "Mine"
        with self.assertRaises(AccessError):
            self.env["hospital.meal.shift"].with_user(self.head_nurse).create(
                {"date": DAY, "shift": "day"}
            )
        with self.assertRaises(AccessError):
            self.env["hospital.meal.shift"].with_user(self.head_nurse).search([])
        self.env["hospital.meal.shift"].with_user(self.canteen).create(
            {"date": DAY, "shift": "day"}
        )
