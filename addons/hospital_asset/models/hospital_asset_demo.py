import random
from datetime import timedelta

from odoo import api, fields, models

# (name, model, supplier, unit value, category key, warranty years)
ITEMS = {
    "monitor": ("多参数监护仪", "BeneView T5", "迈瑞医疗", 38000, "medical", 3),
    "pump": ("输液泵", "Infusomat Space", "贝朗医疗", 9800, "medical", 2),
    "syringe": ("注射泵", "BeneFusion SP5", "迈瑞医疗", 6500, "medical", 2),
    "ecg": ("心电图机", "ECG-2350", "光电医疗", 26000, "medical", 2),
    "defib": ("除颤仪", "HeartStart XL+", "飞利浦医疗", 68000, "medical", 3),
    "ventilator": ("呼吸机", "Savina 300", "德尔格医疗", 280000, "medical", 3),
    "icu_bed": ("ICU 电动病床", "A5 ICU", "八乐梦床业", 45000, "medical", 5),
    "bed_e": ("电动病床", "A5", "八乐梦床业", 12000, "medical", 5),
    "bed": ("手摇病床（三摇）", "SY-3", "八乐梦床业", 2800, "furniture", 3),
    "wheelchair": ("轮椅", "H062", "鱼跃医疗", 450, "low", 1),
    "cart": ("治疗车", "不锈钢三层", "鱼跃医疗", 380, "low", 1),
    "stretcher": ("转运平车", "YXZ-D", "鱼跃医疗", 3500, "medical", 2),
    "anaesthesia": ("麻醉机", "Fabius Plus", "德尔格医疗", 320000, "medical", 3),
    "or_table": ("电动手术床", "HyBase 6100", "迈瑞医疗", 180000, "medical", 3),
    "or_light": ("LED 无影灯", "HyLED 9700", "迈瑞医疗", 120000, "medical", 3),
    "esu": ("高频电刀", "Force FX", "柯惠医疗", 85000, "medical", 2),
    "chem": ("全自动生化分析仪", "BS-800", "迈瑞医疗", 650000, "medical", 3),
    "cbc": ("血细胞分析仪", "XN-1000", "希森美康", 380000, "medical", 3),
    "centrifuge": ("离心机", "TD5A", "湘仪离心机", 6800, "medical", 1),
    "fridge": ("医用冷藏箱", "HYC-360", "海尔生物医疗", 5600, "general", 2),
    "bsc": ("生物安全柜", "HR40-IIA2", "海尔生物医疗", 42000, "medical", 2),
    "ct": ("CT 机", "SOMATOM go.Top", "西门子医疗", 3800000, "medical", 5),
    "dr": ("DR 数字化 X 线摄影系统", "uDR 588i", "联影医疗", 980000, "medical", 5),
    "us": ("彩色多普勒超声诊断仪", "LOGIQ E10", "GE 医疗", 1250000, "medical", 5),
    "pc": ("台式电脑", "启天 M437", "联想", 4600, "office", 3),
    "printer": ("激光打印机", "LaserJet M403", "惠普", 1900, "office", 1),
    "copier": ("数码复印机", "MP 2555", "理光", 18000, "office", 2),
    "projector": ("投影仪", "CB-2247U", "爱普生", 6500, "office", 2),
    "ac": ("柜式空调 3 匹", "KFR-72LW", "格力电器", 7800, "general", 6),
    "safe": ("保险柜", "FDG-A1", "迪堡", 3200, "furniture", 2),
    "counter": ("点钞机", "JBYD-V9", "维融", 1200, "office", 1),
    "table": ("会议桌", "2.4 米", "圣奥家具", 4800, "furniture", 2),
    "locker": ("工具柜", "五层钢制", "圣奥家具", 800, "furniture", 1),
    "analyser": ("医用电气安全分析仪", "ESA615", "福禄克", 52000, "medical", 2),
    "nightstand": ("床头柜", "ABS 双面", "圣奥家具", 260, "low", 1),
}
# Each department's equipment: (item, number); the rooms it stands in.
DEPARTMENTS = {
    "dept_cardiology": (
        [("monitor", 6), ("pump", 10), ("syringe", 6), ("ecg", 1), ("bed_e", 4)]
        + [("bed", 20), ("wheelchair", 3), ("cart", 4), ("pc", 5), ("printer", 2)]
        + [("ac", 3)],
        ["806 病房", "807 病房", "808 病房", "治疗室"],
    ),
    "dept_surgery": (
        [("monitor", 5), ("pump", 8), ("syringe", 4), ("ecg", 1), ("bed_e", 4)]
        + [("bed", 22), ("wheelchair", 3), ("cart", 3), ("pc", 5), ("printer", 2)]
        + [("ac", 3), ("nightstand", 6)],
        ["610 病房", "611 病房", "护士站", "换药室"],
    ),
    "dept_icu": (
        [("ventilator", 6), ("monitor", 12), ("pump", 16), ("syringe", 12)]
        + [("defib", 2), ("icu_bed", 12), ("pc", 4), ("ac", 2)],
        ["ICU 1 床", "ICU 2 床", "ICU 护士站", "ICU 治疗室"],
    ),
    "dept_or": (
        [("anaesthesia", 3), ("or_table", 3), ("or_light", 3), ("esu", 3)]
        + [("monitor", 4), ("pc", 3), ("ac", 3)],
        ["1 号手术间", "3 号手术间", "麻醉准备间"],
    ),
    "dept_er": (
        [("monitor", 6), ("defib", 2), ("stretcher", 6), ("wheelchair", 6)]
        + [("pc", 4), ("ac", 2)],
        ["抢救室", "留观室", "分诊台"],
    ),
    "dept_lab": (
        [("chem", 1), ("cbc", 1), ("centrifuge", 3), ("fridge", 3), ("bsc", 1)]
        + [("pc", 5)],
        ["生化室", "临检室", "微生物室"],
    ),
    "dept_radiology": (
        [("ct", 1), ("dr", 1), ("us", 2), ("pc", 6), ("ac", 3)],
        ["CT 室", "DR 室", "超声室"],
    ),
    "dept_logistics": (
        [("pc", 6), ("copier", 1), ("ac", 2), ("locker", 2)],
        ["后勤办公室", "维修班"],
    ),
    "dept_equipment": ([("pc", 3), ("analyser", 1)], ["装备科办公室"]),
    "dept_president_office": (
        [("pc", 4), ("projector", 2), ("table", 1), ("ac", 2)],
        ["院长办公室", "第一会议室"],
    ),
    "dept_finance": (
        [("pc", 5), ("safe", 1), ("counter", 2), ("printer", 2)],
        ["财务科办公室", "收费处"],
    ),
}
BUILDINGS = {
    "dept_cardiology": ("住院部二号楼", "8F"),
    "dept_surgery": ("住院部二号楼", "6F"),
    "dept_icu": ("住院部一号楼", "3F"),
    "dept_or": ("住院部一号楼", "4F"),
    "dept_er": ("门急诊楼", "1F"),
    "dept_lab": ("医技楼", "2F"),
    "dept_radiology": ("医技楼", "1F"),
    "dept_logistics": ("后勤楼", "1F"),
    "dept_equipment": ("后勤楼", "2F"),
    "dept_president_office": ("行政楼", "3F"),
    "dept_finance": ("行政楼", "2F"),
}


