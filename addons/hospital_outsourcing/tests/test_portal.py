import re

from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestOutsourcingPortal(HttpCase):
    def test_vendor_pages_show_own_records_only(self):
        Partner = self.env["res.partner"]
        mine = Partner.create({"name": "Portal Mine Clean", "is_company": True})
        other = Partner.create({"name": "Portal Other Lift", "is_company": True})
        vendor = new_test_user(self.env, login="out_portal", groups="base.group_portal")
        vendor.partner_id.parent_id = mine
        Card = self.env["hospital.outsourcing.scorecard"].sudo()
        Inspection = self.env["hospital.outsourcing.inspection"].sudo()
        my_card, other_card = (
            Card._hospital_portal_fixture(mine),
            Card._hospital_portal_fixture(other),
        )
        my_insp = Inspection._hospital_portal_fixture(mine)
        other_insp = Inspection._hospital_portal_fixture(other)
        self.authenticate("out_portal", "out_portal")
        page = self.url_open("/my/outsourcing/scorecards").text
        self.assertIn(my_card.display_name, page)
        self.assertNotIn(other_card.display_name, page)
        self.assertIn(
            my_insp.display_name,
            self.url_open(f"/my/outsourcing/inspections/{my_insp.id}").text,
        )
        for url in (
            f"/my/outsourcing/inspections/{other_insp.id}",
            f"/my/outsourcing/scorecards/{other_card.id}",
            f"/my/outsourcing/agreements/{other_card.agreement_id.id}",
        ):
            response = self.url_open(url)
            self.assertEqual(response.status_code, 404, url)

    def test_vendor_staff_pages_and_renewal_upload(self):
        Partner = self.env["res.partner"]
        mine = Partner.create({"name": "Portal Mine Catering", "is_company": True})
        other = Partner.create({"name": "Portal Other Catering", "is_company": True})
        vendor = new_test_user(self.env, login="out_staff", groups="base.group_portal")
        vendor.partner_id.parent_id = mine
        Staff = self.env["hospital.outsourcing.staff"].sudo()
        my_worker = Staff._hospital_portal_fixture(mine)
        other_worker = Staff._hospital_portal_fixture(other)
        self.authenticate("out_staff", "out_staff")
        page = self.url_open("/my/outsourcing/staff").text
        self.assertIn(my_worker.name, page)
        self.assertIn("o_outsourcing_flagged", page, "the expired certificate shows")
        self.assertNotIn(other_worker.name, page)
        self.assertEqual(
            self.url_open(f"/my/outsourcing/staff/{other_worker.id}").status_code, 404
        )
        detail = self.url_open(f"/my/outsourcing/staff/{my_worker.id}").text
        self.assertIn("o_outsourcing_renewal_form", detail)
        health = self.env.ref("hospital_outsourcing.hospital_licence_type_health")
        csrf = re.search(r'name="csrf_token" value="([^"]+)"', detail).group(1)
        form = {
            "csrf_token": csrf,
            "number": "HC-PORTAL-1",
            "issue_date": "2026-11-30",
            "expiry_date": "2027-11-29",
        }
        files = {"scan": ("scan.pdf", b"%PDF-1.4 scan", "application/pdf")}
        # Another vendor's worker: not found, nothing uploaded.
        response = self.url_open(
            f"/my/outsourcing/staff/{other_worker.id}/renew/{health.id}",
            data=form,
            files=files,
        )
        self.assertEqual(response.status_code, 404)
        self.assertFalse(other_worker.renewal_ids)
        response = self.url_open(
            f"/my/outsourcing/staff/{my_worker.id}/renew/{health.id}",
            data=form,
            files=files,
        )
        self.assertEqual(response.status_code, 200)
        renewal = my_worker.renewal_ids
        self.assertEqual(renewal.number, "HC-PORTAL-1")
        self.assertEqual(renewal.state, "submitted")
        self.assertEqual(renewal.document_name, "scan.pdf")
        self.assertEqual(my_worker.certificate_state, "expired", "not validated")

    def test_vendor_accepts_ticket_naming_a_certified_worker_only(self):
        partner = self.env["res.partner"].create(
            {"name": "Portal Lift Co.", "is_company": True}
        )
        vendor = new_test_user(self.env, login="out_lift", groups="base.group_portal")
        vendor.partner_id.parent_id = partner
        agreement = self.env["hospital.outsourcing.agreement"]._hospital_portal_fixture(
            partner
        )
        health = self.env.ref("hospital_outsourcing.hospital_licence_type_health")
        agreement.licence_type_ids = health
        expired = self.env["hospital.outsourcing.staff"]._hospital_portal_fixture(
            partner
        )
        team = self.env["maintenance.team"].create({"name": "Portal team"})
        category = self.env["hospital.service.category"].create(
            {"name": "Portal lifts", "kind": "cleaning", "team_id": team.id}
        )
        location = self.env["hospital.location"].create(
            {"building": "Portal", "room": "101"}
        )
        ticket = self.env["maintenance.request"].create(
            {
                "name": "Portal lift stuck",
                "service_category_id": category.id,
                "location_id": location.id,
                "hospital_outsourcing_agreement_id": agreement.id,
            }
        )
        self.authenticate("out_lift", "out_lift")
        page = self.url_open("/my/outsourcing/tickets").text
        self.assertIn(expired.name, page, "the worker is offered")
        csrf = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
        response = self.url_open(
            f"/my/outsourcing/tickets/{ticket.id}/accept",
            data={"csrf_token": csrf, "staff_id": str(expired.id)},
        )
        self.assertIn("expired", response.text)
        self.assertFalse(ticket.hospital_vendor_accepted_at)
        self.assertFalse(ticket.hospital_vendor_staff_id)
