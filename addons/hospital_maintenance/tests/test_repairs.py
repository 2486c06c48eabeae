from odoo.exceptions import UserError, ValidationError

from .common import HospitalMaintenanceCase


class TestRepairs(HospitalMaintenanceCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.valve = cls.env["product.product"].create(
            {
                "name": "Radiator valve DN20",
                "type": "consu",
                "is_storable": True,
                "standard_price": 45.0,
            }
        )

    def _started(self, category=None, **vals):
        request = self._request(category=category, **vals)
        request.user_id = self.technician
        request.with_user(self.technician).action_dispatch()
        request.with_user(self.technician).action_respond()
        return request

    def test_minor_repair_is_completed_directly(self):
        request = self._started(self.cat_minor)
        self.assertFalse(request.needs_notice)
        request.with_user(self.technician).action_done()
        self.assertEqual(request.service_state, "done")

    def test_non_minor_repair_needs_an_approved_notice(self):
        request = self._started()
        self.assertTrue(request.needs_notice)
        with self.assertRaises(UserError):
            request.with_user(self.technician).action_done()
        with self.assertRaises(UserError):
            request.with_user(self.technician).action_request_notice()
        request.notice_note = "Replace the radiator valve"
        request.with_user(self.technician).action_request_notice()
        self.assertEqual(request.notice_state, "to_approve")
        request.invalidate_recordset()
        self.assertFalse(request.with_user(self.technician).can_review)
        self.assertIn(self.team_leader, request.review_ids.reviewer_ids)
        self.assertIn(self.manager, request.review_ids.reviewer_ids)
        request.with_user(self.team_leader).validate_tier()
        self.assertEqual(request.notice_state, "approved")
        request.with_user(self.technician).action_done()
        self.assertEqual(request.service_state, "done")

    def test_refused_notice_blocks_completion(self):
        request = self._started()
        request.notice_note = "Replace the radiator valve"
        request.with_user(self.technician).action_request_notice()
        request.invalidate_recordset()
        request.with_user(self.team_leader).reject_tier()
        self.assertEqual(request.notice_state, "refused")
        with self.assertRaises(UserError):
            request.with_user(self.technician).action_done()
        self.assertEqual(request.service_state, "in_progress")

    def test_parts_are_costed_and_taken_from_stock(self):
        request = self._started(self.cat_minor)
        request.with_user(self.technician).write(
            {
                "part_ids": [(0, 0, {"product_id": self.valve.id, "quantity": 2})],
                "labour_cost": 80,
            }
        )
        self.assertEqual(request.parts_cost, 90.0)
        self.assertEqual(request.repair_cost, 170.0)
        request.with_user(self.technician).action_done()
        move = request.part_ids.move_id
        self.assertEqual(move.state, "done")
        self.assertEqual(move.product_uom_qty, 2)
        self.assertEqual(move.location_dest_id.usage, "inventory")
        with self.assertRaises(UserError):
            request.part_ids.quantity = 3

    def test_negative_part_quantity_refused(self):
        request = self._started(self.cat_minor)
        with self.assertRaises(ValidationError):
            request.write(
                {"part_ids": [(0, 0, {"product_id": self.valve.id, "quantity": -1})]}
            )
        self.assertFalse(request.part_ids)

    def test_costly_repair_goes_through_tier_validation(self):
        request = self._started(self.cat_minor, labour_cost=1500)
        self.assertFalse(request.is_minor, "above the approval amount")
        with self.assertRaises(UserError):
            request.with_user(self.technician).action_done()
        self.assertEqual(request.service_state, "in_progress")
        request.notice_note = "New pump, 1,500 RMB"
        request.with_user(self.technician).request_validation()
        request.invalidate_recordset()
        self.assertEqual(len(request.review_ids), 2, "the notice and the cost")
        request.with_user(self.team_leader).validate_tier()
        self.assertEqual(request.validation_status, "pending")
        with self.assertRaises(UserError):
            request.with_user(self.technician).action_done()
        request.with_user(self.leader).validate_tier()
        self.assertEqual(request.validation_status, "validated")
        request.with_user(self.technician).action_done()
        self.assertEqual(request.service_state, "done")

    def test_cheap_repair_needs_no_validation(self):
        request = self._started(self.cat_minor, labour_cost=999)
        request.with_user(self.technician).action_done()
        self.assertEqual(request.service_state, "done")

    def test_threshold_follows_settings(self):
        self.company.hospital_repair_approval_amount = 2000
        request = self._started(self.cat_minor, labour_cost=1500)
        request.with_user(self.technician).action_done()
        self.assertEqual(request.service_state, "done")
