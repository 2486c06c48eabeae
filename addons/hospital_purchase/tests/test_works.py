import base64
from datetime import timedelta

from odoo import fields
from odoo.exceptions import UserError

from .common import HospitalPurchaseCase

PDF = base64.b64encode(b"%PDF-1.4 estimate")


class TestWorks(HospitalPurchaseCase):
    def _works(self, **vals):
        return (
            self.env["hospital.purchase.works"]
            .with_user(self.technician)
            .create(
                {
                    "title": "Roof repair",
                    "department_id": self.ward.id,
                    "estimate_amount": 5000,
                    **vals,
                }
            )
        )

    def _works_order(self, works, price=5000):
        order = self._order(
            product=self.masks, qty=1, price=price, hospital_works_id=works.id
        )
        order.hospital_department_id = False
        return order

    def test_order_above_threshold_needs_estimate(self):
        works = self._works()
        order = self._works_order(works)
        with self.assertRaisesRegex(UserError, "budget estimate"):
            order.button_confirm()
        with self.assertRaises(UserError):
            works.action_file_estimate()
        works.write({"estimate_file": PDF, "estimate_filename": "estimate.pdf"})
        works.action_file_estimate()
        order.button_confirm()
        self.assertEqual(works.state, "in_progress")

    def test_small_works_need_no_estimate(self):
        works = self._works(estimate_amount=800)
        order = self._works_order(works, price=800)
        order.button_confirm()
        self.assertEqual(order.state, "purchase")

    def test_acceptance_record_and_archive_due(self):
        works = self._works(estimate_file=PDF)
        works.action_file_estimate()
        self._works_order(works).button_confirm()
        with self.assertRaisesRegex(UserError, "acceptance inspection"):
            works.action_accept()
        works.write(
            {"acceptance_result": "pass", "acceptance_notes": "Roof watertight"}
        )
        with self.assertRaisesRegex(UserError, "contract copy"):
            works.action_accept()
        works.write({"contract_file": PDF, "contract_filename": "contract.pdf"})
        works.action_accept()
        self.assertEqual(
            works.archive_due_date,
            fields.Date.today()
            + timedelta(days=0)
            + __import__("dateutil.relativedelta").relativedelta.relativedelta(
                months=3
            ),
        )
        with self.assertRaises(UserError):
            works.with_user(self.technician).action_hand_over_archives()
        works.sudo()._hospital_transition().write(
            {"acceptance_date": fields.Date.today() - timedelta(days=120)}
        )
        late = self.env["hospital.purchase.works"]._cron_flag_late_archives()
        self.assertIn(works, late)
        self.assertTrue(works.archive_flagged)
        works.with_user(self.archivist).action_hand_over_archives()
        self.assertEqual(works.state, "archived")

    def test_orders_stay_within_the_estimate(self):
        works = self._works(estimate_file=PDF)
        works.action_file_estimate()
        self._works_order(works, price=3000).button_confirm()
        second = self._works_order(works, price=2500)
        with self.assertRaisesRegex(UserError, "above its budget estimate"):
            second.button_confirm()
        second.order_line.price_unit = 2000
        second.button_confirm()
        self.assertEqual(second.state, "purchase")
