from odoo.exceptions import UserError, ValidationError

from .common import HospitalAssetCase


class TestRegister(HospitalAssetCase):
    def test_registered_asset_has_a_numbered_card(self):
        self.assertEqual(self.pump.hospital_asset_state, "in_use")
        self.assertTrue(self.pump.hospital_asset_number.startswith("YL-ZC"))
        self.assertNotEqual(
            self.pump.hospital_asset_number, self.monitor.hospital_asset_number
        )
        self.assertEqual(self.pump.hospital_registered_by_id, self.manager)
        # The service desk's QR label is the asset label.
        self.assertIn(self.pump.qr_token, self.pump.qr_url)

    def test_negative_value_is_refused(self):
        with self.assertRaises(ValidationError):
            self.pump.hospital_asset_value = -1

    def test_registration_needs_a_validated_receipt(self):
        asset = self._asset(
            "Syringe pump", 2000, self.ward, self.room_805, register=False
        )
        draft = self.receipt.copy()
        asset.hospital_receipt_id = draft
        with self.assertRaisesRegex(UserError, "not validated"):
            asset.with_user(self.manager).action_hospital_register()
        asset.hospital_receipt_id = False
        with self.assertRaisesRegex(UserError, "warehouse receipt"):
            asset.with_user(self.manager).action_hospital_register()

    def test_only_the_managing_department_registers(self):
        asset = self._asset(
            "Syringe pump", 2000, self.ward, self.room_805, register=False
        )
        with self.assertRaisesRegex(UserError, "managing department"):
            asset.with_user(self.head_nurse).action_hospital_register()

    def test_registered_twice_is_refused(self):
        with self.assertRaisesRegex(UserError, "already registered"):
            self.pump.with_user(self.manager).action_hospital_register()

    def test_department_changes_only_by_transfer(self):
        with self.assertRaisesRegex(UserError, "transfer"):
            self.pump.with_user(self.manager).write({"department_id": self.icu.id})

    def test_asset_status_changes_only_by_buttons(self):
        with self.assertRaises(UserError):
            self.pump.with_user(self.manager).write(
                {"hospital_asset_state": "scrapped"}
            )

    def test_meeting_threshold_cannot_be_negative(self):
        with self.assertRaises(ValidationError):
            self.company.hospital_asset_scrap_meeting_amount = -1
        with self.assertRaises(ValidationError):
            self.company.hospital_asset_count_department_months = 0
