from odoo.exceptions import UserError

from .common import HospitalAssetCase


class TestLoss(HospitalAssetCase):
    def test_loss_needs_a_written_cause_and_approval(self):
        loss = (
            self.env["hospital.asset.loss"]
            .with_user(self.head_nurse)
            .create({"equipment_id": self.pump.id})
        )
        self.assertEqual(loss.department_id, self.ward)
        with self.assertRaisesRegex(UserError, "cause"):
            loss.action_submit()
        loss.cause = "Not returned after the patient transfer to another hospital"
        loss.action_submit()
        with self.assertRaisesRegex(UserError, "managing department"):
            loss.action_approve()
        loss.with_user(self.manager).action_approve()
        self.assertEqual(self.pump.hospital_asset_state, "lost")
