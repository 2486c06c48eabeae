from odoo.exceptions import UserError

from .common import HospitalMaintenanceCase


class TestWardRounds(HospitalMaintenanceCase):
    def _round(self):
        return (
            self.env["hospital.ward.round"]
            .with_user(self.manager)
            .create(
                {
                    "item_ids": [
                        (
                            0,
                            0,
                            {
                                "department_id": self.ward.id,
                                "feedback": "Corridor light flickers",
                                "location_id": self.room_ward.id,
                                "service_category_id": self.cat_minor.id,
                            },
                        ),
                        (
                            0,
                            0,
                            {
                                "department_id": self.ward.id,
                                "feedback": "Lift too slow at visiting hours",
                            },
                        ),
                    ]
                }
            )
        )

    def test_each_item_is_a_request_or_an_answer(self):
        round_ = self._round()
        with self.assertRaises(UserError):
            round_.action_done()
        light, lift = round_.item_ids
        light.action_create_request()
        self.assertEqual(light.request_id.channel, "rounds")
        self.assertEqual(light.request_id.department_id, self.ward)
        self.assertEqual(light.request_id.requester_id, self.head_nurse)
        with self.assertRaises(UserError):
            round_.action_done()
        lift.answer = "Peak-hour operator assigned from next Monday."
        round_.action_done()
        self.assertEqual(round_.state, "done")

    def test_head_nurse_reads_her_wards_items(self):
        round_ = self._round()
        items = (
            self.env["hospital.ward.round.item"]
            .with_user(self.head_nurse)
            .search([("round_id", "=", round_.id)])
        )
        self.assertEqual(len(items), 2)
        self.assertFalse(
            self.env["hospital.ward.round.item"]
            .with_user(self.head_nurse_icu)
            .search([("round_id", "=", round_.id)])
        )
