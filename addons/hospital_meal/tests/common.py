from datetime import date

from odoo.tests import new_test_user

from odoo.addons.hospital_logistics.tests.common import HospitalLogisticsCase

CANTEEN = "hospital_meal.hospital_meal_group_canteen"
DAY = date(2026, 12, 2)
# 09:00 and 11:00 in Shanghai: before and after the lunch cut-off (10:00).
BEFORE_LUNCH_CUTOFF = "2026-12-02 01:00:00"
AFTER_LUNCH_CUTOFF = "2026-12-02 03:00:00"


class HospitalMealCase(HospitalLogisticsCase):
    """Two wards with beds and patients, the canteen, the ward nurses."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company.partner_id.tz = "Asia/Shanghai"
        cls.company.write(
            {
                "hospital_meal_cutoff_breakfast": 19.0,
                "hospital_meal_cutoff_lunch": 10.0,
                "hospital_meal_cutoff_dinner": 15.0,
            }
        )
        cls.canteen = new_test_user(
            cls.env, login="hm_canteen", groups=CANTEEN, name="Sun Hong"
        )
        cls.normal = cls.env.ref("hospital_meal.diet_normal")
        cls.diabetic = cls.env.ref("hospital_meal.diet_diabetic")
        cls.low_salt = cls.env.ref("hospital_meal.diet_low_salt")
        cls.fasting = cls.env.ref("hospital_meal.diet_fasting")
        Bed = cls.env["hospital.ward.bed"]
        cls.bed_1, cls.bed_2, cls.bed_3 = Bed.create(
            [
                {"name": f"{n:02d}", "sequence": n, "department_id": cls.ward.id}
                for n in (1, 2, 3)
            ]
        )
        cls.icu_bed = Bed.create({"name": "01", "department_id": cls.icu.id})
        Stay = cls.env["hospital.ward.stay"]
        cls.stay_1 = Stay.create(
            {
                "patient_name": "Zhang Jianguo",
                "inpatient_number": "ZY2026-1001",
                "bed_id": cls.bed_1.id,
                "date_admitted": date(2026, 11, 28),
                "diet_id": cls.diabetic.id,
            }
        )
        cls.stay_2 = Stay.create(
            {
                "patient_name": "Liu Xiuying",
                "inpatient_number": "ZY2026-1002",
                "bed_id": cls.bed_2.id,
                "date_admitted": date(2026, 11, 30),
                "diet_id": cls.low_salt.id,
            }
        )
        cls.icu_stay = Stay.create(
            {
                "patient_name": "Chen Dawei",
                "inpatient_number": "ZY2026-1003",
                "bed_id": cls.icu_bed.id,
                "date_admitted": date(2026, 11, 29),
                "diet_id": cls.fasting.id,
            }
        )

    def _order(self, user=None, department=None, day=DAY, meal="lunch", lines=None):
        department = department or self.ward
        if lines is None:
            lines = [
                (0, 0, {"stay_id": stay.id})
                for stay in (self.stay_1, self.stay_2)
                if department == self.ward
            ] or [(0, 0, {"stay_id": self.icu_stay.id})]
        return (
            self.env["hospital.meal.order"]
            .with_user(user or self.head_nurse)
            .create(
                {
                    "department_id": department.id,
                    "date": day,
                    "meal": meal,
                    "line_ids": lines,
                }
            )
        )
