from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from odoo.addons.hospital_outsourcing.tests.common import OutsourcingCase


@tagged("post_install", "-at_install")
class TestContractLink(OutsourcingCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Contract = cls.env["hospital.contract"]
        cls.contract = Contract._hospital_portal_fixture(cls.vendor_company)
        cls.other_vendor = cls.env["res.partner"].create(
            {"name": "Other Lift Co.", "is_company": True}
        )
        cls.other_contract = Contract._hospital_portal_fixture(cls.other_vendor)

    def test_agreement_links_to_its_contract(self):
        self.agreement.with_user(self.manager).contract_id = self.contract
        self.assertEqual(self.agreement.contract_state, "signed")
        self.assertIn(self.agreement, self.contract.hospital_outsourcing_agreement_ids)

    def test_contract_of_another_vendor_refused(self):
        with self.assertRaises(ValidationError):
            self.agreement.with_user(self.manager).contract_id = self.other_contract

    def test_only_the_manager_links(self):
        with self.assertRaises(AccessError):
            self.agreement.with_user(self.technician).contract_id = self.contract

    def test_ended_agreement_keeps_its_contract(self):
        self.agreement.with_user(self.manager).contract_id = self.contract
        self.agreement.with_user(self.manager).action_end()
        other = self.env["hospital.contract"]._hospital_portal_fixture(
            self.vendor_company
        )
        with self.assertRaises(UserError):
            self.agreement.with_user(self.manager).contract_id = other
