from datetime import date

from psycopg2 import IntegrityError

from odoo.exceptions import UserError
from odoo.tests import freeze_time
from odoo.tools import mute_logger

from .common import BEFORE_LUNCH_CUTOFF, DAY, HospitalMealCase


class TestStay(HospitalMealCase):
    def _admit(self, bed, name="Wang Guiying", number="ZY2026-2001", day=DAY):
        return (
            self.env["hospital.ward.stay"]
            .with_user(self.head_nurse)
            .create(
                {
                    "patient_name": name,
                    "inpatient_number": number,
                    "bed_id": bed.id,
                    "date_admitted": day,
                }
            )
        )

    def test_one_patient_per_bed(self):
        count = self.env["hospital.ward.stay"].search_count([])
        with (
            self.assertRaisesRegex(UserError, "Zhang Jianguo"),
            self.env.cr.savepoint(),
        ):
            self._admit(self.bed_1)
        self.assertEqual(self.env["hospital.ward.stay"].search_count([]), count)
        # An admission planned before a stay that is still open is refused too.
        with (
            self.assertRaisesRegex(UserError, "one patient per bed"),
            self.env.cr.savepoint(),
        ):
            self._admit(self.bed_1, day=date(2026, 11, 1))
        self.assertTrue(self._admit(self.bed_3))

    def test_the_database_refuses_two_patients_on_a_bed(self):
        """Two nurses saving at the same moment both pass the check in
        Python: the exclusion constraint still refuses the second patient."""
        with mute_logger("odoo.sql_db"), self.assertRaises(IntegrityError):
            with self.env.cr.savepoint():
                self.env.cr.execute(
                    "INSERT INTO hospital_ward_stay (patient_name, inpatient_number, "
                    "bed_id, department_id, company_id, date_admitted, state, active) "
                    "VALUES ('Ghost', 'X', %s, %s, %s, %s, 'in', true)",
                    (self.bed_1.id, self.ward.id, self.company.id, DAY),
                )

    @freeze_time(BEFORE_LUNCH_CUTOFF)
    def test_discharge_frees_the_bed_on_the_day(self):
        self.stay_1.with_user(self.head_nurse).action_discharge()
        self.assertEqual(self.stay_1.state, "discharged")
        self.assertEqual(self.stay_1.date_discharged, DAY)
        self.assertFalse(self.bed_1.is_occupied)
        self.assertIn(
            self.bed_1,
            self.env["hospital.ward.bed"].search([("is_occupied", "in", [False])]),
        )
        # The next patient takes the bed on the discharge day.
        stay = self._admit(self.bed_1)
        self.assertEqual(stay.bed_id, self.bed_1)
        with (
            self.assertRaisesRegex(UserError, "is Discharged"),
            self.env.cr.savepoint(),
        ):
            self.stay_1.with_user(self.head_nurse).action_discharge()

    def test_discharge_only_by_its_button(self):
        with self.assertRaisesRegex(UserError, "buttons"), self.env.cr.savepoint():
            self.stay_1.with_user(self.head_nurse).write({"state": "discharged"})
        with self.assertRaisesRegex(UserError, "buttons"), self.env.cr.savepoint():
            self.stay_1.with_user(self.head_nurse).date_discharged = DAY
        self.assertEqual(self.stay_1.state, "in")
        self.assertFalse(self.stay_1.date_discharged)

    def test_discharged_stay_is_frozen(self):
        with freeze_time(BEFORE_LUNCH_CUTOFF):
            self.stay_2.with_user(self.head_nurse).action_discharge()
        with (
            self.assertRaisesRegex(UserError, "no longer change"),
            self.env.cr.savepoint(),
        ):
            self.stay_2.with_user(self.head_nurse).bed_id = self.bed_3

    @freeze_time(BEFORE_LUNCH_CUTOFF)
    def test_discharge_takes_later_meals_off_the_orders(self):
        today = self._order()
        tomorrow = self._order(day=date(2026, 12, 3))
        self.stay_1.with_user(self.head_nurse).action_discharge()
        self.assertEqual(today.line_ids.stay_id, self.stay_1 | self.stay_2)
        self.assertEqual(tomorrow.line_ids.stay_id, self.stay_2)
        self.assertIn("Zhang Jianguo", tomorrow.message_ids[0].body)

    def test_bed_belongs_to_a_ward(self):
        office = self.env["hr.department"].create(
            {"name": "Finance Office", "hospital_kind": "admin"}
        )
        with (
            self.assertRaisesRegex(Exception, "not a clinical ward"),
            self.env.cr.savepoint(),
        ):
            self.env["hospital.ward.bed"].create(
                {"name": "99", "department_id": office.id}
            )
