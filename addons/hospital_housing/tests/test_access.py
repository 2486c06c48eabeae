from odoo.exceptions import AccessError

from .common import HospitalHousingCase


class TestAccess(HospitalHousingCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.mine = cls._house(cls.resident, cls.bed_a)
        cls.theirs = cls._house(cls.resident_2, cls.bed_c)
        Violation = cls.env["hospital.housing.violation"].with_user(cls.office)
        cls.my_violation = Violation.create(
            {"allocation_id": cls.mine.id, "kind": "lending"}
        )
        cls.their_violation = Violation.create(
            {"allocation_id": cls.theirs.id, "kind": "spare_bed"}
        )

    def test_residents_see_only_their_own_allocation(self):
        Allocation = self.env["hospital.housing.allocation"].with_user(self.requester)
        allocations = self.mine | self.theirs
        self.assertEqual(Allocation.search([("id", "in", allocations.ids)]), self.mine)
        with self.assertRaises(AccessError):
            self.theirs.with_user(self.requester).read(["bed_id"])

    def test_the_office_sees_every_allocation(self):
        Allocation = self.env["hospital.housing.allocation"].with_user(self.office)
        allocations = self.mine | self.theirs
        self.assertEqual(
            Allocation.search([("id", "in", allocations.ids)]), allocations
        )

    def test_residents_see_only_their_own_applications(self):
        Application = self.env["hospital.housing.application"].with_user(self.nurse_2)
        self.assertEqual(Application.search([]), self.theirs.application_id)
        with self.assertRaises(AccessError):
            self.mine.application_id.with_user(self.nurse_2).read(["reason"])

    def test_residents_see_only_their_own_violations(self):
        with self.assertRaises(AccessError):
            self.their_violation.with_user(self.requester).read(["amount"])
        self.assertEqual(self.my_violation.with_user(self.requester).amount, 100)

    def test_residents_do_not_write_allocations_or_fines(self):
        with self.assertRaises(AccessError):
            self.mine.with_user(self.requester).write({"note": "mine"})
        with self.assertRaises(AccessError):
            self.my_violation.with_user(self.requester).write({"amount": 100})
