from odoo.exceptions import UserError, ValidationError

from .common import SIGNATURE, HospitalContractCase


class TestContractFlow(HospitalContractCase):
    def test_number_from_sequence_and_department_from_type(self):
        contract = self._contract()
        self.assertTrue(contract.name.startswith("HT"))
        self.assertEqual(contract.department_id, self.ward)
        self.assertEqual(contract.countersign_department_ids, self.finance_dept)

    def test_full_flow_to_signed_with_seal_log(self):
        contract = self._signed()
        self.assertEqual(contract.state, "signed")
        self.assertEqual(contract.hospital_signature_user_id, self.leader)
        self.assertEqual(len(contract.seal_log_ids), 1)
        self.assertEqual(contract.seal_log_ids.copies, contract.original_count)

    def test_countersign_only_by_the_department_head(self):
        contract = self._contract()
        contract.action_submit()
        line = contract.countersign_ids.with_user(self.technician)
        with self.assertRaises(UserError):
            line.write({"signature": SIGNATURE})
        self.assertFalse(contract.countersign_ids.signature)

    def test_agree_needs_own_signature(self):
        contract = self._contract()
        contract.action_submit()
        with self.assertRaises(UserError):
            contract.countersign_ids.with_user(self.finance).action_agree()
        self.assertEqual(contract.state, "countersign")

    def test_every_department_countersigns_before_approval(self):
        it = self.env["hr.department"].create(
            {
                "name": "IT",
                "manager_id": self.env["hr.employee"]
                .create({"name": "IT head", "user_id": self.technician.id})
                .id,
            }
        )
        contract = self._contract(
            countersign_department_ids=[(6, 0, (self.finance_dept | it).ids)]
        )
        contract.action_submit()
        self._countersign(contract)
        self.assertEqual(contract.state, "countersign")
        self._countersign(contract, self.technician)
        self.assertEqual(contract.state, "approval")
        self.assertTrue(contract.review_ids)

    def test_refusal_needs_an_opinion(self):
        contract = self._contract()
        contract.action_submit()
        line = contract.countersign_ids.with_user(self.finance)
        line.write({"signature": SIGNATURE})
        with self.assertRaises(UserError):
            line.action_refuse()
        line.write({"signature": False})
        line.write({"opinion": "No budget this year", "signature": SIGNATURE})
        line.action_refuse()
        self.assertEqual(contract.state, "refused")
        self.assertEqual(contract.refusal_reason, "No budget this year")

    def test_legal_opinion_when_the_type_requires_it(self):
        self.kind.requires_legal_opinion = True
        contract = self._to_approval(self._contract())
        self.assertEqual(contract.state, "legal")
        with self.assertRaises(UserError):
            contract.with_user(self.legal).action_legal_done()
        with self.assertRaises(UserError):
            contract.with_user(self.requester).write({"legal_signature": SIGNATURE})
        legal = contract.with_user(self.legal)
        legal.write({"legal_opinion": "No objection"})
        legal.write({"legal_signature": SIGNATURE})
        legal.action_legal_done()
        self.assertEqual(contract.state, "approval")

    def test_no_legal_review_when_the_type_does_not_ask(self):
        contract = self._to_approval(self._contract())
        self.assertEqual(contract.state, "approval")

    def test_only_leadership_approves(self):
        contract = self._to_approval(self._contract())
        with self.assertRaises(UserError):
            contract.with_user(self.manager).action_approve()
        self.assertEqual(contract.state, "approval")
        self._approve(contract)
        self.assertEqual(contract.state, "approved")
        self.assertEqual(contract.approved_by_id, self.leader)

    def test_reviews_move_only_with_the_contract(self):
        """The president's Approve gives the review; base_tier_validation's
        Validate / Reject would change the review and leave the contract
        waiting, so they are neither on the form nor callable."""
        contract = self._to_approval(self._contract(amount=1_000_000.0))
        as_leader = contract.with_user(self.leader)
        self.assertTrue(as_leader.can_review)
        statuses = contract.review_ids.mapped("status")
        for forged in (
            as_leader.validate_tier,
            as_leader.reject_tier,
            as_leader.restart_validation,
            as_leader.request_validation,
        ):
            with self.assertRaisesRegex(UserError, "its own buttons"):
                forged()
        wizard = (
            self.env["comment.wizard"]
            .with_user(self.leader)
            .create(
                {
                    "validate_reject": "validate",
                    "res_model": contract._name,
                    "res_id": contract.id,
                    "review_ids": [(6, 0, contract.review_ids.ids)],
                    "comment": "ok",
                }
            )
        )
        with self.assertRaisesRegex(UserError, "its own buttons"):
            wizard.add_comment()
        self.assertEqual(contract.review_ids.mapped("status"), statuses)
        self.assertEqual(contract.state, "approval")
        arch = as_leader.get_view(view_type="form")["arch"]
        self.assertNotIn('name="validate_tier"', arch)
        self.assertNotIn('name="request_validation"', arch)
        self.assertIn('name="action_approve"', arch)

    def test_major_contract_needs_the_office_meeting(self):
        contract = self._to_approval(self._contract(amount=1_000_000.0))
        self.assertTrue(contract.is_major)
        with self.assertRaises(UserError):
            self._approve(contract)
        self.assertEqual(contract.state, "approval")
        self._approve(
            contract,
            office_meeting_date=self.today,
            office_meeting_minutes="2025 office meeting no. 12: approved",
        )
        self.assertEqual(contract.state, "approved")

    def test_major_by_term_and_threshold_from_settings(self):
        contract = self._contract(date_end=self.today.replace(year=self.today.year + 6))
        self.assertTrue(contract.is_major)
        self.company.hospital_major_contract_years = 10
        self.assertFalse(contract.is_major)

    def test_major_threshold_follows_settings(self):
        contract = self._contract(amount=600_000.0)
        self.assertFalse(contract.is_major)
        self.company.hospital_major_contract_amount = 500_000
        self.assertTrue(contract.is_major)

    def test_submit_refused_for_expired_licence(self):
        self.docs.filtered(
            lambda d: d.kind == "licence"
        ).date_expiry = self.today.replace(year=self.today.year - 1)
        contract = self._contract()
        with self._refused(UserError, "expired"):
            contract.action_submit()
        self.assertEqual(contract.state, "draft")
        self.assertFalse(contract.countersign_ids)

    def test_submit_refused_without_required_financial_statements(self):
        self.kind.requires_financial_statements = True
        contract = self._contract()
        with self._refused(UserError, "missing"):
            contract.action_submit()
        self._documents(self.vendor_company, kinds=("financial",))
        contract.action_submit()
        self.assertEqual(contract.state, "countersign")

    def test_power_of_attorney_replaces_legal_representative(self):
        self.docs.filtered(lambda d: d.kind == "legal_representative").unlink()
        contract = self._contract()
        with self.assertRaises(UserError):
            contract.action_submit()
        self._documents(self.vendor_company, kinds=("power_of_attorney",))
        contract.action_submit()
        self.assertEqual(contract.state, "countersign")

    def test_bad_input(self):
        with self.assertRaises(ValidationError):
            self._contract(date_end=self.today.replace(year=self.today.year - 1))
        with self.assertRaises(ValidationError):
            self._contract(amount=-1)
        with self.assertRaises(ValidationError):
            self._contract(title="x" * 300)

    def test_state_moves_only_through_buttons(self):
        contract = self._contract()
        with self.assertRaises(UserError):
            contract.write({"state": "approved"})
        with self.assertRaises(UserError):
            self._contract(state="signed")
        self.assertEqual(contract.state, "draft")

    def test_terms_frozen_once_submitted(self):
        contract = self._contract()
        contract.action_submit()
        with self.assertRaises(UserError):
            contract.write({"amount": 1.0})
        self.assertEqual(contract.amount, 50_000.0)

    def test_office_meeting_recorded_under_validation(self):
        contract = self._to_approval(self._contract(amount=2_000_000.0))
        contract.with_user(self.leader).write(
            {"office_meeting_date": self.today, "office_meeting_minutes": "Agreed"}
        )
        self.assertEqual(contract.office_meeting_minutes, "Agreed")

    def test_finance_copy_received_only_by_finance(self):
        contract = self._signed()
        contract.with_user(self.requester).action_send_finance()
        self.assertEqual(contract.finance_copy_state, "sent")
        with self.assertRaises(UserError):
            contract.with_user(self.requester).action_finance_receive()
        contract.with_user(self.finance).action_finance_receive()
        self.assertEqual(contract.finance_copy_state, "received")
        self.assertEqual(contract.finance_received_by_id, self.finance)

    def test_nobody_deletes_a_contract(self):
        contract = self._contract()
        with self.assertRaises(UserError):
            contract.sudo().unlink()
        self.assertTrue(contract.exists())
