from datetime import date

from odoo.exceptions import UserError, ValidationError
from odoo.tests import Form, freeze_time

from .common import AFTER_LUNCH_CUTOFF, BEFORE_LUNCH_CUTOFF, DAY, HospitalMealCase


@freeze_time(BEFORE_LUNCH_CUTOFF)
class TestOrder(HospitalMealCase):
    def test_new_order_starts_from_the_occupied_beds(self):
        form = Form(self.env["hospital.meal.order"].with_user(self.head_nurse))
        self.assertEqual(form.department_id, self.ward)
        form.date = DAY
        form.meal = "lunch"
        order = form.save()
        self.assertEqual(order.line_ids.stay_id, self.stay_1 | self.stay_2)
        self.assertEqual(order.line_ids.bed_id, self.bed_1 | self.bed_2)
        self.assertEqual(order.line_ids.diet_id, self.diabetic | self.low_salt)
        self.assertEqual(order.total_qty, 2)
        self.assertTrue(order.name.startswith("DC"))

    def test_fill_beds_adds_the_missing_patients(self):
        order = self._order(lines=[(0, 0, {"stay_id": self.stay_1.id})])
        order.with_user(self.head_nurse).action_fill_beds()
        self.assertEqual(order.line_ids.stay_id, self.stay_1 | self.stay_2)

    def test_workflow_through_the_buttons(self):
        order = self._order()
        with self.assertRaisesRegex(UserError, "buttons"), self.env.cr.savepoint():
            order.with_user(self.head_nurse).state = "accepted"
        order.with_user(self.head_nurse).action_submit()
        self.assertEqual(order.state, "submitted")
        self.assertEqual(order.submit_user_id, self.head_nurse)
        with (
            self.assertRaisesRegex(UserError, "Only the canteen"),
            self.env.cr.savepoint(),
        ):
            order.with_user(self.head_nurse).action_accept()
        order.with_user(self.canteen).action_accept()
        with (
            self.assertRaisesRegex(UserError, "no longer change"),
            self.env.cr.savepoint(),
        ):
            order.line_ids[0].with_user(self.canteen).quantity = 2
        order.with_user(self.canteen).action_deliver()
        self.assertEqual(order.state, "delivered")
        self.assertEqual(order.accept_user_id, self.canteen)
        self.assertTrue(order.deliver_date)

    def test_a_submitted_order_changes_diets_not_patients(self):
        order = self._order()
        order.with_user(self.head_nurse).action_submit()
        order.line_ids[0].with_user(self.head_nurse).diet_id = self.normal
        with (
            self.assertRaisesRegex(UserError, "no longer change"),
            self.env.cr.savepoint(),
        ):
            order.line_ids[0].with_user(self.head_nurse).unlink()
        order.with_user(self.head_nurse).action_back_to_draft()
        order.line_ids[0].with_user(self.head_nurse).unlink()
        self.assertEqual(len(order.line_ids), 1)

    def test_no_meal_for_a_discharged_patient(self):
        self.stay_2.with_user(self.head_nurse).action_discharge()
        orders = self.env["hospital.meal.order"].search_count([])
        with (
            self.assertRaisesRegex(ValidationError, "Liu Xiuying was discharged"),
            self.env.cr.savepoint(),
        ):
            self._order(day=date(2026, 12, 3))
        self.assertEqual(self.env["hospital.meal.order"].search_count([]), orders)
        # Today, the discharge day, the patient still has lunch.
        self.assertEqual(len(self._order().line_ids), 2)

    def test_no_meal_before_admission(self):
        stay = self.env["hospital.ward.stay"].create(
            {
                "patient_name": "Zhou Ping",
                "inpatient_number": "ZY2026-1009",
                "bed_id": self.bed_3.id,
                "date_admitted": date(2026, 12, 5),
            }
        )
        with (
            self.assertRaisesRegex(ValidationError, "admitted only on 2026-12-05"),
            self.env.cr.savepoint(),
        ):
            self._order(day=date(2026, 12, 4), lines=[(0, 0, {"stay_id": stay.id})])

    def test_no_meal_for_another_wards_patient(self):
        with (
            self.assertRaisesRegex(ValidationError, "each ward orders"),
            self.env.cr.savepoint(),
        ):
            self._order(lines=[(0, 0, {"stay_id": self.icu_stay.id})])

    def test_quantity_is_positive(self):
        lines = self.env["hospital.meal.order.line"].search_count([])
        for quantity in (0, -1):
            with (
                self.assertRaisesRegex(ValidationError, "at least one portion"),
                self.env.cr.savepoint(),
            ):
                self._order(
                    lines=[(0, 0, {"stay_id": self.stay_1.id, "quantity": quantity})]
                )
        order = self._order()
        with (
            self.assertRaisesRegex(ValidationError, "at least one portion"),
            self.env.cr.savepoint(),
        ):
            order.line_ids[0].with_user(self.head_nurse).quantity = 0
        self.assertEqual(order.line_ids[0].quantity, 1)
        self.assertEqual(
            self.env["hospital.meal.order.line"].search_count([]), lines + 2
        )

    def test_a_bed_is_ordered_once_per_meal(self):
        with (
            self.assertRaisesRegex(ValidationError, "one line per bed"),
            self.env.cr.savepoint(),
        ):
            self._order(
                lines=[
                    (0, 0, {"stay_id": self.stay_1.id}),
                    (0, 0, {"stay_id": self.stay_1.id, "diet_id": self.normal.id}),
                ]
            )
        self._order()
        with (
            self.assertRaisesRegex(ValidationError, "already has the order"),
            self.env.cr.savepoint(),
        ):
            self._order(lines=[])
        # Another meal of the same day is another order.
        self.assertTrue(self._order(meal="dinner"))

    def test_cancelled_order_frees_the_meal(self):
        order = self._order()
        order.with_user(self.head_nurse).action_cancel()
        self.assertEqual(len(self._order().line_ids), 2)

    def test_fasting_patients_are_not_cooked_for(self):
        order = self._order(department=self.icu, user=self.head_nurse_icu)
        self.assertEqual(order.line_ids.diet_id, self.fasting)
        self.assertEqual(order.line_ids.meal_count, 0)
        self.assertEqual(order.total_qty, 0)

    def test_submit_needs_patients(self):
        order = self._order(lines=[])
        with (
            self.assertRaisesRegex(UserError, "orders no meal"),
            self.env.cr.savepoint(),
        ):
            order.with_user(self.head_nurse).action_submit()


