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
