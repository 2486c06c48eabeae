from dateutil.relativedelta import relativedelta

from odoo.exceptions import AccessError, UserError, ValidationError

from .common import SIGNATURE, HospitalContractCase


class TestContractSigning(HospitalContractCase):
    def _approved(self, **vals):
        return self._approve(self._to_approval(self._contract(**vals)))

    def _authorize(self, user, **vals):
        values = {
            "user_id": user.id,
            "date_start": self.today,
            "date_end": self.today + relativedelta(months=6),
        }
        values.update(vals)
        auth = self.env["hospital.contract.authorization"].with_user(self.leader)
        auth = auth.create(values)
        auth.action_grant()
        return auth

    def test_unauthorised_person_cannot_sign(self):
        contract = self._approved()
        with self._refused(UserError, "cannot sign"):
            contract.with_user(self.requester).write({"hospital_signature": SIGNATURE})
        self.assertFalse(contract.hospital_signature)
        with self.assertRaises(UserError):
            contract.with_user(self.requester).action_sign()
        self.assertEqual(contract.state, "approved")

    def test_authorised_person_signs_under_the_authorisation(self):
        auth = self._authorize(self.requester)
        contract = self._sign(self._approved(), self.requester)
        self.assertEqual(contract.state, "signed")
        self.assertEqual(contract.authorization_id, auth)

    def test_expired_or_revoked_authorisation_does_not_sign(self):
        auth = self._authorize(
            self.requester,
            date_start=self.today - relativedelta(months=6),
            date_end=self.today - relativedelta(days=1),
        )
        contract = self._approved()
        with self.assertRaises(UserError):
            self._sign(contract, self.requester)
        auth2 = self._authorize(self.requester)
        auth2.with_user(self.leader).action_revoke()
        with self.assertRaises(UserError):
            self._sign(contract, self.requester)
        self.assertEqual(auth.state, "active")

    def test_authorisation_limited_by_amount_and_type(self):
        self._authorize(self.requester, max_amount=10_000.0)
        contract = self._approved()
        with self.assertRaises(UserError):
            self._sign(contract, self.requester)
        other = self.env["hospital.contract.type"].create({"name": "Other"})
        self._authorize(self.requester, type_ids=[(6, 0, other.ids)])
        with self.assertRaises(UserError):
            self._sign(contract, self.requester)

    def test_signature_withdrawn_by_someone_else_refused(self):
        contract = self._approved()
        contract.with_user(self.leader).write({"hospital_signature": SIGNATURE})
        with self.assertRaises(UserError):
            contract.with_user(self.requester).write({"hospital_signature": False})

    def test_only_leadership_grants_authorisations(self):
        auth = self.env["hospital.contract.authorization"]
        with self.assertRaises(AccessError):
            auth.with_user(self.manager).create(
                {
                    "user_id": self.manager.id,
                    "date_start": self.today,
                    "date_end": self.today,
                }
            )
        with self.assertRaises(ValidationError):
            auth.with_user(self.leader).create(
                {
                    "user_id": self.manager.id,
                    "date_start": self.today,
                    "date_end": self.today - relativedelta(days=1),
                }
            )

    def test_seal_only_on_an_approved_contract(self):
        draft = self._contract()
        with self.assertRaises(ValidationError):
            self.env["hospital.contract.seal.log"].with_user(self.leader).create(
                {"contract_id": draft.id, "purpose": "Early seal", "copies": 1}
            )
        signed = self._signed()
        self.env["hospital.contract.seal.log"].with_user(self.leader).create(
            {"contract_id": signed.id, "purpose": "Supplement", "copies": 2}
        )
        self.assertEqual(len(signed.seal_log_ids), 2)

    def test_seal_log_is_append_only(self):
        signed = self._signed()
        with self.assertRaises(AccessError):
            signed.seal_log_ids.with_user(self.leader).write({"copies": 9})
        with self.assertRaises(AccessError):
            signed.seal_log_ids.with_user(self.leader).unlink()
