from datetime import timedelta

from odoo import fields
from odoo.exceptions import ValidationError

from .common import HospitalMaintenanceCase


class TestInputRefusedWhenTyped(HospitalMaintenanceCase):
    """What a user types is checked on the model, with a message: requests
    of any size were stored, so were handovers logged for tomorrow."""

    def test_request_name_has_a_size(self):
        Request = self.env["maintenance.request"].with_user(self.requester)
        count = Request.sudo().search_count([])
        with self.assertRaises(ValidationError):
            self._request(user=self.requester, name="漏水" * 200)
        self.assertEqual(Request.sudo().search_count([]), count)
        request = self._request(user=self.requester)
        for vals in (
            {"name": "x" * 201},
            {"requester_phone": "8" * 40},
            {"description": "<p>" + "x" * 30000 + "</p>"},
        ):
            with self.subTest(field=next(iter(vals))):
                with self.assertRaises(ValidationError):
                    request.with_user(self.requester).write(vals)
        request.invalidate_recordset()
        self.assertEqual(request.name, "Radiator cold")

    def test_configuration_numbers_have_bounds(self):
        cases = [
            (self.cat_repair, {"response_hours": 24 * 366}),
            (
                self.env["hospital.escalation.level"].create(
                    {"name": "Chief", "level": 91, "recipient": "team_leader"}
                ),
                {"offset_hours": -(10**6)},
            ),
            (
                self.env["hospital.duty.post"].create({"name": "Boiler"}),
                {"shift_hours": -1},
            ),
            (self.room_ward, {"room": "8" * 100}),
        ]
        for record, vals in cases:
            with self.subTest(model=record._name, vals=vals):
                before = record.read(list(vals))
                with self.assertRaises(ValidationError):
                    record.with_user(self.manager).write(vals)
                record.invalidate_recordset()
                self.assertEqual(record.read(list(vals)), before)
        with self.assertRaises(ValidationError):
            self.env["hospital.escalation.level"].create(
                {"name": "Zero", "level": 0, "recipient": "team_leader"}
            )

    def test_handover_and_round_are_not_logged_ahead(self):
        post = self.env["hospital.duty.post"].create({"name": "Boiler"})
        with self.assertRaises(ValidationError):
            self.env["hospital.shift.handover"].with_user(self.technician).create(
                {
                    "post_id": post.id,
                    "outgoing_user_id": self.technician.id,
                    "incoming_user_id": self.other_technician.id,
                    "handover_at": fields.Datetime.now() + timedelta(hours=8),
                }
            )
        with self.assertRaises(ValidationError):
            self.env["hospital.ward.round"].with_user(self.manager).create(
                {"date": fields.Date.today() + timedelta(days=7)}
            )
        self.assertFalse(
            self.env["hospital.shift.handover"].search([("post_id", "=", post.id)])
        )

    def test_rating_comment_has_a_size(self):
        request = self._take_to_done(
            self._request(user=self.requester, category=self.cat_minor)
        )
        with self.assertRaises(ValidationError):
            request.with_user(self.requester).action_confirm_rating(5, "x" * 6000)
        self.assertEqual(request.service_state, "done")
        self.assertFalse(request.rating)
