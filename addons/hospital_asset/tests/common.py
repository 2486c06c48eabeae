from odoo import fields
from odoo.tests import new_test_user

from odoo.addons.hospital_logistics.tests.common import GROUP, HospitalLogisticsCase


class HospitalAssetCase(HospitalLogisticsCase):
    """A received delivery of equipment, a category of assets and a
    low-value one, rooms in the ward and the ICU, a deputy director."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        cls.company.write(
            {
                "hospital_asset_count_department_months": 6,
                "hospital_asset_count_hospital_months": 12,
                "hospital_asset_scrap_meeting_amount": 500,
            }
        )
        cls.deputy = new_test_user(
            cls.env, login="ha_deputy", groups=GROUP + "leadership", name="Gao Wen"
        )
        cls.company.hospital_asset_deputy_director_id = cls.deputy
        cls.keeper = new_test_user(
            cls.env, login="ha_keeper", groups=GROUP + "staff", name="Sun Hong"
        )
        Category = cls.env["maintenance.equipment.category"]
        cls.category = Category.create(
            {"name": "Medical devices", "hospital_asset_code": "YL"}
        )
        cls.low_value = Category.create(
            {"name": "Furniture (low value)", "hospital_low_value": True}
        )
        Room = cls.env["hospital.location"]
        cls.room_805 = Room.create(
            {"building": "A", "room": "805", "department_id": cls.ward.id}
        )
        cls.room_806 = Room.create(
            {"building": "A", "room": "806", "department_id": cls.ward.id}
        )
        cls.room_icu = Room.create(
            {"building": "B", "room": "ICU-1", "department_id": cls.icu.id}
        )
        cls.supplier = cls.env["res.partner"].create({"name": "Mindray Medical"})
        cls.receipt = cls._receipt()
        cls.pump = cls._asset("Infusion pump", 3800, cls.ward, cls.room_805)
        cls.monitor = cls._asset("Patient monitor", 12000, cls.ward, cls.room_806)
        cls.chair = cls._asset(
            "Bedside chair", 300, cls.ward, cls.room_805, category=cls.low_value
        )
        cls.ventilator = cls._asset("Ventilator", 150000, cls.icu, cls.room_icu)

    @classmethod
    def _receipt(cls):
        product = cls.env["product.product"].create(
            {"name": "Equipment delivery", "is_storable": True}
        )
        warehouse = cls.env["stock.warehouse"].search(
            [("company_id", "=", cls.company.id)], limit=1
        )
        supplier = warehouse.in_type_id.default_location_src_id
        picking = cls.env["stock.picking"].create(
            {
                "picking_type_id": warehouse.in_type_id.id,
                "partner_id": cls.env["res.partner"].create({"name": "Vendor"}).id,
                "move_ids": [
                    fields.Command.create(
                        {
                            "product_id": product.id,
                            "product_uom_qty": 4,
                            "location_id": supplier.id,
                            "location_dest_id": warehouse.lot_stock_id.id,
                        }
                    )
                ],
            }
        )
        picking.action_confirm()
        picking.move_ids.write({"quantity": 4, "picked": True})
        picking.button_validate()
        return picking

    @classmethod
    def _asset(cls, name, value, department, room, category=None, register=True):
        asset = cls.env["maintenance.equipment"].create(
            {
                "name": name,
                "category_id": (category or cls.category).id,
                "hospital_asset_value": value,
                "hospital_acquisition_date": fields.Date.today(),
                "department_id": department.id,
                "equipment_assign_to": "other",
                "hospital_location_id": room.id,
                "partner_id": cls.supplier.id,
                "hospital_receipt_id": cls.receipt.id,
            }
        )
        asset.action_hospital_to_register()
        if register:
            asset.with_user(cls.manager).action_hospital_register()
        return asset
