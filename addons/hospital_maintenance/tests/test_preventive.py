from datetime import timedelta

from odoo import fields
from odoo.exceptions import UserError, ValidationError

from .common import HospitalMaintenanceCase


class TestPreventive(HospitalMaintenanceCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.kind = cls.env.ref("hospital_maintenance.kind_generator_test")
        cls.generator = cls.env["maintenance.equipment"].create(
            {
                "name": "Backup generator 500 kW",
                "hospital_location_id": cls.room_ward.id,
                "maintenance_team_id": cls.team.id,
            }
        )

    def test_plan_generates_request_with_checklist(self):
        plan = self.env["maintenance.plan"].create(
            {
                "equipment_id": self.generator.id,
                "maintenance_kind_id": self.kind.id,
                "interval": 7,
                "interval_step": "day",
                "maintenance_plan_horizon": 1,
                "planning_step": "week",
                "maintenance_team_id": self.team.id,
            }
        )
        plan.button_manual_request_generation()
        request = plan.maintenance_ids[:1]
        self.assertTrue(request)
        self.assertEqual(
            request.checklist_ids.mapped("name"),
            self.kind.checklist_item_ids.mapped("name"),
        )

    def test_generator_plan_follows_the_setting(self):
        self.kind.interval_setting = "hospital_generator_test_days"
        self.company.hospital_generator_test_days = 7
        plan = self.env["maintenance.plan"].create(
            {
                "equipment_id": self.generator.id,
                "maintenance_kind_id": self.kind.id,
                "interval": 3,
                "interval_step": "year",
            }
        )
        self.assertEqual((plan.interval, plan.interval_step), (7, "day"))
        self.company.hospital_generator_test_days = 10
        self.assertEqual(plan.interval, 10)

    def test_checklist_must_be_recorded_before_completion(self):
        request = self._request(
            category=self.cat_minor,
            maintenance_kind_id=self.kind.id,
            maintenance_type="preventive",
        )
        request.user_id = self.technician
        request.action_dispatch()
        request.action_respond()
        with self.assertRaises(UserError):
            request.action_done()
        request.checklist_ids.write({"done": True, "result": "OK"})
        request.action_done()
        self.assertEqual(request.service_state, "done")


class TestHandover(HospitalMaintenanceCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.post = cls.env["hospital.duty.post"].create(
            {"name": "Test boiler room", "team_id": cls.team.id, "shift_hours": 8}
        )

    def _handover(self, **vals):
        return (
            self.env["hospital.shift.handover"]
            .with_user(self.technician)
            .create(
                {
                    "post_id": self.post.id,
                    "outgoing_user_id": self.technician.id,
                    "incoming_user_id": self.other_technician.id,
                    **vals,
                }
            )
        )

    def test_both_operators_sign(self):
        handover = self._handover()
        handover.with_user(self.technician).action_sign()
        self.assertEqual(handover.state, "draft")
        with self.assertRaises(UserError):
            handover.with_user(self.requester).action_sign()
        handover.with_user(self.other_technician).action_sign()
        self.assertEqual(handover.state, "signed")
        self.assertFalse(self.post.handover_missing)

    def test_same_operator_twice_refused(self):
        with self.assertRaises(ValidationError):
            self._handover(incoming_user_id=self.technician.id)

    def test_missing_handover_is_flagged(self):
        self.assertTrue(self.post.handover_missing, "never handed over")
        handover = self._handover(
            handover_at=fields.Datetime.now() - timedelta(hours=9)
        )
        handover.with_user(self.technician).action_sign()
        handover.with_user(self.other_technician).action_sign()
        self.assertTrue(self.post.handover_missing, "older than 8 h + 30 min grace")
        self.assertIn(
            self.post,
            self.env["hospital.duty.post"].search([("handover_missing", "=", True)]),
        )
        self.env["hospital.duty.post"]._cron_flag_missing_handover()
        self.env["hospital.duty.post"]._cron_flag_missing_handover()
        self.assertEqual(len(self.post.activity_ids), 1)
        self.assertEqual(self.post.activity_ids.user_id, self.team_leader)
        self.company.hospital_handover_grace_minutes = 120
        self.post.invalidate_recordset(["handover_missing"])
        self.assertFalse(self.post.handover_missing)

    def test_unsigned_handover_does_not_count(self):
        self._handover()
        self.assertTrue(self.post.handover_missing)

    def test_handover_log_is_kept(self):
        with self.assertRaises(UserError):
            self._handover().unlink()