class TestCutoff(HospitalMealCase):
    def test_after_the_cutoff_only_the_canteen_changes_the_order(self):
        with freeze_time(BEFORE_LUNCH_CUTOFF):
            order = self._order()
            self.assertFalse(order.is_closed)
        with freeze_time(AFTER_LUNCH_CUTOFF):
            order.invalidate_recordset(["is_closed", "cutoff"])
            self.assertTrue(order.is_closed)
            nurse_order = order.with_user(self.head_nurse)
            with (
                self.assertRaisesRegex(UserError, "closed at 2026-12-02 10:00"),
                self.env.cr.savepoint(),
            ):
                nurse_order.line_ids[0].quantity = 2
            with (
                self.assertRaisesRegex(UserError, "only the canteen"),
                self.env.cr.savepoint(),
            ):
                nurse_order.action_submit()
            with (
                self.assertRaisesRegex(UserError, "only the canteen"),
                self.env.cr.savepoint(),
            ):
                nurse_order.line_ids[0].unlink()
            with (
                self.assertRaisesRegex(UserError, "only the canteen"),
                self.env.cr.savepoint(),
            ):
                self._order(meal="lunch", department=self.icu, user=self.head_nurse_icu)
            # Dinner is still open; the canteen changes the late lunch.
            self.assertTrue(self._order(meal="dinner"))
            order.line_ids[0].with_user(self.canteen).quantity = 2
            order.with_user(self.canteen).action_submit()
            self.assertEqual(order.total_qty, 3)

    def test_breakfast_closes_the_evening_before(self):
        company = self.company
        self.assertEqual(
            str(company._hospital_meal_cutoff("breakfast", DAY)), "2026-12-01 11:00:00"
        )
        self.assertEqual(
            str(company._hospital_meal_cutoff("lunch", DAY)), "2026-12-02 02:00:00"
        )
        company.hospital_meal_cutoff_lunch = 10.5
        self.assertEqual(
            str(company._hospital_meal_cutoff("lunch", DAY)), "2026-12-02 02:30:00"
        )

    def test_cutoff_is_a_time_of_day(self):
        with (
            self.assertRaisesRegex(ValidationError, "before 24:00"),
            self.env.cr.savepoint(),
        ):
            self.company.hospital_meal_cutoff_dinner = 25


@freeze_time(BEFORE_LUNCH_CUTOFF)
class TestKitchen(HospitalMealCase):
    def test_production_sheet_totals_per_diet_and_ward(self):
        ward_order = self._order()
        ward_order.line_ids.filtered(
            lambda line: line.stay_id == self.stay_1
        ).quantity = 2
        icu_order = self._order(department=self.icu, user=self.head_nurse_icu)
        orders = ward_order | icu_order
        report = self.env["report.hospital_meal.report_meal_production"].with_user(
            self.canteen
        )
        with self.assertQueryCount(13):
            values = report._get_report_values(orders.ids)
        (sheet,) = values["sheets"]
        self.assertEqual(sheet["total"], 3)
        self.assertEqual(sheet["cells"][(self.diabetic, self.ward)], 2)
        self.assertEqual(sheet["diet_totals"][self.fasting], 0)
        html = (
            self.env["ir.actions.report"]
            .with_user(self.canteen)
            ._render_qweb_html("hospital_meal.report_meal_production", orders.ids)[0]
            .decode()
        )
        self.assertIn("Kitchen Production Sheet", html)
        self.assertIn("Zhang Jianguo", html)
        self.assertIn(self.diabetic.name, html)

    def test_totals_per_meal_ward_and_diet(self):
        self._order()
        self._order(meal="dinner")
        groups = (
            self.env["hospital.meal.order.line"]
            .with_user(self.canteen)
            ._read_group(
                [("date", "=", DAY)], ["meal", "department_id"], ["meal_count:sum"]
            )
        )
        self.assertEqual(
            sorted(groups), [("dinner", self.ward, 2), ("lunch", self.ward, 2)]
        )
