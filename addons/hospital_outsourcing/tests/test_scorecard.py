from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .common import OutsourcingCase


@tagged("post_install", "-at_install")
class TestScorecard(OutsourcingCase):
    def _card(self, agreement=None, quarter="1"):
        return (
            self.env["hospital.outsourcing.scorecard"]
            .with_user(self.manager)
            .create(
                {
                    "agreement_id": (agreement or self.agreement).id,
                    "year": 2026,
                    "quarter": quarter,
                }
            )
        )

    def test_weights_must_sum_to_100(self):
        with self.assertRaisesRegex(ValidationError, "100"):
            self.env["hospital.outsourcing.kpi.template"].with_user(
                self.manager
            ).create(
                {
                    "name": "Bad",
                    "service_type": "security",
                    "criterion_ids": [
                        Command.create(
                            {
                                "name": "Only",
                                "source": "sla",
                                "weight": 60,
                                "target": 95,
                            }
                        )
                    ],
                }
            )

    def test_deduction_larger_than_criterion_points_refused(self):
        with self.assertRaisesRegex(ValidationError, "gives only"):
            self._inspection(31)

    def test_scorecard_computed_from_tickets_inspections_surveys(self):
        inspection = self._inspection(6)
        inspection.action_send()
        self._inspection(2).action_send()
        self._inspection(5, day="2026-05-01").action_send()  # next quarter
        survey = self.env["survey.survey"].create(
            {
                "title": "Cleaning satisfaction",
                "scoring_type": "scoring_without_answers",
            }
        )
        self.env["hospital.outsourcing.survey"].create(
            {
                "agreement_id": self.agreement.id,
                "survey_id": survey.id,
                "year": 2026,
                "quarter": "1",
            }
        )
        self.env["survey.user_input"].create(
            [{"survey_id": survey.id, "state": "done"} for _i in range(2)]
        )
        self.env.flush_all()
        self.env.cr.execute(
            "UPDATE survey_user_input SET scoring_percentage = 80 WHERE survey_id = %s",
            [survey.id],
        )
        card = self._card()
        card.action_compute()
        self.assertEqual(card.ticket_count, 4)
        self.assertAlmostEqual(card.sla_compliance, 75.0)
        self.assertAlmostEqual(card.interruption_rate, 25.0)
        self.assertEqual(card.inspection_count, 2)
        self.assertAlmostEqual(card.inspection_deduction, 8.0)
        self.assertAlmostEqual(card.satisfaction, 80.0)
        # 40 × 75/95 + (30 − 8) + 30 × 80/90
        expected = 40 * 75 / 95 + 22 + 30 * 80 / 90
        self.assertAlmostEqual(card.score, round(expected, 2))
        self.assertTrue(card.warning)
        self.assertTrue(card.below_target)
        self.assertAlmostEqual(
            card.payment_deduction, round(95 - card.score, 2) * 1000, places=2
        )
        self.assertEqual(card.renewal, "replace")
        self.assertEqual(len(card.line_ids), 3)

    def test_scoring_queries_do_not_grow(self):
        card = self._card()
        card.action_compute()
        self._inspection(1).action_send()
        card.invalidate_recordset()
        agreement2 = self.agreement.copy({"title": "Second"})
        agreement2.with_user(self.manager).action_activate()
        card2 = self._card(agreement2)
        cards = (card | card2).with_user(self.manager)
        cards.action_compute()
        cards.invalidate_recordset()
        self.env.invalidate_all()
        with self.assertQueryCount(__system__=60):
            cards.action_compute()

    def test_sign_and_lock_refuse_scoring(self):
        card = self._card()
        with self.assertRaises(UserError):
            card.write({"manager_signature": b"c2ln"})  # not computed
        card.action_compute()
        card.write({"manager_signature": b"c2ln"})
        self.assertEqual(card.manager_signature_user_id, self.manager)
        card.action_sign()
        card.action_lock()
        self.assertEqual(card.state, "locked")
        with self.assertRaisesRegex(UserError, "locked"):
            card.action_compute()
        with self.assertRaises(UserError):
            card.write({"score": 100})

    def test_only_manager_scores_and_signs(self):
        card = self._card()
        with self.assertRaises(UserError):
            card.with_user(self.technician).action_compute()
        card.action_compute()
        with self.assertRaises(UserError):
            card.with_user(self.finance).write({"manager_signature": b"c2ln"})

    def test_vendor_accepts_and_completes_its_ticket_only(self):
        ticket = self.tickets[2]
        ticket.with_user(self.vendor).action_vendor_accept()
        self.assertEqual(ticket.service_state, "in_progress")
        self.assertTrue(ticket.responded_at)
        ticket.with_user(self.vendor).action_vendor_done("Mopped")
        self.assertEqual(ticket.service_state, "done")
        other = self.env["res.partner"].create(
            {"name": "Other Co.", "is_company": True}
        )
        self.vendor.partner_id.parent_id = other
        with self.assertRaises(UserError):
            self.tickets[3].with_user(self.vendor).action_vendor_accept()
        with self.assertRaises(AccessError):
            self.tickets.with_user(self.vendor).read(["name"])

    def test_vendor_answers_finding_then_manager_verifies(self):
        inspection = self._inspection(3)
        inspection.action_send()
        self.assertEqual(inspection.state, "sent")
        line = inspection.line_ids
        line.with_user(self.vendor)._hospital_vendor_answer("Mopped again")
        self.assertEqual(line.finding_state, "answered")
        with self.assertRaises(UserError):
            line.with_user(self.technician).action_verify()
        line.with_user(self.manager).action_verify()
        inspection.with_user(self.manager).action_close()
        self.assertEqual(inspection.state, "closed")
