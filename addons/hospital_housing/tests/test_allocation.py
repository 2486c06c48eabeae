from datetime import timedelta

from psycopg2 import IntegrityError

from odoo.exceptions import UserError, ValidationError
from odoo.tools import mute_logger

from .common import HospitalHousingCase


class TestAllocation(HospitalHousingCase):
    def test_approval_registers_the_allocation(self):
        application = self._apply(self.resident, self.bed_a)
        self.assertFalse(self.bed_a.is_occupied)
        application.with_user(self.office).action_approve()
        allocation = application.new_allocation_id
        self.assertEqual(application.state, "approved")
        self.assertEqual(application.approved_by_id, self.office)
        self.assertEqual(allocation.bed_id, self.bed_a)
        self.assertEqual(allocation.employee_id, self.resident)
        self.bed_a.invalidate_recordset()
        self.assertTrue(self.bed_a.is_occupied)
        self.assertEqual(self.bed_a.resident_id, self.resident)

    def test_only_the_office_approves(self):
        application = self._apply(self.resident, self.bed_a)
        with self.assertRaisesRegex(UserError, "dormitory office"):
            application.with_user(self.requester).action_approve()
        self.assertEqual(application.state, "submitted")

    def test_only_the_office_chooses_the_bed(self):
        application = self._apply(self.resident, self.bed_a)
        with self.assertRaisesRegex(UserError, "office assigns the bed"):
            application.with_user(self.requester).bed_id = self.bed_b

    def test_two_residents_on_one_bed_are_refused(self):
        self._house(self.resident, self.bed_a)
        application = self._apply(self.resident_2, self.bed_a)
        with self.assertRaisesRegex(UserError, "never share a bed"):
            application.with_user(self.office).action_approve()
        self.assertEqual(application.state, "submitted")
        self.assertFalse(application.new_allocation_id)

    def test_the_database_refuses_a_shared_bed(self):
        """Two offices approving at the same moment both pass the check in
        Python: the exclusion constraint still refuses the second bed."""
        self._house(self.resident, self.bed_a)
        with mute_logger("odoo.sql_db"), self.assertRaises(IntegrityError):
            with self.env.cr.savepoint():
                self.env["hospital.housing.allocation"].create(
                    {
                        "employee_id": self.resident_2.id,
                        "bed_id": self.bed_a.id,
                        "date_start": self.today + timedelta(days=3),
                    }
                )

    def test_the_database_refuses_a_resident_on_two_beds(self):
        self._house(self.resident, self.bed_a)
        with mute_logger("odoo.sql_db"), self.assertRaises(IntegrityError):
            with self.env.cr.savepoint():
                self.env["hospital.housing.allocation"].create(
                    {
                        "employee_id": self.resident.id,
                        "bed_id": self.bed_c.id,
                        "date_start": self.today,
                    }
                )

    def test_a_bed_is_reused_after_moving_out(self):
        first = self._house(self.resident, self.bed_a, self.today - timedelta(days=30))
        first.with_user(self.office).action_move_out()
        self.assertEqual(first.state, "ended")
        self.assertEqual(first.date_end, self.today - timedelta(days=1))
        second = self._house(self.resident_2, self.bed_a)
        self.assertEqual(self.bed_a.allocation_ids, first | second)

    def test_an_allocation_cannot_end_before_it_starts(self):
        allocation = self._house(self.resident, self.bed_a)
        with self.assertRaisesRegex(ValidationError, "cannot end"):
            allocation.with_user(self.office).date_end = self.today - timedelta(days=1)
        with mute_logger("odoo.sql_db"), self.assertRaises(IntegrityError):
            with self.env.cr.savepoint():
                self.env.cr.execute(
                    "UPDATE hospital_housing_allocation SET date_end = %s "
                    "WHERE id = %s",
                    (self.today - timedelta(days=1), allocation.id),
                )

    def test_moves_only_by_approved_transfer(self):
        allocation = self._house(self.resident, self.bed_a)
        with self.assertRaisesRegex(UserError, "buttons"):
            allocation.with_user(self.office).bed_id = self.bed_c
        transfer = self._apply(
            self.resident,
            self.bed_c,
            kind="transfer",
            date_start=self.today + timedelta(days=7),
        )
        self.assertEqual(transfer.allocation_id, allocation)
        transfer.with_user(self.office).action_approve()
        self.assertEqual(allocation.state, "ended")
        self.assertEqual(allocation.date_end, self.today + timedelta(days=6))
        new = transfer.new_allocation_id
        self.assertEqual(new.bed_id, self.bed_c)
        self.assertEqual(new.date_start, self.today + timedelta(days=7))

    def test_a_transfer_needs_a_bed_to_leave(self):
        application = (
            self.env["hospital.housing.application"]
            .with_user(self.requester)
            .create({"kind": "transfer", "employee_id": self.resident.id})
        )
        with self.assertRaisesRegex(UserError, "no bed to transfer from"):
            application.action_submit()

    def test_the_office_assigns_a_free_bed(self):
        action = self.bed_b.with_user(self.office).action_assign()
        application = (
            self.env["hospital.housing.application"]
            .with_user(self.office)
            .with_context(**action["context"])
            .create({"employee_id": self.resident_3.id})
        )
        application.action_approve()
        self.assertEqual(application.new_allocation_id.bed_id, self.bed_b)

    def test_occupancy_per_building(self):
        self._house(self.resident, self.bed_a)
        self._house(self.resident_2, self.bed_c)
        buildings = self.building | self.building_2
        buildings.invalidate_recordset()
        with self.assertQueryCount(2):
            counts = [(b.bed_count, b.occupied_count, b.free_count) for b in buildings]
        self.assertEqual(counts, [(2, 1, 1), (1, 1, 0)])
        self.assertEqual(self.building.occupancy_rate, 50.0)
        free = self.env["hospital.housing.bed"].search(
            [("is_occupied", "=", False), ("building_id", "in", buildings.ids)]
        )
        self.assertEqual(free, self.bed_b)
