from odoo.exceptions import AccessError

from .common import HospitalLogisticsCase


class TestAccess(HospitalLogisticsCase):
    def _visible_menus(self, user):
        return self.env["ir.ui.menu"].with_user(user)._visible_menu_ids()

    def test_requester_refused_configuration(self):
        config = self.env.ref("hospital_logistics.hospital_logistics_menu_config")
        root = self.env.ref("hospital_logistics.hospital_logistics_menu_root")
        self.assertIn(root.id, self._visible_menus(self.requester))
        self.assertNotIn(config.id, self._visible_menus(self.requester))
        self.assertIn(config.id, self._visible_menus(self.manager))

    def test_requester_refused_settings_page(self):
        with self.assertRaises(AccessError):
            self.env["res.config.settings"].with_user(self.requester).create({})

    def test_requester_refused_approval_tiers(self):
        with self.assertRaises(AccessError):
            self.env["tier.definition"].with_user(self.requester).create(
                {
                    "name": "Bypass",
                    "model_id": self.env.ref("base.model_res_company").id,
                }
            )

    def test_requester_refused_department_custody(self):
        with self.assertRaises(AccessError):
            self.ward.with_user(self.requester).write(
                {"head_nurse_id": self.requester.id}
            )
        self.assertEqual(self.ward.head_nurse_id, self.head_nurse)

    def test_manager_maintains_departments(self):
        self.ward.with_user(self.manager).write({"keeper_id": self.head_nurse.id})
        self.assertEqual(self.ward.keeper_id, self.head_nurse)

    def test_vendor_refused_backend(self):
        with self.assertRaises(AccessError):
            self._visible_menus(self.vendor)
        with self.assertRaises(AccessError):
            self.env["hr.department"].with_user(self.vendor).search([])
        with self.assertRaises(AccessError):
            self.company.with_user(self.vendor).write({"name": "Vendor Co."})

    def test_finance_sees_reporting_not_configuration(self):
        reporting = self.env.ref("hospital_logistics.hospital_logistics_menu_reporting")
        config = self.env.ref("hospital_logistics.hospital_logistics_menu_config")
        menus = self._visible_menus(self.finance)
        self.assertNotIn(config.id, menus)
        # Reporting has no entries of its own yet: Odoo hides empty menus.
        self.assertTrue(reporting.group_ids & self.finance.all_group_ids)