class MaintenanceEquipment(models.Model):
    _inherit = "maintenance.equipment"

    @api.model
    def _hospital_demo_asset(self):
        """Demo data of the demo hospital: about 300 assets across its
        departments received and registered, a transfer, a posted ICU count
        with missing and surplus items and its loss report, a cardiology
        count under way, scrap requests at both approval levels and a scrap
        sale whose income finance recorded.  Run as the demo users who do
        each step."""
        ref = self.env.ref
        rng = random.Random(12)  # noqa: S311 - demo data, reproducible
        today = fields.Date.context_today(self)
        company = self.env.company
        users = {
            key: ref(f"hospital_logistics.user_{key}")
            for key in (
                "head_nurse",
                "head_nurse_icu",
                "warehouse_keeper",
                "technician",
                "manager",
                "leader",
                "finance",
            )
        }
        company.hospital_asset_deputy_director_id = users["leader"]
        Category = self.env["maintenance.equipment.category"]
        categories = {
            "medical": Category.create(
                {"name": "医疗设备", "hospital_asset_code": "YL"}
            ),
            "general": Category.create(
                {"name": "通用设备", "hospital_asset_code": "TY"}
            ),
            "office": Category.create(
                {"name": "办公设备", "hospital_asset_code": "BG"}
            ),
            "furniture": Category.create(
                {"name": "家具用具", "hospital_asset_code": "JJ"}
            ),
            "low": Category.create(
                {
                    "name": "低值易耗品",
                    "hospital_asset_code": "DZ",
                    "hospital_low_value": True,
                }
            ),
        }
        suppliers = {
            name: self.env["res.partner"].create(
                {"name": f"{name}（滨江）有限公司", "is_company": True}
            )
            for name in sorted({item[2] for item in ITEMS.values()})
        }
        receipt = self._hospital_demo_receipt(suppliers["迈瑞医疗"])
        vals_list, rooms = [], {}
        Room = self.env["hospital.location"]
        for dept_xmlid, (items, room_names) in DEPARTMENTS.items():
            department = ref(f"hospital_logistics.{dept_xmlid}")
            building, floor = BUILDINGS[dept_xmlid]
            rooms[dept_xmlid] = Room.create(
                [
                    {
                        "building": building,
                        "floor": floor,
                        "room": name,
                        "department_id": department.id,
                    }
                    for name in room_names
                ]
            )
            custodian = department.head_nurse_id.employee_ids[:1] or (
                department.manager_id
            )
            for key, number in items:
                name, model, supplier, value, category, warranty = ITEMS[key]
                for index in range(1, number + 1):
                    acquired = today - timedelta(days=rng.randint(60, 3600))
                    vals_list.append(
                        {
                            "name": f"{name} {department.hospital_code}-{index:02d}",
                            "model": model,
                            "serial_no": f"{key.upper()}-{rng.randint(10000, 99999)}",
                            "category_id": categories[category].id,
                            "partner_id": suppliers[supplier].id,
                            "hospital_asset_value": value,
                            "cost": value,
                            "hospital_acquisition_date": acquired,
                            "effective_date": acquired,
                            "warranty_date": acquired + timedelta(days=365 * warranty),
                            "department_id": department.id,
                            "employee_id": custodian.id,
                            "equipment_assign_to": "other",
                            "hospital_location_id": rng.choice(rooms[dept_xmlid]).id,
                            "hospital_receipt_id": receipt.id,
                            "hospital_asset_state": "draft",
                        }
                    )
        quiet = {"tracking_disable": True, "mail_create_nolog": True}
        assets = self.with_context(**quiet).create(vals_list)
        assets.with_user(users["manager"]).with_context(
            **quiet
        ).action_hospital_register()

        def of(dept_xmlid, key):
            department = ref(f"hospital_logistics.{dept_xmlid}")
            name = ITEMS[key][0]
            return assets.filtered(
                lambda a: a.department_id == department and a.name.startswith(name)
            )

        self._hospital_demo_transfer(users, of, rooms)
        self._hospital_demo_counts(users, of, rooms)
        self._hospital_demo_scraps(users, of, suppliers)
        return assets

    @api.model
    def _hospital_demo_receipt(self, supplier):
        product = self.env["product.product"].create(
            {"name": "医疗设备（固定资产入库）", "is_storable": True}
        )
        warehouse = self.env["stock.warehouse"].search(
            [("company_id", "=", self.env.company.id)], limit=1
        )
        vendors = warehouse.in_type_id.default_location_src_id
        picking = self.env["stock.picking"].create(
            {
                "picking_type_id": warehouse.in_type_id.id,
                "partner_id": supplier.id,
                "origin": "2026 年医疗设备集中采购",
                "move_ids": [
                    fields.Command.create(
                        {
                            "product_id": product.id,
                            "product_uom_qty": 300,
                            "location_id": vendors.id,
                            "location_dest_id": warehouse.lot_stock_id.id,
                        }
                    )
                ],
            }
        )
        picking.action_confirm()
        picking.move_ids.write({"quantity": 300, "picked": True})
        picking.button_validate()
        return picking

    @api.model
    def _hospital_demo_transfer(self, users, of, rooms):
        Transfer = self.env["hospital.asset.transfer"]
        pumps = of("dept_icu", "pump")[-2:]
        done = Transfer.with_user(users["head_nurse_icu"]).create(
            {
                "from_department_id": pumps.department_id.id,
                "to_department_id": self.env.ref(
                    "hospital_logistics.dept_cardiology"
                ).id,
                "equipment_ids": [fields.Command.set(pumps.ids)],
                "to_location_id": rooms["dept_cardiology"][0].id,
                "reason": "心内科床位扩编，ICU 调剂两台输液泵",
            }
        )
        done.action_submit()
        done.with_user(users["manager"]).action_approve()
        done.with_user(users["head_nurse_icu"]).action_acknowledge_release()
        done.with_user(users["head_nurse"]).action_acknowledge_receipt()
        wheelchairs = of("dept_er", "wheelchair")[:2]
        asked = Transfer.with_user(users["manager"]).create(
            {
                "from_department_id": wheelchairs.department_id.id,
                "to_department_id": self.env.ref("hospital_logistics.dept_surgery").id,
                "equipment_ids": [fields.Command.set(wheelchairs.ids)],
                "reason": "普外科术后患者转运需要，急诊科轮椅富余",
            }
        )
        asked.action_submit()

    @api.model
    def _hospital_demo_counts(self, users, of, rooms):
        """The ICU's half-yearly count, posted five months ago with two assets
        missing, one in the wrong room and two surplus items; the cardiology
        count under way today."""
        Count = self.env["hospital.asset.count"]
        today = fields.Date.context_today(self)
        icu = self.env.ref("hospital_logistics.dept_icu")
        count = Count.with_user(users["head_nurse_icu"]).create(
            {
                "kind": "department",
                "department_id": icu.id,
                "date": today - timedelta(days=150),
            }
        )
        count.action_start()
        missing = of("dept_icu", "syringe")[:2]
        moved = of("dept_icu", "monitor")[:1]
        for line in count.line_ids:
            if line.equipment_id in missing:
                continue
            if line.equipment_id in moved:
                line.found_location_id = (
                    rooms["dept_icu"] - line.expected_location_id
                )[:1]
                line.action_found()
                continue
            count.action_scan(line.equipment_id.qr_token)
        count.action_scan(of("dept_er", "monitor")[:1].qr_token)
        count.action_add_surplus("无标签注射泵（疑为捐赠）", rooms["dept_icu"][3])
        count.action_submit()
        count.with_user(users["manager"]).action_approve()
        count.with_user(users["finance"]).action_post()
        loss = self.env["hospital.asset.loss"].search(
            [("count_line_id.count_id", "=", count.id)], limit=1
        )
        loss.with_user(users["head_nurse_icu"]).write(
            {
                "cause": "夜班转运患者至 CT 室后未带回，调取监控未见去向",
                "circumstances": "最后见于 ICU 2 床，盘点前一周；"
                "护士长组织全科查找未果",
            }
        )
        loss.with_user(users["head_nurse_icu"]).action_submit()

        cardiology = self.env.ref("hospital_logistics.dept_cardiology")
        current = Count.with_user(users["head_nurse"]).create(
            {"kind": "department", "department_id": cardiology.id}
        )
        current.action_start()
        for line in current.line_ids[:40]:
            current.action_scan(line.equipment_id.qr_token)

    @api.model
    def _hospital_demo_scraps(self, users, of, suppliers):
        """A wheelchair (below 500 ¥, the deputy director's), a monitor (the
        president's office meeting's), both awaiting approval; an old computer
        scrapped and sold, its income recorded by finance."""
        Scrap = self.env["hospital.asset.scrap"]
        head_nurse, keeper = users["head_nurse"], users["warehouse_keeper"]
        wheelchair = Scrap.with_user(head_nurse).create(
            {
                "kind": "asset",
                "equipment_id": of("dept_cardiology", "wheelchair")[:1].id,
                "item_spec": "钢制折叠，带坐便",
                "reason": "车架焊点开裂、刹车失灵，已无法安全使用",
            }
        )
        wheelchair.action_submit()
        wheelchair.with_user(keeper).action_confirm_return()
        wheelchair.with_user(keeper).action_verify()

        monitor = Scrap.with_user(head_nurse).create(
            {
                "kind": "asset",
                "equipment_id": of("dept_cardiology", "monitor")[:1].id,
                "item_spec": "12.1 英寸，五参数",
                "reason": "主板反复故障，厂家已停产不再供应配件",
                "appraisal_required": True,
            }
        )
        monitor.action_submit()
        monitor.with_user(users["technician"]).write(
            {
                "appraisal": "医学装备科鉴定：主板损坏，维修费用约 2.6 万元，"
                "超过现值，无维修价值，同意报废",
                "appraiser_id": users["technician"].id,
            }
        )
        monitor.with_user(keeper).action_verify()

        computer = Scrap.with_user(head_nurse).create(
            {
                "kind": "asset",
                "equipment_id": of("dept_cardiology", "pc")[:1].id,
                "item_spec": "i5 / 8G / 1T",
                "reason": "使用超过 8 年，无法运行新版电子病历系统",
            }
        )
        computer.action_submit()
        computer.with_user(keeper).action_verify()
        leader = users["leader"]
        computer.with_user(leader).write(
            {
                "office_meeting_date": fields.Date.context_today(self),
                "office_meeting_minutes": "院长办公会 2026 年第 23 次会议：同意报废",
            }
        )
        computer.with_user(leader).action_approve()
        computer.with_user(keeper).action_scrap()
        computer.with_user(keeper).write(
            {
                "sale_buyer_id": self.env["res.partner"]
                .create({"name": "滨江市再生资源回收有限公司", "is_company": True})
                .id,
                "sale_amount": 120.0,
            }
        )
        computer.with_user(keeper).action_request_sale()
        computer.with_user(leader).action_approve_sale()
        computer.with_user(users["finance"]).write({"income_reference": "SR-2026-0412"})
        computer.with_user(users["finance"]).action_record_income()
