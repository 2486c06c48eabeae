from datetime import timedelta

import psycopg2
from dateutil.relativedelta import relativedelta

from odoo.exceptions import AccessError, UserError, ValidationError

from .common import HospitalQualificationCase


class TestLicence(HospitalQualificationCase):
    def test_expiry_from_the_cycle_and_editable(self):
        self.assertEqual(
            self.licence_valid.expiry_date,
            self.licence_valid.issue_date + relativedelta(months=36),
        )
        self.licence_valid.expiry_date = self.today + timedelta(days=200)
        self.assertEqual(
            self.licence_valid.expiry_date, self.today + timedelta(days=200)
        )

    def test_cycle_is_a_setting_of_the_type(self):
        driver = self.env.ref("hospital_qualification.hospital_licence_type_driver")
        boiler = self.env.ref("hospital_qualification.hospital_licence_type_boiler")
        self.assertEqual(driver.cycle_months, 12)
        self.assertEqual(boiler.cycle_months, 48)
        with self.assertRaises(psycopg2.Error), self.cr.savepoint():
            self.type_welder.cycle_months = 0
            self.type_welder.flush_recordset()

    def test_expiry_before_issue_is_refused(self):
        with self.assertRaisesRegex(ValidationError, "before it was issued"):
            self.env["hospital.licence"].create(
                {
                    "name": "BAD",
                    "employee_id": self.emp_technician.id,
                    "licence_type_id": self.type_welder.id,
                    "issue_date": self.today,
                    "expiry_date": self.today - timedelta(days=1),
                }
            )

    def test_states(self):
        self.assertEqual(self.licence_valid.state, "valid")
        self.assertEqual(self.licence_expired.state, "expired")
        self.licence_valid.expiry_date = self.today + timedelta(days=10)
        self.assertEqual(self.licence_valid.state, "expiring")

    def test_state_is_not_written_directly(self):
        with self.assertRaises(UserError):
            self.licence_expired.with_user(self.manager).write({"state": "valid"})

    def test_mirror_certification_in_hr_skills(self):
        skill = self.licence_valid.employee_skill_id
        self.assertTrue(skill.is_certification)
        self.assertEqual(skill.employee_id, self.emp_technician)
        self.assertEqual(skill.skill_id, self.type_electrician.skill_id)
        self.assertEqual(skill.valid_to, self.licence_valid.expiry_date)
        self.licence_valid.expiry_date = self.today + timedelta(days=300)
        self.assertEqual(skill.valid_to, self.today + timedelta(days=300))

    def test_contractor_holds_licences(self):
        self.assertFalse(
            self.emp_contractor._hospital_licence_problems(self.type_welder)
        )
        self.assertTrue(self.emp_contractor._hospital_check_licensed(self.type_welder))

    def test_check_names_person_licence_and_expiry(self):
        with self.assertRaises(UserError) as caught:
            self.emp_other._hospital_check_licensed(self.type_electrician)
        message = str(caught.exception)
        self.assertIn("Sun Tao", message)
        self.assertIn("HQ Electrician", message)
        self.assertIn(str(self.licence_expired.expiry_date), message)

    def test_check_on_a_date_and_missing_licence(self):
        past = self.licence_expired.expiry_date - timedelta(days=1)
        self.assertFalse(
            self.emp_other._hospital_licence_problems(
                self.type_electrician, on_date=past
            )
        )
        problems = self.emp_leader._hospital_licence_problems(self.type_electrician)
        self.assertFalse(problems[self.emp_leader.id][0]["expiry_date"])

    def test_archived_licence_does_not_count(self):
        self.licence_valid.action_archive()
        self.assertTrue(
            self.emp_technician._hospital_licence_problems(self.type_electrician)
        )

    def test_batch_check_constant_queries(self):
        employees = self.emp_technician | self.emp_other | self.emp_contractor
        types = self.type_electrician | self.type_welder
        employees.invalidate_recordset()
        types.invalidate_recordset()
        with self.assertQueryCount(3):
            problems = employees._hospital_licence_problems(types)
        self.assertEqual(
            set(problems),
            {self.emp_technician.id, self.emp_other.id, self.emp_contractor.id},
        )

    def test_only_managers_delete(self):
        with self.assertRaises(AccessError):
            self.licence_valid.with_user(self.technician).unlink()
        skill = self.licence_valid.employee_skill_id
        self.licence_valid.with_user(self.manager).unlink()
        self.assertFalse(skill.exists())

    def test_reminders_in_the_readers_language_once(self):
        self.env["res.lang"]._activate_lang("zh_CN")
        self.technician.lang = "zh_CN"
        self.licence_valid.expiry_date = self.today + timedelta(days=5)
        Activity = self.env["mail.activity"]
        activity_type = self.env.ref(
            "hospital_qualification.mail_act_hospital_licence_expiry"
        )
        self.env["hospital.licence"]._cron_hospital_refresh_states()
        activities = Activity.search(
            [
                ("res_model", "=", "hospital.licence"),
                ("activity_type_id", "=", activity_type.id),
            ]
        )
        self.assertIn(self.licence_valid.id, activities.mapped("res_id"))
        self.assertIn(self.licence_expired.id, activities.mapped("res_id"))
        mine = activities.filtered(lambda a: a.res_id == self.licence_valid.id)
        self.assertEqual(mine.user_id, self.technician)
        self.env["hospital.licence"]._cron_hospital_refresh_states()
        self.assertEqual(
            Activity.search_count(
                [
                    ("res_model", "=", "hospital.licence"),
                    ("activity_type_id", "=", activity_type.id),
                ]
            ),
            len(activities),
        )

    def test_cron_refreshes_state_when_the_date_passes(self):
        licence = self.licence_contractor
        self.env.cr.execute(
            "UPDATE hospital_licence SET expiry_date = %s WHERE id = %s",
            (self.today - timedelta(days=1), licence.id),
        )
        licence.invalidate_recordset()
        self.assertEqual(licence.state, "valid")
        self.env["hospital.licence"]._cron_hospital_refresh_states()
        licence.invalidate_recordset()
        self.assertEqual(licence.state, "expired")
