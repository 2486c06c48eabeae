from datetime import timedelta

from odoo import fields
from odoo.exceptions import UserError, ValidationError

from .common import HospitalPurchaseCase


class TestTender(HospitalPurchaseCase):
    def _opened(self, tender):
        tender.sudo()._hospital_transition().write(
            {"opening_date": fields.Datetime.now() - timedelta(minutes=1)}
        )
        tender.action_open_bids()

    def test_inquiry_refused_above_threshold(self):
        with self.assertRaises(ValidationError):
            self._tender(method="inquiry", amount=150000)

    def test_order_above_threshold_needs_tender(self):
        order = self._order(price=20000, qty=10, department=None)
        order.hospital_department_id = False
        order.order_line.product_id = self.masks
        order.hospital_department_id = self.ward
        with self.assertRaisesRegex(UserError, "tender or a negotiation"):
            order.button_confirm()

    def test_threshold_counts_vat(self):
        """¥95,000 before VAT is ¥107,350 to the hospital: a tender."""
        order = self._order(price=9500, qty=10)
        order.order_line.tax_ids = self.env["account.tax"].create(
            {"name": "HP VAT 13%", "amount": 13, "type_tax_use": "purchase"}
        )
        with self.assertRaisesRegex(UserError, "amounts to 107,350.00"):
            order.button_confirm()

    def test_award_refused_below_min_bids(self):
        tender = self._tender()
        for vendor in self.vendors[:3]:
            self._bid(tender, vendor)
        self._opened(tender)
        with self.assertRaisesRegex(UserError, "at least 4"):
            tender.with_user(self.manager).action_award()
        tender.action_fail()
        self.assertEqual(tender.state, "failed")
        self.assertEqual(set(tender.bid_ids.mapped("state")), {"cancel"})

    def test_invalid_bid_does_not_count(self):
        tender = self._tender(method="negotiation")
        self._bid(tender, self.vendors[0])
        self._bid(tender, self.vendors[1], hospital_bid_valid=False)
        self._opened(tender)
        self.assertEqual(tender.valid_bid_count, 1)
        with self.assertRaises(UserError):
            tender.with_user(self.manager).action_award()

    def test_bid_after_opening_refused(self):
        tender = self._tender()
        with self.assertRaisesRegex(ValidationError, "after the bid opening"):
            self._bid(
                tender,
                self.vendors[0],
                hospital_bid_date=tender.opening_date + timedelta(hours=1),
            )
        self._opened(tender)
        with self.assertRaises(UserError):
            self._bid(tender, self.vendors[1])

    def test_scoring_by_non_member_refused(self):
        tender = self._tender()
        bid = self._bid(tender, self.vendors[0])
        criterion = self.env["hospital.purchase.tender.criterion"].create(
            {"tender_id": tender.id, "name": "Price", "weight": 60}
        )
        member = self.env["hospital.purchase.tender.member"].create(
            {"tender_id": tender.id, "user_id": self.technician.id}
        )
        self._opened(tender)
        Score = self.env["hospital.purchase.tender.score"]
        vals = {
            "tender_id": tender.id,
            "order_id": bid.id,
            "criterion_id": criterion.id,
            "score": 80,
        }
        with self.assertRaisesRegex(UserError, "not on the evaluation committee"):
            Score.with_user(self.buyer).create(vals)
        with self.assertRaisesRegex(UserError, "conflict of interest"):
            Score.with_user(self.technician).create(vals)
        with self.assertRaises(UserError):
            member.with_user(self.buyer).action_declare_none()
        # A member from finance (no right on committees) declares for himself.
        auditor = self.env["hospital.purchase.tender.member"].create(
            {"tender_id": tender.id, "user_id": self.finance.id}
        )
        auditor.with_user(self.finance).declaration_note = "My sister is HP Vendor 0"
        auditor.with_user(self.finance).action_declare_conflict()
        self.assertEqual(auditor.declaration, "conflict")
        with self.assertRaisesRegex(UserError, "conflict of interest"):
            Score.with_user(self.finance).create(vals)
        member.with_user(self.technician).action_declare_none()
        score = Score.with_user(self.technician).create(vals)
        self.assertEqual(score.member_id, member)

    def test_award_confirms_best_bid_and_cancels_others(self):
        tender = self._tender()
        criterion = self.env["hospital.purchase.tender.criterion"].create(
            {"tender_id": tender.id, "name": "Quality", "weight": 100}
        )
        member = self.env["hospital.purchase.tender.member"].create(
            {"tender_id": tender.id, "user_id": self.technician.id}
        )
        bids = [
            self._bid(tender, vendor, price=1000 + i)
            for i, vendor in enumerate(self.vendors[:4])
        ]
        self._opened(tender)
        member.with_user(self.technician).action_declare_none()
        Score = self.env["hospital.purchase.tender.score"].with_user(self.technician)
        for i, bid in enumerate(bids):
            Score.create(
                {
                    "tender_id": tender.id,
                    "order_id": bid.id,
                    "criterion_id": criterion.id,
                    "score": 60 + 10 * i,
                }
            )
        with self.assertRaises(UserError):
            bids[3].with_user(self.buyer).button_confirm()
        tender.with_user(self.manager).action_award()
        self.assertEqual(tender.state, "awarded")
        self.assertEqual(tender.awarded_order_id, bids[3])
        self.assertEqual(bids[3].state, "purchase")
        self.assertEqual({b.state for b in bids[:3]}, {"cancel"})
        # The bids the award cancelled still count and keep their rank.
        self.assertEqual(tender.valid_bid_count, 4)
        self.assertEqual(bids[3].hospital_bid_rank, 1)
        self.assertEqual(bids[0].hospital_bid_rank, 4)
