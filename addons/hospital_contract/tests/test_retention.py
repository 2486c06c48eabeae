from dateutil.relativedelta import relativedelta

from odoo.exceptions import UserError, ValidationError

from .common import HospitalContractCase


class TestContractRetention(HospitalContractCase):
    def test_short_contract_kept_two_years_after_expiry(self):
        end = self.today + relativedelta(months=6)
        contract = self._contract(date_end=end)
        self.assertEqual(contract.term_months, 7)
        self.assertEqual(contract.retention_years, 2)
        self.assertEqual(contract.retention_end, end + relativedelta(years=2))
        self.assertFalse(contract.archive_transfer_required)

    def test_rule_by_type_sends_to_archive_office(self):
        construction = self.env.ref("hospital_contract.contract_type_construction")
        contract = self._contract(type_id=construction.id, department_id=self.ward.id)
        self.assertEqual(contract.retention_years, 30)
        self.assertTrue(contract.archive_transfer_required)

    def test_default_rule_keeps_ten_years_in_the_department(self):
        contract = self._contract()
        self.assertEqual(contract.retention_years, 10)
        self.assertFalse(contract.archive_transfer_required)

    def test_investment_contract_from_the_amount_goes_to_archive(self):
        self.kind.is_investment = True
        small = self._contract(amount=999_999.0)
        self.assertFalse(small.archive_transfer_required)
        big = self._contract(amount=1_000_000.0)
        self.assertTrue(big.archive_transfer_required)

    def test_settings_recompute_stored_retention(self):
        contract = self._contract(date_end=self.today + relativedelta(months=3))
        self.company.hospital_short_contract_keep_years = 3
        self.assertEqual(contract.retention_years, 3)
        self.company.hospital_archive_retention_years = 3
        self.assertTrue(contract.archive_transfer_required)

    def test_rule_change_recomputes_stored_retention(self):
        contract = self._contract()
        rule = self.env.ref("hospital_contract.retention_rule_default")
        rule.retention_years = 20
        contract.invalidate_recordset()
        self.assertEqual(contract.retention_years, 20)
        self.assertTrue(contract.archive_transfer_required)
        with self.assertRaises(ValidationError):
            rule.retention_years = 0

    def test_archive_transfers_a_long_kept_contract(self):
        construction = self.env.ref("hospital_contract.contract_type_construction")
        construction.requires_financial_statements = False
        construction.requires_legal_opinion = False
        contract = self._signed(type_id=construction.id, department_id=self.ward.id)
        contract.with_user(self.requester).action_archive_contract()
        self.assertEqual(contract.state, "archived")
        self.assertEqual(contract.transfer_id.state, "sent")
        with self._refused(UserError, "already been transferred"):
            contract.with_user(self.requester).action_transfer()
        with self.assertRaises(UserError):
            contract.transfer_id.with_user(self.requester).action_receive()
        contract.transfer_id.with_user(self.archivist).action_receive()
        self.assertEqual(contract.transfer_state, "received")

    def test_nothing_destroyed_before_the_retention_end(self):
        contract = self._signed()
        contract.action_archive_contract()
        with self._refused(UserError, "kept until"):
            contract.with_user(self.archivist).action_destroy()
        self.assertEqual(contract.state, "archived")

    def test_destroyed_after_the_retention_end_and_kept_as_a_record(self):
        start = self.today - relativedelta(years=5)
        contract = self._signed(
            date_start=start, date_end=start + relativedelta(months=6)
        )
        contract.action_archive_contract()
        with self.assertRaises(UserError):
            contract.with_user(self.requester).action_destroy()
        contract.with_user(self.archivist).action_destroy()
        self.assertEqual(contract.state, "destroyed")
        self.assertTrue(contract.exists())

    def test_paper_original_lent_once_at_a_time(self):
        contract = self._signed()
        Loan = self.env["hospital.contract.loan"].with_user(self.requester)
        loan = Loan.create(
            {
                "contract_id": contract.id,
                "borrower_id": self.finance.id,
                "purpose": "Payment check",
                "date_due": self.today + relativedelta(days=7),
            }
        )
        self.assertTrue(contract.is_lent)
        with self._refused(ValidationError, "already lent"):
            Loan.create(
                {
                    "contract_id": contract.id,
                    "borrower_id": self.manager.id,
                    "purpose": "Audit",
                    "date_due": self.today + relativedelta(days=7),
                }
            )
        with self.assertRaises(ValidationError):
            loan.write({"date_due": self.today - relativedelta(days=1)})
        loan.action_return()
        self.assertEqual(loan.state, "returned")
        contract.invalidate_recordset(["is_lent"])
        self.assertFalse(contract.is_lent)

    def test_draft_has_no_original_to_lend(self):
        with self.assertRaises(ValidationError):
            self.env["hospital.contract.loan"].create(
                {
                    "contract_id": self._contract().id,
                    "borrower_id": self.finance.id,
                    "purpose": "Look",
                    "date_due": self.today,
                }
            )


