from odoo.exceptions import UserError, ValidationError

from .common import HospitalAssetCase


class TestTransfer(HospitalAssetCase):
    def _transfer(self, user=None, **vals):
        return (
            self.env["hospital.asset.transfer"]
            .with_user(user or self.head_nurse)
            .create(
                {
                    "from_department_id": self.ward.id,
                    "to_department_id": self.icu.id,
                    "equipment_ids": [(6, 0, self.pump.ids)],
                    "to_location_id": self.room_icu.id,
                    "reason": "ICU needs a second pump",
                    **vals,
                }
            )
        )

    def test_same_department_is_refused(self):
        with self.assertRaisesRegex(ValidationError, "cannot transfer to itself"):
            self._transfer(to_department_id=self.ward.id)

    def test_transfer_through_the_managing_department(self):
        transfer = self._transfer()
        transfer.action_submit()
        with self.assertRaisesRegex(UserError, "managing department"):
            transfer.action_approve()
        transfer.with_user(self.manager).action_approve()
        # Each department acknowledges for itself only.
        with self.assertRaisesRegex(UserError, "Only a member"):
            transfer.with_user(self.head_nurse).action_acknowledge_receipt()
        transfer.with_user(self.head_nurse).action_acknowledge_release()
        self.assertEqual(self.pump.department_id, self.ward)
        transfer.with_user(self.head_nurse_icu).action_acknowledge_receipt()
        self.assertEqual(transfer.state, "done")
        self.assertEqual(self.pump.department_id, self.icu)
        self.assertEqual(self.pump.hospital_location_id, self.room_icu)
        self.assertIn(transfer, self.pump.hospital_transfer_ids)

    def test_asset_of_another_department_is_refused(self):
        transfer = self._transfer(
            user=self.manager, equipment_ids=[(6, 0, self.ventilator.ids)]
        )
        with self.assertRaisesRegex(UserError, "not of the releasing"):
            transfer.action_submit()

    def test_state_moves_only_by_buttons(self):
        transfer = self._transfer()
        with self.assertRaises(UserError):
            transfer.write({"state": "done"})
