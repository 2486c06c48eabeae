from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestContractPortal(HttpCase):
    def test_vendor_lists_and_opens_its_own_contract_only(self):
        Contract = self.env["hospital.contract"].sudo()
        mine_partner = self.env["res.partner"].create(
            {"name": "Portal Mine Co.", "is_company": True}
        )
        other_partner = self.env["res.partner"].create(
            {"name": "Portal Other Co.", "is_company": True}
        )
        vendor = new_test_user(self.env, login="hc_portal", groups="base.group_portal")
        vendor.partner_id.parent_id = mine_partner
        mine = Contract._hospital_portal_fixture(mine_partner)
        other = Contract._hospital_portal_fixture(other_partner)
        draft = mine.copy({"title": "Secret draft"})
        self.authenticate("hc_portal", "hc_portal")
        page = self.url_open("/my/contracts").text
        self.assertIn(mine.title, page)
        self.assertNotIn(other.title, page)
        self.assertNotIn("Secret draft", page)
        self.assertIn(mine.title, self.url_open(f"/my/contracts/{mine.id}").text)
        for hidden in (other, draft):
            response = self.url_open(f"/my/contracts/{hidden.id}")
            self.assertNotIn(hidden.title, response.text)
