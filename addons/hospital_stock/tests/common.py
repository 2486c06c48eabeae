import base64
from contextlib import contextmanager
from datetime import timedelta

from odoo import fields
from odoo.exceptions import UserError
from odoo.tests import new_test_user

from odoo.addons.hospital_logistics.tests.common import GROUP, HospitalLogisticsCase

# A 1x1 PNG: what the signature widget stores, minus the drawing.
SIGNATURE = base64.b64encode(
    bytes.fromhex(
        "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489"
        "0000000d49444154789c6360000002000001e221bc330000000049454e44ae426082"
    )
)


class HospitalStockCase(HospitalLogisticsCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        cls.keeper = new_test_user(
            cls.env, login="hs_keeper", groups=GROUP + "staff", name="Sun Hong"
        )
        cls.warehouse_stock = (
            cls.env["stock.warehouse"]
            .search([("company_id", "=", cls.company.id)], limit=1)
            .lot_stock_id
        )
        cls.ward_location = cls.ward.hospital_location_id
        cls.icu_location = cls.icu.hospital_location_id
        cls.cost_centre = cls.env["account.analytic.account"].create(
            {
                "name": "Cardiology cost centre",
                "plan_id": cls.env["account.analytic.plan"]
                .create({"name": "Cost centres"})
                .id,
            }
        )
        cls.ward.cost_center_id = cls.cost_centre
        Product = cls.env["product.product"]
        cls.gauze = Product.create(
            {"name": "Gauze", "is_storable": True, "standard_price": 2.0}
        )
        cls.syringe = Product.create(
            {
                "name": "Sterile syringe 5 ml",
                "is_storable": True,
                "tracking": "lot",
                "use_expiration_date": True,
                "hospital_sterile": True,
                "standard_price": 1.0,
            }
        )
        cls.pen = Product.create(
            {"name": "Ballpoint pen", "is_storable": True, "hospital_swap_old": True}
        )
        cls.monitor = Product.create(
            {
                "name": "Portable monitor",
                "is_storable": True,
                "hospital_important": True,
                "standard_price": 3000.0,
            }
        )
        now = fields.Datetime.now()
        Lot = cls.env["stock.lot"]
        cls.lot_good = Lot.create(
            {
                "name": "SY-GOOD",
                "product_id": cls.syringe.id,
                "expiration_date": now + timedelta(days=200),
            }
        )
        cls.lot_expired = Lot.create(
            {
                "name": "SY-OLD",
                "product_id": cls.syringe.id,
                "expiration_date": now - timedelta(days=1),
            }
        )
        # Opening stock comes in through real moves last month: the ledger
        # and the reconciliation read the books from the moves.
        inventory = cls.gauze.property_stock_inventory
        opening = [
            (cls.gauze, cls.warehouse_stock, 500, None),
            (cls.pen, cls.warehouse_stock, 50, None),
            (cls.syringe, cls.warehouse_stock, 30, cls.lot_expired),
            (cls.syringe, cls.warehouse_stock, 100, cls.lot_good),
            (cls.gauze, cls.ward_location, 40, None),
            (cls.monitor, cls.ward_location, 2, None),
            (cls.syringe, cls.ward_location, 20, cls.lot_good),
            (cls.gauze, cls.icu_location, 15, None),
        ]
        cls.env["stock.move"]._hospital_move_done(
            [
                {
                    "product_id": product.id,
                    "product_uom_qty": qty,
                    "location_id": inventory.id,
                    "location_dest_id": location.id,
                    "lot_id": lot and lot.id,
                    "origin": "Opening stock",
                }
                for product, location, qty, lot in opening
            ],
            date=now - timedelta(days=40),
        )

    def issue(self, lines, department=None):
        """Issue through an approved requisition: the only way into a ward."""
        requisition = (
            self.env["hospital.stock.requisition"]
            .with_user(self.head_nurse)
            .create(
                {
                    "department_id": (department or self.ward).id,
                    "line_ids": [
                        (0, 0, {"product_id": product.id, "quantity": qty})
                        for product, qty in lines
                    ],
                }
            )
        )
        requisition.action_submit()
        self.sign(requisition, "approver_signature", self.head_nurse)
        requisition.action_approve()
        for line in requisition.with_user(self.keeper).line_ids:
            line.qty_issued = line.quantity
        self.sign(requisition, "issuer_signature", self.keeper)
        requisition.with_user(self.keeper).action_issue()
        return requisition

    def sign(self, record, field, user):
        record.with_user(user).write({field: SIGNATURE})

    def on_hand(self, product, location, lot=None):
        return self.env["stock.quant"]._get_available_quantity(
            product, location, lot_id=lot, strict=bool(lot)
        )

    @contextmanager
    def assertRefused(self, records, fnames, exception=UserError):
        """The block is refused with ``exception`` (or a subclass) and leaves
        ``records`` exactly as they were, as far as ``fnames`` tell."""

        def snapshot():
            records.invalidate_recordset()
            return [
                {
                    name: sorted(value) if isinstance(value, list) else value
                    for name, value in row.items()
                }
                for row in records.sudo().read(fnames)
            ]

        before = snapshot()
        with self.assertRaises(exception):
            yield
        self.assertEqual(snapshot(), before)
