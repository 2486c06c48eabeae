from odoo.exceptions import UserError, ValidationError

from .common import HospitalStockCase


class TestCustody(HospitalStockCase):
    def test_ward_gets_its_own_location(self):
        self.assertTrue(self.ward_location)
        self.assertEqual(self.ward_location.hospital_department_id, self.ward)
        self.assertEqual(self.ward_location.usage, "internal")
        self.assertNotEqual(self.ward_location, self.icu_location)

    def test_custody_visible_on_location_quant_and_product(self):
        self.ward.keeper_id = self.requester
        self.assertEqual(self.ward_location.hospital_custodian_id, self.head_nurse)
        self.assertEqual(self.ward_location.hospital_keeper_id, self.requester)
        quant = self.env["stock.quant"].search(
            [
                ("location_id", "=", self.ward_location.id),
                ("product_id", "=", self.gauze.id),
            ]
        )
        self.assertEqual(quant.hospital_custodian_id, self.head_nurse)
        self.assertEqual(self.gauze.product_tmpl_id.hospital_ward_quantity, 55)

    def test_sterile_items_need_lot_and_expiry(self):
        with self.assertRaises(ValidationError):
            self.env["product.product"].create(
                {
                    "name": "Sterile gloves",
                    "is_storable": True,
                    "hospital_sterile": True,
                }
            )

    def test_near_expiry_flagged(self):
        self.company.hospital_expiry_warning_days = 30
        self.assertEqual(self.lot_good.hospital_expiry_state, "ok")
        self.assertEqual(self.lot_expired.hospital_expiry_state, "expired")
        self.company.hospital_expiry_warning_days = 365
        self.lot_good.invalidate_recordset()
        self.assertEqual(self.lot_good.hospital_expiry_state, "near")
        near = self.env["stock.lot"].search([("hospital_expiry_state", "in", ["near"])])
        self.assertIn(self.lot_good, near)
        self.assertNotIn(self.lot_expired, near)

    def test_head_nurse_change_requires_handover(self):
        new_nurse = self.head_nurse_icu
        self.ward.head_nurse_id = new_nurse
        handover = self.env["hospital.stock.handover"].search(
            [("department_id", "=", self.ward.id)]
        )
        self.assertEqual(handover.outgoing_user_id, self.head_nurse)
        self.assertEqual(handover.incoming_user_id, new_nurse)
        self.assertTrue(self.ward.hospital_handover_pending)
        self.assertTrue(
            handover.line_ids.filtered(lambda line: line.product_id == self.gauze)
        )
        # The incoming head nurse cannot sign for the outgoing one.
        with self.assertRaises(UserError):
            self.sign(handover, "outgoing_signature", new_nurse)
        self.sign(handover, "outgoing_signature", self.head_nurse)
        with self.assertRaises(UserError):
            handover.with_user(new_nurse).action_done()
        self.sign(handover, "incoming_signature", new_nurse)
        handover.with_user(new_nurse).action_done()
        self.assertEqual(handover.state, "done")
        self.assertFalse(self.ward.hospital_handover_pending)
