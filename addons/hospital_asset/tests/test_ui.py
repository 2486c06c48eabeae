from odoo.tests import HttpCase, tagged

from .common import HospitalAssetCase


@tagged("post_install", "-at_install")
class TestUi(HttpCase, HospitalAssetCase):
    def test_count_campaign_tour(self):
        count = self.env["hospital.asset.count"].create(
            {"kind": "department", "department_id": self.ward.id}
        )
        self.start_tour(
            f"/odoo/action-hospital_asset.hospital_asset_count_action/{count.id}",
            "hospital_asset_count",
            login="hl_manager",
        )
        self.assertEqual(count.state, "posted")
        line = count.line_ids.filtered(lambda line: line.equipment_id == self.pump)
        self.assertEqual(line.result, "found")
        self.assertEqual(count.missing_count, 2)
        self.assertEqual(
            self.env["hospital.asset.loss"].search_count(
                [("count_line_id.count_id", "=", count.id)]
            ),
            2,
        )

    def test_scrap_request_tour(self):
        self.start_tour(
            "/odoo/action-hospital_asset.hospital_asset_scrap_action/new",
            "hospital_asset_scrap",
            login="hl_head_nurse",
        )
        scrap = self.env["hospital.asset.scrap"].search(
            [("equipment_id", "=", self.pump.id)]
        )
        self.assertEqual(scrap.state, "submitted")
        self.assertEqual(scrap.department_id, self.ward)
        self.assertEqual(scrap.unit_value, 3800)
