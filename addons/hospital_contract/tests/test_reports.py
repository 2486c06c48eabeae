from dateutil.relativedelta import relativedelta

from .common import HospitalContractCase


class TestContractReports(HospitalContractCase):
    def _wizard(self, user, **vals):
        return self.env["hospital.contract.report.wizard"].with_user(user).create(vals)

    def test_register_lists_only_what_the_user_reads(self):
        mine = self._contract()
        wizard = self._wizard(self.head_nurse_icu)
        self.assertNotIn(mine, wizard._hospital_contracts())
        self.assertIn(mine, self._wizard(self.requester)._hospital_contracts())

    def test_expiring_within_days(self):
        soon = self._signed(date_end=self.today + relativedelta(days=10))
        later = self._signed(date_end=self.today + relativedelta(days=90))
        found = self._wizard(
            self.leader, report="expiring", days=30
        )._hospital_contracts()
        self.assertIn(soon, found)
        self.assertNotIn(later, found)

    def test_xlsx_export_renders(self):
        signed = self._signed()
        for report in ("register", "expiring", "retention", "seal"):
            wizard = self._wizard(self.leader, report=report)
            content, kind = (
                self.env["ir.actions.report"]
                .with_user(self.leader)
                ._render("hospital_contract.contract_xlsx", wizard.ids)
            )
            self.assertEqual(kind, "xlsx")
            self.assertTrue(content.startswith(b"PK"))
        self.assertEqual(
            len(self._wizard(self.leader, report="seal")._hospital_seal_logs()), 1
        )
        self.assertTrue(signed.seal_log_ids)
