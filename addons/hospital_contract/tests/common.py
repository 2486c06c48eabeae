import base64
from contextlib import contextmanager
from datetime import date

from dateutil.relativedelta import relativedelta

from odoo.tests import new_test_user

from odoo.addons.hospital_logistics.tests.common import HospitalLogisticsCase

# A 1x1 transparent PNG: what the signature pad sends, as far as the ORM cares.
SIGNATURE = base64.b64encode(
    bytes.fromhex(
        "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
        "1f15c4890000000d49444154789c6360000002000100e221bc330000000049454e44ae426082"
    )
)


class HospitalContractCase(HospitalLogisticsCase):
    """A ward that owns its contracts (the requester works there), a finance
    department that countersigns them, a legal adviser, the leader as legal
    representative and a vendor with valid documents."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.today = date.today()
        cls.legal = new_test_user(
            cls.env,
            login="hc_legal",
            groups="hospital_contract.hospital_contract_group_legal",
            name="Sun Lei",
        )
        Employee = cls.env["hr.employee"]
        cls.ward.manager_id = Employee.search([("user_id", "=", cls.requester.id)])
        cls.finance_dept = cls.env["hr.department"].create(
            {
                "name": "Finance Office",
                "hospital_kind": "admin",
                "hospital_code": "T-A02",
            }
        )
        cls.finance_dept.manager_id = Employee.create(
            {
                "name": "Zhou Min",
                "user_id": cls.finance.id,
                "department_id": cls.finance_dept.id,
            }
        )
        cls.company.hospital_legal_representative_id = cls.leader
        cls.kind = cls.env["hospital.contract.type"].create(
            {
                "name": "Test services",
                "department_id": cls.ward.id,
                "countersign_department_ids": [(6, 0, cls.finance_dept.ids)],
                "requires_qualification": True,
            }
        )
        cls.vendor_company = cls.env["res.partner"].create(
            {"name": "Binjiang Test Services Co.", "is_company": True}
        )
        cls.vendor.partner_id.parent_id = cls.vendor_company
        cls.docs = cls._documents(cls.vendor_company)

    @classmethod
    def _documents(cls, partner, expiry=None, kinds=None):
        expiry = expiry or cls.today + relativedelta(years=1)
        return cls.env["hospital.contract.qualification"].create(
            [
                {"partner_id": partner.id, "kind": kind, "date_expiry": expiry}
                for kind in kinds
                or ("licence", "legal_representative", "qualification")
            ]
        )

    @contextmanager
    def _refused(self, exception, text):
        """assertRaises (rolled back to a savepoint, unlike assertRaisesRegex)
        whose message says ``text``."""
        with self.assertRaises(exception) as caught:
            yield
        self.assertIn(text, str(caught.exception))

    def _contract(self, user=None, **vals):
        values = {
            "title": "Ward cleaning",
            "type_id": self.kind.id,
            "partner_id": self.vendor_company.id,
            "amount": 50_000.0,
            "date_start": self.today,
            "date_end": self.today + relativedelta(years=2, days=-1),
        }
        values.update(vals)
        return (
            self.env["hospital.contract"]
            .with_user(user or self.requester)
            .create(values)
        )

    def _countersign(self, contract, user=None):
        line = contract.countersign_ids.filtered(lambda line: line.state == "pending")[
            :1
        ]
        line = line.with_user(user or self.finance)
        line.write({"signature": SIGNATURE, "opinion": "Budget available"})
        line.action_agree()

    def _to_approval(self, contract):
        contract.with_user(self.requester).action_submit()
        while contract.state == "countersign":
            self._countersign(contract)
        return contract

    def _approve(self, contract, **meeting):
        contract = contract.with_user(self.leader)
        if meeting:
            contract.write(meeting)
        contract.action_approve()
        return contract

    def _sign(self, contract, user=None):
        contract = contract.with_user(user or self.leader)
        contract.write({"hospital_signature": SIGNATURE})
        contract.action_sign()
        return contract

    def _signed(self, **vals):
        contract = self._to_approval(self._contract(**vals))
        meeting = {}
        if contract.is_major:
            meeting = {
                "office_meeting_date": self.today,
                "office_meeting_minutes": "Approved by the office meeting",
            }
        self._approve(contract, **meeting)
        return self._sign(contract)
