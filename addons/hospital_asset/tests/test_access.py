from odoo.exceptions import AccessError
from odoo.tests import new_test_user

from odoo.addons.hospital_logistics.tests.common import GROUP

from .common import HospitalAssetCase


class TestAccess(HospitalAssetCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.icu_keeper = new_test_user(
            cls.env, login="ha_icu_keeper", groups=GROUP + "ward_custodian"
        )
        cls.icu.keeper_id = cls.icu_keeper
        cls.count = (
            cls.env["hospital.asset.count"]
            .with_user(cls.head_nurse)
            .create({"kind": "department", "department_id": cls.ward.id})
        )
        cls.scrap = (
            cls.env["hospital.asset.scrap"]
            .with_user(cls.head_nurse)
            .create({"equipment_id": cls.pump.id, "reason": "Broken"})
        )

    def test_other_department_sees_none_of_the_ward(self):
        for record in (self.pump, self.count, self.scrap):
            with self.assertRaises(AccessError):
                record.with_user(self.icu_keeper).read(["display_name"])

    def test_department_counts_its_own_assets(self):
        self.count.action_start()
        lines = self.count.line_ids.with_user(self.head_nurse)
        lines.read(["result"])
        with self.assertRaises(AccessError):
            self.count.line_ids.with_user(self.icu_keeper).read(["result"])

    def test_asset_accountant_sees_all(self):
        self.count.action_start()
        assets = self.env["maintenance.equipment"].with_user(self.finance)
        found = assets.search([("hospital_asset_state", "=", "in_use")])
        self.assertTrue(self.ventilator | self.pump <= found)
        self.scrap.with_user(self.finance).read(["unit_value"])
        self.count.line_ids.with_user(self.finance).read(["result"])

    def test_asset_accountant_does_not_edit_the_register(self):
        with self.assertRaises(AccessError):
            self.pump.with_user(self.finance).write({"name": "x"})
