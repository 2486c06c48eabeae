import base64
from datetime import date

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import new_test_user

from odoo.addons.hospital_logistics.tests.common import HospitalLogisticsCase

LAUNDRY = "hospital_laundry.hospital_laundry_group_laundry"
SIGNATURE = base64.b64encode(
    bytes.fromhex(
        "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489"
        "0000000d49444154789c6360000002000001e221bc330000000049454e44ae426082"
    )
)


class TestLaundry(HospitalLogisticsCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.laundry = new_test_user(
            cls.env, login="hl_laundry", groups=LAUNDRY, name="Gao Mei"
        )
        cls.sheet = cls.env.ref("hospital_laundry.item_type_sheet")
        cls.gown = cls.env.ref("hospital_laundry.item_type_patient_gown")

    def _collected(self, department=None, sheets=20, gowns=10):
        round_ = (
            self.env["hospital.laundry.round"]
            .with_user(self.laundry)
            .create(
                {
                    "department_id": (department or self.ward).id,
                    "line_ids": [
                        (
                            0,
                            0,
                            {"item_type_id": self.sheet.id, "collected_qty": sheets},
                        ),
                        (0, 0, {"item_type_id": self.gown.id, "collected_qty": gowns}),
                    ],
                }
            )
        )
        round_.action_collect()
        return round_

    def _count_back(self, round_, sheets, gowns, **gown_vals):
        sheet_line, gown_line = round_.line_ids
        sheet_line.with_user(self.laundry).delivered_qty = sheets
        gown_line.with_user(self.laundry).write({"delivered_qty": gowns, **gown_vals})

    def test_rounds_are_numbered_by_the_suite_not_the_caller(self):
        first, second = self._collected(), self._collected()
        year = str(date.today().year)
        self.assertTrue(first.name.startswith(f"XY{year}"), first.name)
        self.assertNotEqual(first.name, second.name)
        batch = self.env["hospital.laundry.round"].create(
            [{"department_id": self.ward.id} for _i in range(3)]
        )
        self.assertEqual(len(set(batch.mapped("name")) | {second.name}), 4)
        with self.assertRaises(UserError):
            self.env["hospital.laundry.round"].with_user(self.laundry).create(
                {"department_id": self.ward.id, "name": "XY-FORGED"}
            )

    def test_delivery_signed_by_the_ward(self):
        round_ = self._collected()
        self._count_back(round_, 20, 10)
        with self.assertRaisesRegex(UserError, "ward signs"):
            round_.action_deliver()
        with self.assertRaisesRegex(UserError, "cannot sign"):
            round_.with_user(self.head_nurse_icu).ward_signature = SIGNATURE
        round_.with_user(self.head_nurse).ward_signature = SIGNATURE
        self.assertEqual(round_.ward_signature_user_id, self.head_nurse)
        round_.with_user(self.laundry).action_deliver()
        self.assertEqual(round_.state, "delivered")
        self.assertFalse(round_.has_difference)

    def test_difference_is_flagged(self):
        draft = self.env["hospital.laundry.round"].create(
            {
                "department_id": self.ward.id,
                "line_ids": [
                    (0, 0, {"item_type_id": self.sheet.id, "collected_qty": 5})
                ],
            }
        )
        self.assertFalse(draft.has_difference, "nothing is missing before delivery")
        round_ = self._collected()
        self.assertFalse(round_.has_difference, "collected, not yet counted back")
        self._count_back(round_, 19, 10)
        self.assertTrue(round_.has_difference)
        self.assertEqual(round_.line_ids[0].difference, -1)

    def test_more_than_collected_needs_a_reason(self):
        round_ = self._collected()
        with self.assertRaisesRegex(ValidationError, "Give the reason"):
            self._count_back(round_, 20, 12)
        self._count_back(round_, 20, 12, reason="Two gowns of the ICU mixed in")
        self.assertTrue(round_.has_difference)

    def test_damaged_items_are_mended_before_delivery(self):
        round_ = self._collected()
        self._count_back(round_, 20, 10, damaged_qty=2)
        with (
            self.assertRaisesRegex(UserError, "not mended"),
            self.env.cr.savepoint(),
        ):
            round_.with_user(self.head_nurse).ward_signature = SIGNATURE
        self.env.invalidate_all()
        self.assertFalse(round_.ward_signature_user_id)
        round_.line_ids[1].with_user(self.laundry).mended_qty = 2
        round_.with_user(self.head_nurse).ward_signature = SIGNATURE
        round_.with_user(self.laundry).action_deliver()
        with self.assertRaises(ValidationError):
            round_.line_ids[1].with_user(self.laundry).sudo().mended_qty = 3

    def test_collected_counts_are_frozen(self):
        round_ = self._collected()
        with self.assertRaises(UserError):
            round_.line_ids[0].with_user(self.laundry).collected_qty = 25

    def test_wards_see_their_own_laundry(self):
        mine = self._collected()
        theirs = self._collected(department=self.icu)
        Round = self.env["hospital.laundry.round"].with_user(self.head_nurse)
        self.assertEqual(Round.search([("id", "in", (mine | theirs).ids)]), mine)
        with self.assertRaises(AccessError):
            theirs.with_user(self.head_nurse).read(["name"])
        Line = self.env["hospital.laundry.round.line"].with_user(self.head_nurse)
        self.assertEqual(
            Line.search([("round_id", "in", (mine | theirs).ids)]).round_id, mine
        )

    def test_only_the_laundry_collects(self):
        round_ = self.env["hospital.laundry.round"].create(
            {"department_id": self.ward.id}
        )
        with self.assertRaises(UserError):
            round_.with_user(self.head_nurse).action_collect()

    def test_schedule_plans_todays_rounds_in_few_queries(self):
        monday = date(2026, 11, 30)
        Schedule = self.env["hospital.laundry.schedule"]
        Schedule.create({"department_id": self.ward.id, "weekday": "0"})
        Schedule.create({"department_id": self.icu.id, "weekday": "0"})
        Round = self.env["hospital.laundry.round"]
        Round._cron_plan_rounds(monday)
        Round.flush_model()
        self.assertEqual(
            Round.search([("date_collection", "=", monday)]).department_id,
            self.ward | self.icu,
        )
        with self.assertQueryCount(4):
            self.assertFalse(Round._cron_plan_rounds(monday))

    def test_washing_machine_gets_a_monthly_plan(self):
        machine = self.env["maintenance.equipment"].create(
            {"name": "Washer 1", "hospital_laundry_machine": True}
        )
        plan = self.env["maintenance.plan"].search([("equipment_id", "=", machine.id)])
        self.assertEqual((plan.interval, plan.interval_step), (1, "month"))
        machine.write({"hospital_laundry_machine": True})
        self.assertEqual(
            self.env["maintenance.plan"].search_count(
                [("equipment_id", "=", machine.id)]
            ),
            1,
        )
