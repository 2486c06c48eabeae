import base64
from datetime import timedelta

from odoo import api, fields, models


class HospitalPurchaseConsolidation(models.Model):
    _inherit = "hospital.purchase.consolidation"

    @api.model
    def _hospital_demo_purchase(self):
        """Demo data: this month's plans of three departments consolidated and
        approved, budgets partly used, one tender failed for too few bids and
        two awarded (one of them on the consolidated monitors of two
        departments, split between their budgets), a works order with its
        estimate.  Run by the demo file as the demo users who do each step."""
        ref = self.env.ref
        head_nurse = ref("hospital_logistics.user_head_nurse")
        warehouse = ref("hospital_logistics.user_warehouse_keeper")
        manager = ref("hospital_logistics.user_manager")
        leader = ref("hospital_logistics.user_leader")
        gloves = ref("hospital_purchase.product_demo_gloves")
        masks = ref("hospital_purchase.product_demo_masks")
        syringes = ref("hospital_purchase.product_demo_syringes")
        ct_room = ref("hospital_purchase.product_demo_ct_room")
        monitor = ref("hospital_purchase.product_demo_monitor")
        consumables = ref("hospital_purchase.product_category_demo_consumables")
        equipment = ref("hospital_purchase.product_category_demo_equipment")
        month = fields.Date.context_today(self).replace(day=1)
        departments = {
            "cardiology": ref("hospital_logistics.dept_cardiology"),
            "surgery": ref("hospital_logistics.dept_surgery"),
            "icu": ref("hospital_logistics.dept_icu"),
        }
        Budget = self.env["hospital.purchase.budget"]
        for key, amount, equipment_amount in (
            ("cardiology", 60000, 90000),
            ("surgery", 80000, 0),
            ("icu", 50000, 120000),
        ):
            lines = [
                ("医用耗材", amount * 0.8, consumables),
                ("医疗设备", equipment_amount, equipment),
                ("其他", amount * 0.2, self.env["product.category"]),
            ]
            budget = Budget.create(
                {
                    "department_id": departments[key].id,
                    "year": month.year,
                    "line_ids": [
                        (
                            0,
                            0,
                            {
                                "name": name,
                                "amount": line_amount,
                                "product_category_id": category.id,
                            },
                        )
                        for name, line_amount, category in lines
                        if line_amount
                    ],
                }
            )
            budget.with_user(leader).action_approve()
        Request = self.env["purchase.request"]
        plans = Request
        for key, lines in (
            (
                "cardiology",
                [
                    (gloves, 2000, 0.8, "GB 10213"),
                    (masks, 3000, 0.5, "YY 0469"),
                    (monitor, 3, 26000, "YY 0668，NMPA 二类注册证"),
                ],
            ),
            (
                "surgery",
                [(gloves, 5000, 0.8, "GB 10213"), (syringes, 4000, 0.6, "GB 15810")],
            ),
            (
                "icu",
                [
                    (masks, 6000, 0.5, "YY 0469"),
                    (syringes, 3000, 0.6, "GB 15810"),
                    (monitor, 4, 26000, "YY 0668，NMPA 二类注册证"),
                ],
            ),
        ):
            plans |= Request.create(
                {
                    "hospital_kind": "plan",
                    "hospital_department_id": departments[key].id,
                    "hospital_month": month,
                    "requested_by": head_nurse.id,
                    "line_ids": [
                        (
                            0,
                            0,
                            {
                                "product_id": product.id,
                                "product_qty": qty,
                                "hospital_price_unit": price,
                                "hospital_quality": quality,
                                "specifications": (
                                    "12.1 英寸触摸屏，含心电、血氧、无创血压模块"
                                    if product == monitor
                                    else "中号，独立包装"
                                ),
                            },
                        )
                        for product, qty, price, quality in lines
                    ],
                }
            )
        plans.button_to_approve()
        consolidation = self.with_user(warehouse).create(
            {"name": f"{month:%Y-%m} 采购计划汇总", "month": month}
        )
        consolidation.action_consolidate()
        consolidation.action_submit()
        consolidation.with_user(leader).action_approve()
        vendors = self.env["res.partner"].create(
            [
                {"name": name, "is_company": True}
                for name in (
                    "滨江医疗器械有限公司",
                    "浙东医用耗材有限公司",
                    "华康医药物流有限公司",
                    "江南建设工程有限公司",
                    "恒安建筑装饰有限公司",
                    "杭州康泰医疗设备有限公司",
                    "浙江华佑医疗科技有限公司",
                )
            ]
        )
        order = self.env["purchase.order"].create(
            {
                "partner_id": vendors[0].id,
                "hospital_department_id": departments["cardiology"].id,
                "order_line": [
                    (
                        0,
                        0,
                        {
                            "product_id": gloves.id,
                            "product_qty": 2000,
                            "price_unit": 0.75,
                        },
                    )
                ],
            }
        )
        order.button_confirm()
        self.env["purchase.order"].create(
            {
                "partner_id": vendors[1].id,
                "hospital_department_id": departments["surgery"].id,
                "order_line": [
                    (
                        0,
                        0,
                        {
                            "product_id": syringes.id,
                            "product_qty": 4000,
                            "price_unit": 0.58,
                        },
                    )
                ],
            }
        ).button_confirm()
        Tender = self.env["hospital.purchase.tender"]
        criteria = [
            (0, 0, {"name": "价格", "weight": 50}),
            (0, 0, {"name": "技术方案", "weight": 30}),
            (0, 0, {"name": "资质与业绩", "weight": 20}),
        ]
        opening = fields.Datetime.now() + timedelta(days=1)
        failed = Tender.create(
            {
                "title": "住院楼电梯维保服务",
                "method": "tender",
                "estimated_amount": 180000,
                "opening_date": opening,
                "criterion_ids": criteria,
            }
        )
        awarded = Tender.create(
            {
                "title": "CT 机房改造工程",
                "method": "tender",
                "estimated_amount": 320000,
                "opening_date": opening,
                "product_id": ct_room.id,
                "quantity": 1,
                "criterion_ids": criteria,
                "member_ids": [
                    (0, 0, {"user_id": manager.id, "role": "chair"}),
                    (0, 0, {"user_id": warehouse.id, "role": "member"}),
                ],
            }
        )
        # The monitors the cardiology and the ICU plan (7 × ¥26,000) are
        # consolidated above the tender threshold: purchasing calls a tender
        # on them, whose award each department's budget pays its share of.
        monitor_line = consolidation.line_ids.filtered(
            lambda ln: ln.product_id == monitor
        )
        monitor_line.with_user(manager).action_make_tender()
        monitors = monitor_line.tender_id
        monitors.with_user(manager).write(
            {
                "title": "多参数监护仪采购（心内科、ICU）",
                "opening_date": opening,
                "criterion_ids": criteria,
                "member_ids": [
                    (0, 0, {"user_id": manager.id, "role": "chair"}),
                    (0, 0, {"user_id": warehouse.id, "role": "member"}),
                ],
            }
        )
        (failed | awarded | monitors).action_publish()
        for tender, bidders, product, qty, price in (
            (failed, vendors[3:5], ct_room, 1, failed.estimated_amount),
            (awarded, vendors[:5] - vendors[2:3], ct_room, 1, 320000),
            (monitors, vendors[5:7] | vendors[:2], monitor, 7, 25000),
        ):
            for i, bidder in enumerate(bidders):
                self.env["purchase.order"].create(
                    {
                        "partner_id": bidder.id,
                        "hospital_tender_id": tender.id,
                        "order_line": [
                            (
                                0,
                                0,
                                {
                                    "product_id": product.id,
                                    "product_qty": qty,
                                    "price_unit": price * (0.92 + 0.03 * i),
                                },
                            )
                        ],
                    }
                )
        (failed | awarded | monitors)._hospital_transition().write(
            {"opening_date": fields.Datetime.now() - timedelta(minutes=5)}
        )
        (failed | awarded | monitors).action_open_bids()
        failed.action_fail()
        (awarded | monitors)._hospital_transition().write(
            {
                "opening_minutes": "<p>开标会：后勤保障部、纪检监察室、财务科到场；"
                "四家投标人报价当场唱标。</p>"
            }
        )
        # Each member scores each bid per criterion: the cheapest, with the
        # best technical plan, ranks first; the members differ a little.
        marks = {
            "价格": (92, 88, 84, 80),
            "技术方案": (85, 90, 78, 72),
            "资质与业绩": (88, 80, 86, 75),
        }
        for tender in awarded | monitors:
            for m, member in enumerate(tender.member_ids):
                member.with_user(member.user_id).action_declare_none()
                self.env["hospital.purchase.tender.score"].with_user(
                    member.user_id
                ).create(
                    [
                        {
                            "tender_id": tender.id,
                            "order_id": bid.id,
                            "criterion_id": criterion.id,
                            "score": marks[criterion.name][i] - 2 * m * (i % 2),
                        }
                        for i, bid in enumerate(tender.bid_ids.sorted("id"))
                        for criterion in tender.criterion_ids
                    ]
                )
            tender.with_user(manager).action_award()
        works = self.env["hospital.purchase.works"].create(
            {
                "title": "心内科病区卫生间防水维修",
                "kind": "repair",
                "department_id": departments["cardiology"].id,
                "estimate_amount": 9800,
                "estimate_file": base64.b64encode(b"%PDF-1.4 budget estimate"),
                "estimate_filename": "预算书.pdf",
            }
        )
        works.action_file_estimate()
        works_order = self.env["purchase.order"].create(
            {
                "partner_id": vendors[4].id,
                "hospital_works_id": works.id,
                "order_line": [
                    (
                        0,
                        0,
                        {
                            "product_id": ct_room.id,
                            "name": "卫生间防水维修",
                            "product_qty": 1,
                            "price_unit": 8200,
                        },
                    )
                ],
            }
        )
        works_order.button_confirm()
        return True
