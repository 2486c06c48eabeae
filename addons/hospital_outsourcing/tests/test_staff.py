import base64
from contextlib import contextmanager
from datetime import timedelta

from odoo import Command, fields
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import new_test_user, tagged

from .common import OutsourcingCase

SCAN = base64.b64encode(b"%PDF-1.4 health certificate")


@tagged("post_install", "-at_install")
class TestOutsourcedStaff(OutsourcingCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.health = cls.env.ref("hospital_outsourcing.hospital_licence_type_health")
        cls.today = fields.Date.context_today(cls.env.user)
        cls.catering_template = cls.env["hospital.outsourcing.kpi.template"].create(
            {
                "name": "Catering KPIs",
                "service_type": "catering",
                "criterion_ids": [
                    Command.create(
                        {"name": "Quality", "source": "inspection", "weight": 100}
                    )
                ],
            }
        )
        cls.catering = cls.env["hospital.outsourcing.agreement"].create(
            {
                "title": "Staff canteen",
                "vendor_id": cls.vendor_company.id,
                "service_type": "catering",
                "date_start": "2026-01-01",
                "date_end": "2026-12-31",
                "kpi_template_id": cls.catering_template.id,
            }
        )
        cls.catering.with_user(cls.manager).action_activate()
        Staff = cls.env["hospital.outsourcing.staff"].with_user(cls.manager)
        cls.cook = Staff.create(
            {"name": "Cook Valid", "vendor_id": cls.vendor_company.id, "post": "cook"}
        )
        cls.expired_cook = Staff.create(
            {"name": "Cook Expired", "vendor_id": cls.vendor_company.id}
        )
        Licence = cls.env["hospital.licence"].with_user(cls.manager)
        Licence.create(
            {
                "name": "HC-1",
                "employee_id": cls.cook.employee_id.id,
                "licence_type_id": cls.health.id,
                "issue_date": cls.today - timedelta(days=30),
            }
        )
        cls.expired_licence = Licence.create(
            {
                "name": "HC-2",
                "employee_id": cls.expired_cook.employee_id.id,
                "licence_type_id": cls.health.id,
                "issue_date": cls.today - timedelta(days=400),
            }
        )

    @contextmanager
    def _refused(self, exception, pattern):
        """``assertRaisesRegex`` inside a savepoint, like Odoo's assertRaises:
        the refused write is rolled back as the RPC call would be."""
        with self.assertRaises(exception) as caught:
            yield
        self.assertRegex(str(caught.exception), pattern)

    def test_worker_is_a_contractor_employee(self):
        employee = self.cook.sudo().employee_id
        self.assertEqual(employee.employee_type, "contractor")
        self.assertEqual(employee.name, "Cook Valid")
        self.assertEqual(employee.job_title, "cook")

    def test_catering_requires_health_certificate(self):
        self.assertEqual(self.catering.licence_type_ids, self.health)
        self.assertFalse(self.agreement.licence_type_ids, "cleaning requires none")

    def test_expired_certificate_flagged_and_filtered(self):
        self.assertEqual(self.cook.certificate_state, "valid")
        self.assertEqual(self.expired_cook.certificate_state, "expired")
        self.assertIn("expired", self.expired_cook.certificate_problems)
        Staff = self.env["hospital.outsourcing.staff"].with_user(self.manager)
        flagged = Staff.search([("certificate_state", "in", ["expired", "missing"])])
        self.assertIn(self.expired_cook, flagged)
        self.assertNotIn(self.cook, flagged)

    def test_missing_certificate_flagged_once_staffed(self):
        newcomer = (
            self.env["hospital.outsourcing.staff"]
            .with_user(self.manager)
            .create({"name": "New Cleaner", "vendor_id": self.vendor_company.id})
        )
        newcomer.agreement_ids = self.agreement  # cleaning requires nothing
        self.assertEqual(newcomer.certificate_state, "valid")
        self.agreement.with_user(self.manager).licence_type_ids = self.health
        newcomer.invalidate_recordset()
        self.assertEqual(newcomer.certificate_state, "missing")

    def test_expired_certificate_blocks_agreement_staffing(self):
        self.cook.with_user(self.manager).agreement_ids = self.catering
        self.assertIn(self.cook, self.catering.staff_ids)
        with self._refused(UserError, "Cook Expired.*expired"):
            self.expired_cook.with_user(self.manager).agreement_ids = self.catering
        with self._refused(UserError, "expired"):
            self.catering.with_user(self.manager).staff_ids = [
                Command.link(self.expired_cook.id)
            ]
        self.assertNotIn(self.expired_cook, self.catering.staff_ids)

    def test_worker_of_another_vendor_refused(self):
        other = self.env["res.partner"].create({"name": "Other Co", "is_company": True})
        stranger = (
            self.env["hospital.outsourcing.staff"]
            .with_user(self.manager)
            .create({"name": "Stranger", "vendor_id": other.id})
        )
        with self.assertRaises(ValidationError):
            stranger.with_user(self.manager).agreement_ids = self.agreement
        with self.assertRaises(ValidationError):
            self.tickets[0].with_user(self.manager).hospital_vendor_staff_id = stranger

    def test_expired_certificate_blocks_ticket_assignment(self):
        ticket = self.tickets[2]
        ticket.hospital_outsourcing_agreement_id = self.catering
        ticket.with_user(self.manager).hospital_vendor_staff_id = self.cook
        with self._refused(UserError, "Cook Expired"):
            ticket.with_user(self.manager).hospital_vendor_staff_id = self.expired_cook
        self.assertEqual(ticket.hospital_vendor_staff_id, self.cook)

    def test_vendor_refused_sending_expired_worker(self):
        """The refused user: the vendor itself, accepting from the portal."""
        ticket = self.tickets[3]
        ticket.hospital_outsourcing_agreement_id = self.catering
        with self._refused(UserError, "expired"):
            ticket.with_user(self.vendor).action_vendor_accept(self.expired_cook.id)
        self.assertFalse(ticket.hospital_vendor_accepted_at)
        ticket.with_user(self.vendor).action_vendor_accept(self.cook.id)
        self.assertEqual(ticket.hospital_vendor_staff_id, self.cook)

    def test_reminder_for_an_outsourced_worker(self):
        self.env["hospital.licence"]._cron_hospital_refresh_states()
        activity = self.env["mail.activity"].search(
            [
                ("res_model", "=", "hospital.licence"),
                ("res_id", "=", self.expired_licence.id),
            ]
        )
        self.assertTrue(activity, "an expired certificate of a worker is reminded")

    def test_renewal_waits_for_verification(self):
        Renewal = self.env["hospital.outsourcing.licence.renewal"]
        worker = self.expired_cook.with_user(self.vendor)
        renewal = Renewal.with_user(self.vendor)._hospital_vendor_submit(
            worker,
            self.health,
            "HC-2-NEW",
            self.today,
            self.today + timedelta(days=365),
            SCAN,
        )
        self.assertEqual(renewal.state, "submitted")
        self.expired_cook.invalidate_recordset()
        self.assertEqual(self.expired_cook.certificate_state, "expired")
        with self.assertRaises(UserError):
            self.expired_cook.with_user(self.manager).agreement_ids = self.catering
        # The vendor cannot validate its own renewal, by button or by write.
        with self.assertRaises(UserError):
            renewal.with_user(self.vendor).action_verify()
        with self.assertRaises(AccessError):
            renewal.with_user(self.vendor).write({"state": "verified"})
        with self.assertRaises(UserError):
            renewal.with_user(self.manager).write({"state": "verified"})
        # Staff of the logistics department do not verify either.
        with self.assertRaises(UserError):
            renewal.with_user(self.technician).action_verify()
        renewal.with_user(self.manager).action_verify()
        self.assertEqual(renewal.state, "verified")
        told = renewal.message_ids.filtered(
            lambda m: self.vendor.partner_id in m.partner_ids
        )
        self.assertIn("verified", told.body, "the vendor hears the outcome")
        self.assertEqual(renewal.new_licence_id.name, "HC-2-NEW")
        self.assertTrue(renewal.new_licence_id.attachment_ids)
        self.assertFalse(self.expired_licence.active, "the old one is archived")
        self.expired_cook.invalidate_recordset()
        self.assertEqual(self.expired_cook.certificate_state, "valid")
        self.expired_cook.with_user(self.manager).agreement_ids = self.catering

    def test_renewal_refused_for_another_vendors_worker(self):
        other = self.env["res.partner"].create({"name": "Rival Co", "is_company": True})
        rival = new_test_user(
            self.env, login="rival_vendor", groups="base.group_portal"
        )
        rival.partner_id.parent_id = other
        with self._refused(UserError, "Only the worker's vendor"):
            self.env["hospital.outsourcing.licence.renewal"].with_user(
                rival
            )._hospital_vendor_submit(
                self.expired_cook,
                self.health,
                "FAKE",
                self.today,
                self.today + timedelta(days=365),
                SCAN,
            )
        Staff = self.env["hospital.outsourcing.staff"].with_user(rival)
        self.assertFalse(Staff.search([]))
        self.assertIn(self.cook, Staff.with_user(self.vendor).search([]))

    def test_renewal_bad_input(self):
        Renewal = self.env["hospital.outsourcing.licence.renewal"].with_user(
            self.vendor
        )
        for number, issue, expiry, scan in (
            ("", self.today, self.today + timedelta(days=9), SCAN),
            ("N1", self.today, self.today - timedelta(days=9), SCAN),
            ("N1", "not a date", self.today, SCAN),
            ("N1", self.today, self.today + timedelta(days=9), False),
        ):
            with self.assertRaises(ValidationError):
                Renewal._hospital_vendor_submit(
                    self.expired_cook, self.health, number, issue, expiry, scan
                )
        self.assertFalse(self.expired_cook.renewal_ids)

    def test_reject_needs_a_reason(self):
        renewal = self.env[
            "hospital.outsourcing.licence.renewal"
        ]._hospital_portal_fixture(self.vendor_company)
        with self.assertRaises(UserError):
            renewal.with_user(self.manager).action_reject()
        renewal.with_user(self.manager).reject_reason = "Blurred scan"
        renewal.with_user(self.manager).action_reject()
        self.assertEqual(renewal.state, "rejected")

    def test_overlong_name_refused_cleanly(self):
        Staff = self.env["hospital.outsourcing.staff"].with_user(self.manager)
        with self.assertRaises(ValidationError):
            Staff.create({"name": "x" * 500, "vendor_id": self.vendor_company.id})
        with self.assertRaises(ValidationError):
            self.cook.with_user(self.manager).post = "y" * 500

    def test_agreement_counts_and_lists_its_uncertified_staff(self):
        self.cook.with_user(self.manager).agreement_ids = self.catering
        self.assertEqual(self.catering.staff_flagged_count, 0)
        # The certificate expires while the cook is on site: flagged, kept.
        self.cook.licence_ids.write({"issue_date": self.today - timedelta(days=400)})
        self.catering.invalidate_recordset(["staff_flagged_count"])
        self.assertEqual(self.catering.staff_flagged_count, 1)
        action = self.catering.with_user(self.manager).action_view_staff()
        staff = self.env["hospital.outsourcing.staff"].search(action["domain"])
        self.assertEqual(staff, self.cook)
        history = self.catering.with_user(self.manager).action_view_score_history()
        self.assertEqual(history["views"][0][1], "graph")
        self.assertIn(("vendor_id", "=", self.vendor_company.id), history["domain"])
