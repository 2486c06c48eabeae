import io

from odoo import fields
from odoo.exceptions import UserError
from odoo.tools.pdf import PdfFileReader

from .common import HospitalAssetCase


class TestScrap(HospitalAssetCase):
    def _scrap(self, asset, **vals):
        return (
            self.env["hospital.asset.scrap"]
            .with_user(self.head_nurse)
            .create(
                {
                    "kind": "asset",
                    "equipment_id": asset.id,
                    "reason": "Beyond economical repair",
                    **vals,
                }
            )
        )

    def _to_approval(self, scrap):
        scrap.action_submit()
        if scrap.low_value:
            scrap.with_user(self.keeper).action_confirm_return()
        scrap.with_user(self.keeper).action_verify()
        self.assertEqual(scrap.state, "approval")

    def test_request_carries_the_asset_data(self):
        scrap = self._scrap(self.pump)
        self.assertEqual(scrap.item_name, "Infusion pump")
        self.assertEqual(scrap.unit_value, 3800)
        self.assertEqual(scrap.department_id, self.ward)

    def test_from_500_the_office_meeting_approves(self):
        scrap = self._scrap(self.pump)
        self._to_approval(scrap)
        self.assertTrue(scrap.needs_office_meeting)
        self.assertEqual(
            scrap.review_ids.definition_id,
            self.env.ref("hospital_asset.tier_definition_scrap_meeting"),
        )
        with self.assertRaisesRegex(UserError, "office meeting"):
            scrap.with_user(self.leader).action_approve()
        scrap.with_user(self.leader).write(
            {
                "office_meeting_date": fields.Date.today(),
                "office_meeting_minutes": "院长办公会 2026 第 12 次: 同意报废",
            }
        )
        scrap.with_user(self.leader).action_approve()
        self.assertEqual(scrap.state, "approved")
        self.assertEqual(len(scrap.review_ids), 1)
        scrap.with_user(self.keeper).action_scrap()
        self.assertEqual(self.pump.hospital_asset_state, "scrapped")
        self.assertTrue(self.pump.scrap_date)
        # back at the warehouse's scrap location, handed to the keeper
        self.assertEqual(self.pump.hospital_scrap_location_id.usage, "inventory")
        self.assertEqual(self.pump.hospital_scrap_location_id, scrap.scrap_location_id)
        self.assertFalse(self.pump.hospital_location_id)
        self.assertEqual(scrap.returned_by_id, self.keeper)

    def test_below_500_the_deputy_director_approves(self):
        scrap = self._scrap(self.chair)
        self._to_approval(scrap)
        self.assertFalse(scrap.needs_office_meeting)
        self.assertEqual(
            scrap.review_ids.definition_id,
            self.env.ref("hospital_asset.tier_definition_scrap_deputy"),
        )
        with self.assertRaisesRegex(UserError, "deputy director"):
            scrap.with_user(self.leader).action_approve()
        scrap.with_user(self.deputy).action_approve()
        self.assertEqual(scrap.state, "approved")

    def test_the_level_follows_the_setting(self):
        self.company.hospital_asset_scrap_meeting_amount = 5000
        scrap = self._scrap(self.pump)
        self._to_approval(scrap)
        self.assertEqual(
            scrap.review_ids.definition_id,
            self.env.ref("hospital_asset.tier_definition_scrap_deputy"),
        )

    def test_scrapping_a_scrapped_asset_is_refused(self):
        self.pump.sudo()._hospital_set_asset_state("scrapped")
        scrap = self._scrap(self.pump)
        with self.assertRaisesRegex(UserError, "already scrapped"):
            scrap.action_submit()

    def test_one_open_request_per_asset(self):
        self._scrap(self.pump).action_submit()
        with self.assertRaisesRegex(UserError, "open scrap request"):
            self._scrap(self.pump).action_submit()

    def test_low_value_item_only_against_the_returned_item(self):
        scrap = self._scrap(self.chair)
        scrap.action_submit()
        with self.assertRaisesRegex(UserError, "returned item"):
            scrap.with_user(self.keeper).action_verify()
        scrap.with_user(self.keeper).action_confirm_return()
        scrap.with_user(self.keeper).action_verify()
        self.assertEqual(scrap.state, "approval")

    def test_appraisal_when_needed(self):
        scrap = self._scrap(self.monitor, appraisal_required=True)
        scrap.action_submit()
        with self.assertRaisesRegex(UserError, "technical appraisal"):
            scrap.with_user(self.keeper).action_verify()

    def test_stock_item_goes_to_the_scrap_location(self):
        product = self.env["product.product"].create(
            {"name": "Blood pressure cuff", "is_storable": True, "standard_price": 80}
        )
        location = self.ward.hospital_location_id
        self.env["stock.quant"]._update_available_quantity(product, location, 5)
        scrap = (
            self.env["hospital.asset.scrap"]
            .with_user(self.head_nurse)
            .create(
                {
                    "kind": "stock",
                    "department_id": self.ward.id,
                    "product_id": product.id,
                    "location_id": location.id,
                    "quantity": 2,
                    "reason": "Torn",
                }
            )
        )
        self.assertTrue(scrap.low_value)
        self.assertEqual(scrap.amount_total, 160)
        self._to_approval(scrap)
        scrap.with_user(self.deputy).action_approve()
        scrap.with_user(self.keeper).action_scrap()
        self.assertEqual(scrap.stock_scrap_id.state, "done")
        self.assertEqual(product.with_context(location=location.id).qty_available, 3)
        self.assertEqual(
            scrap.stock_scrap_id.move_ids.location_dest_id, scrap.scrap_location_id
        )

    def test_sale_of_scrap_is_approved_and_its_income_recorded(self):
        scrap = self._scrap(self.chair)
        self._to_approval(scrap)
        scrap.with_user(self.deputy).action_approve()
        scrap.with_user(self.keeper).action_scrap()
        buyer = self.env["res.partner"].create({"name": "滨江再生资源公司"})
        scrap.with_user(self.keeper).write({"sale_buyer_id": buyer.id})
        scrap.with_user(self.keeper).action_request_sale()
        with self.assertRaisesRegex(UserError, "leadership"):
            scrap.with_user(self.keeper).action_approve_sale()
        scrap.with_user(self.leader).action_approve_sale()
        with self.assertRaisesRegex(UserError, "Finance"):
            scrap.with_user(self.keeper).action_record_income()
        scrap.with_user(self.finance).write(
            {"sale_amount": 20, "income_reference": "SJ-2026-031"}
        )
        scrap.with_user(self.finance).action_record_income()
        self.assertEqual(scrap.sale_state, "recorded")
        self.assertEqual(scrap.income_recorded_by_id, self.finance)

    def test_three_copy_form_prints(self):
        scrap = self._scrap(self.pump, item_spec="Volumetric, 0.1–1200 ml/h")
        self._to_approval(scrap)
        html = (
            self.env["ir.actions.report"]
            ._render_qweb_html("hospital_asset.report_scrap_form", scrap.ids)[0]
            .decode()
        )
        for copy in ("Copy 1 of 3", "Copy 2 of 3", "Copy 3 of 3"):
            self.assertEqual(html.count(copy), 1)
        self.assertEqual(html.count("o_hospital_signatures"), 3)
        for text in ("Infusion pump", "Volumetric", "Beyond economical repair"):
            self.assertIn(text, html)
        self.assertIn(self.pump.hospital_asset_number, html)
        self.assertIn("office meeting (院长办公会)", html)
        pdf, kind = (
            self.env["ir.actions.report"]
            .with_context(force_report_rendering=True)
            ._render_qweb_pdf("hospital_asset.report_scrap_form", scrap.ids)
        )
        self.assertEqual(kind, "pdf")
        reader = PdfFileReader(io.BytesIO(pdf))
        self.assertEqual(reader.getNumPages(), 3)
        # The Chinese of the form is drawn with a CJK font, not as empty boxes.
        text = reader.getPage(0).extractText()
        self.assertIn("报废申请单", text)
