from odoo.exceptions import AccessError, UserError
from odoo.tests import new_test_user

from .common import HospitalContractCase


class TestContractAccess(HospitalContractCase):
    def test_another_department_cannot_read(self):
        contract = self._contract()
        with self.assertRaises(AccessError):
            contract.with_user(self.head_nurse_icu).read(["title"])
        self.assertFalse(
            self.env["hospital.contract"]
            .with_user(self.head_nurse_icu)
            .search([("id", "=", contract.id)])
        )

    def test_countersigning_department_reads_it(self):
        contract = self._contract()
        contract.with_user(self.finance).read(["title"])

    def test_archivist_sees_archived_contracts_only(self):
        contract = self._signed()
        with self.assertRaises(AccessError):
            contract.with_user(self.archivist).read(["title"])
        contract.action_archive_contract()
        contract.with_user(self.archivist).read(["title"])

    def test_finance_does_not_see_drafts_of_other_departments(self):
        outsider = new_test_user(
            self.env,
            login="hc_finance2",
            groups="hospital_logistics.hospital_logistics_group_finance",
        )
        contract = self._contract()
        with self.assertRaises(AccessError):
            contract.with_user(outsider).read(["title"])
        signed = self._signed()
        signed.with_user(outsider).read(["title"])

    def test_vendor_sees_its_own_approved_contracts_only(self):
        draft = self._contract(title="Draft")
        signed = self._signed()
        other_vendor = self.env["res.partner"].create(
            {"name": "Other Co.", "is_company": True}
        )
        self._documents(other_vendor)
        other = self._signed(partner_id=other_vendor.id)
        visible = self.env["hospital.contract"].with_user(self.vendor).search([])
        self.assertEqual(visible, signed)
        for contract in (draft, other):
            with self.assertRaises(AccessError):
                contract.with_user(self.vendor).read(["title"])
        with self.assertRaises(AccessError):
            signed.with_user(self.vendor).write({"note": "hello"})

    def test_vendor_does_not_read_internal_fields(self):
        signed = self._signed()
        with self.assertRaises(AccessError):
            signed.with_user(self.vendor).read(["office_meeting_minutes"])

    def test_nobody_deletes(self):
        contract = self._contract()
        for user in (self.requester, self.manager, self.leader):
            with self.assertRaises(UserError):
                contract.with_user(user).unlink()
        self.assertTrue(contract.exists())

    def test_countersign_lines_are_not_created_by_hand(self):
        contract = self._contract()
        with self.assertRaises(AccessError):
            self.env["hospital.contract.countersign"].with_user(self.requester).create(
                {"contract_id": contract.id, "department_id": self.ward.id}
            )

    def test_seal_log_written_by_the_seal_keeper_only(self):
        signed = self._signed()
        with self.assertRaises(AccessError):
            self.env["hospital.contract.seal.log"].with_user(self.requester).create(
                {"contract_id": signed.id, "purpose": "Own seal", "copies": 1}
            )

    def test_thresholds_changed_by_the_logistics_manager_tracked(self):
        self.company.with_user(self.manager).hospital_major_contract_amount = 800_000
        change = self.env["hospital.threshold.change"].search(
            [("field_name", "=", "hospital_major_contract_amount")], limit=1
        )
        self.assertEqual(change.user_id, self.manager)
        with self.assertRaises(AccessError):
            self.company.with_user(self.requester).hospital_major_contract_amount = 1