class TestContractReminders(HospitalContractCase):
    def _activities(self, contracts):
        return self.env["mail.activity"].search(
            [
                ("res_model", "=", "hospital.contract"),
                ("res_id", "in", contracts.ids),
                (
                    "activity_type_id",
                    "=",
                    self.env.ref("hospital_contract.mail_act_hospital_contract").id,
                ),
            ]
        )

    def test_job_flags_expiring_transfers_and_reviews_once(self):
        expiring = self._signed(date_end=self.today + relativedelta(days=10))
        self.kind.is_investment = True
        start = self.today - relativedelta(years=2)
        review = self._signed(
            amount=2_000_000.0,
            date_start=start,
            date_end=start + relativedelta(years=10),
        )
        review.sudo()._hospital_transition().write({"signed_date": start})
        review.action_archive_contract()
        Contract = self.env["hospital.contract"]
        Contract._cron_hospital_contract_reminders()
        self.assertTrue(expiring.expiry_flagged)
        self.assertEqual(len(self._activities(expiring)), 1)
        self.assertFalse(review.transfer_flagged, "transferred at archiving")
        Contract._cron_hospital_contract_reminders()
        self.assertEqual(len(self._activities(expiring)), 1, "flagged only once")

    def test_yearly_review_of_major_contracts(self):
        start = self.today - relativedelta(years=2)
        major = self._signed(
            amount=2_000_000.0,
            date_start=start,
            date_end=start + relativedelta(years=5),
        )
        major.sudo()._hospital_transition().write({"signed_date": start})
        self.assertEqual(major.next_review_date, start + relativedelta(years=1))
        self.env["hospital.contract"]._cron_hospital_contract_reminders()
        self.assertTrue(major.review_flagged)
        audit = (
            self.env["hospital.contract.audit"]
            .with_user(self.leader)
            .create({"kind": "review", "contract_ids": [(6, 0, major.ids)]})
        )
        audit.action_done()
        self.assertEqual(major.last_review_date, self.today)
        self.assertFalse(major.review_flagged)
        self.assertEqual(major.next_review_date, self.today + relativedelta(years=1))

    def test_due_transfer_of_an_expired_contract_is_flagged(self):
        construction = self.env.ref("hospital_contract.contract_type_construction")
        construction.write(
            {"requires_financial_statements": False, "requires_legal_opinion": False}
        )
        start = self.today - relativedelta(years=3)
        contract = self._signed(
            type_id=construction.id,
            department_id=self.ward.id,
            date_start=start,
            date_end=start + relativedelta(years=2),
        )
        self.env["hospital.contract"]._cron_hospital_contract_reminders()
        self.assertTrue(contract.transfer_flagged)
        self.assertEqual(len(self._activities(contract)), 1)

    def test_job_queries_do_not_grow_with_the_register(self):
        def run_with(quiet):
            for _i in range(2):
                self._signed(date_end=self.today + relativedelta(days=5))
            for _i in range(quiet):
                self._signed(date_end=self.today + relativedelta(years=2))
            self.env.flush_all()
            self.env.invalidate_all()
            before = self.env.cr.sql_log_count
            self.env["hospital.contract"]._cron_hospital_contract_reminders()
            self.env.flush_all()
            return self.env.cr.sql_log_count - before

        first = run_with(0)
        small = run_with(0)
        large = run_with(8)
        self.assertEqual(
            small, large, f"grow with the register: {first} {small} {large}"
        )

    def test_audit_findings_only_on_examined_contracts(self):
        examined, other = self._contract(), self._contract(title="Other")
        audit = (
            self.env["hospital.contract.audit"]
            .with_user(self.leader)
            .create(
                {
                    "kind": "random",
                    "contract_ids": [(6, 0, examined.ids)],
                    "finding_ids": [
                        (0, 0, {"contract_id": other.id, "description": "No scan"})
                    ],
                }
            )
        )
        with self.assertRaises(UserError):
            audit.action_done()
        with self.assertRaises(ValidationError):
            audit.write({"date": self.today + relativedelta(days=3)})
