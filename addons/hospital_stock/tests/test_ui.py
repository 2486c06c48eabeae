from odoo import fields
from odoo.tests import HttpCase, tagged

from .common import SIGNATURE


@tagged("post_install", "-at_install")
class TestUi(HttpCase):
    """The admin is head nurse of the tour ward and logistics staff: one login
    can then walk a document through every signature."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        admin = cls.env.ref("base.user_admin")
        cls.ward = cls.env["hr.department"].create(
            {"name": "Tour Ward", "hospital_kind": "ward", "head_nurse_id": admin.id}
        )
        cls.gauze = cls.env["product.product"].create(
            {"name": "Tour Gauze", "is_storable": True, "standard_price": 1.0}
        )
        warehouse = (
            cls.env["stock.warehouse"]
            .search([("company_id", "=", cls.env.company.id)], limit=1)
            .lot_stock_id
        )
        inventory = cls.gauze.property_stock_inventory
        cls.env["stock.move"]._hospital_move_done(
            [
                {
                    "product_id": cls.gauze.id,
                    "product_uom_qty": qty,
                    "location_id": inventory.id,
                    "location_dest_id": location.id,
                    "origin": "Tour opening stock",
                }
                for location, qty in (
                    (warehouse, 100),
                    (cls.ward.hospital_location_id, 40),
                )
            ]
        )

    def test_requisition_tour(self):
        self.start_tour(
            "/odoo/hospital-requisitions/new",
            "hospital_stock_requisition",
            login="admin",
        )
        requisition = self.env["hospital.stock.requisition"].search(
            [("department_id", "=", self.ward.id)]
        )
        self.assertEqual(requisition.state, "done")
        self.assertTrue(requisition.issuer_signature)

    def test_weekly_check_tour(self):
        self.start_tour(
            "/odoo/hospital-ward-checks/new",
            "hospital_stock_weekly_check",
            login="admin",
        )
        check = self.env["hospital.stock.check"].search(
            [("department_id", "=", self.ward.id)]
        )
        self.assertEqual(check.state, "done")
        self.assertEqual(check.difference_count, 1)

    def test_reconciliation_tour(self):
        check = self.env["hospital.stock.check"].create({"department_id": self.ward.id})
        check.line_ids.counted_qty = 37
        check.write({"custodian_signature": SIGNATURE})
        check.action_done()
        self.start_tour(
            "/odoo/hospital-reconciliations/new",
            "hospital_stock_reconciliation",
            login="admin",
        )
        rec = self.env["hospital.stock.reconciliation"].search(
            [("department_id", "=", self.ward.id)]
        )
        self.assertEqual(rec.state, "locked")
        self.assertEqual(rec.month, fields.Date.today().replace(day=1))
