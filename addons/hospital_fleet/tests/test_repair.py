from odoo.exceptions import UserError, ValidationError
from odoo.tests import new_test_user

from .common import HospitalFleetCase

LEADERSHIP = "hospital_logistics.hospital_logistics_group_leadership"


class TestRepair(HospitalFleetCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.deputy = new_test_user(
            cls.env, login="hf_deputy", groups=LEADERSHIP, name="Deputy Director"
        )
        cls.director = new_test_user(
            cls.env, login="hf_director", groups=LEADERSHIP, name="Director"
        )
        cls.company.write(
            {
                "hospital_fleet_deputy_director_id": cls.deputy.id,
                "hospital_fleet_director_id": cls.director.id,
            }
        )

    def _repair(self, amount, service_type="hospital_fleet.service_type_repair"):
        log = (
            self.env["fleet.vehicle.log.services"]
            .with_user(self.dispatcher)
            .create(
                {
                    "vehicle_id": self.sedan.id,
                    "service_type_id": self.env.ref(service_type).id,
                    "amount": amount,
                    "description": "Brake pads",
                }
            )
        )
        log.request_validation()
        return log

    def test_small_repair_approved_by_the_deputy_director(self):
        log = self._repair(800)
        self.assertEqual(log.review_ids.reviewer_ids, self.deputy)
        with self.assertRaises(ValidationError):
            log.action_hospital_done()
        self.assertEqual(log.state, "new")
        log.with_user(self.deputy).validate_tier()
        log.action_hospital_done()
        self.assertEqual(log.state, "done")

    def test_large_repair_approved_by_the_director(self):
        log = self._repair(1500)
        self.assertEqual(log.review_ids.reviewer_ids, self.director)
        self.assertFalse(log.with_user(self.deputy).can_review)

    def test_limit_read_from_settings(self):
        self.company.hospital_vehicle_repair_deputy_limit = 2000
        log = self._repair(1500)
        self.assertEqual(log.review_ids.reviewer_ids, self.deputy)

    def test_limit_itself_is_the_deputy_s(self):
        log = self._repair(1000)
        self.assertEqual(log.review_ids.reviewer_ids, self.deputy)

    def test_cleaning_needs_no_approval(self):
        log = self._repair(200, "hospital_fleet.service_type_cleaning")
        self.assertFalse(log.review_ids)
        log.action_hospital_done()
        self.assertEqual(log.state, "done")

    def test_state_only_through_buttons(self):
        log = self._repair(800)
        with self.assertRaises(UserError):
            log.with_user(self.manager).write({"state": "done"})
        self.assertEqual(log.state, "new")

    def test_negative_cost_refused(self):
        with self.assertRaises(ValidationError):
            self._repair(-100)

    def test_without_named_approvers_the_leadership_approves(self):
        self.company.write(
            {
                "hospital_fleet_deputy_director_id": False,
                "hospital_fleet_director_id": False,
            }
        )
        log = self._repair(500)
        self.assertIn(self.deputy, log.review_ids.reviewer_ids)
        self.assertIn(self.director, log.review_ids.reviewer_ids)
