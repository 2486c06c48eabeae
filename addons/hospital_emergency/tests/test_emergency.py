from datetime import timedelta

import psycopg2

from odoo import fields
from odoo.exceptions import AccessError, UserError

from odoo.addons.hospital_logistics.tests.common import HospitalLogisticsCase

ALERT = "hospital_emergency.mail_act_hospital_emergency_reserve"


class TestEmergency(HospitalLogisticsCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.today = fields.Date.context_today(cls.env["hospital.emergency.drill"])
        warehouse = cls.env["stock.warehouse"].search(
            [("company_id", "=", cls.company.id)], limit=1
        )
        Location = cls.env["stock.location"]
        cls.store = Location.create(
            {"name": "HE Emergency Store", "location_id": warehouse.lot_stock_id.id}
        )
        cls.shelf = Location.create({"name": "HE Shelf", "location_id": cls.store.id})
        Product = cls.env["product.product"]
        cls.sandbags = Product.create({"name": "HE Sandbag", "is_storable": True})
        cls.torches = Product.create({"name": "HE Torch", "is_storable": True})
        Quant = cls.env["stock.quant"]
        Quant._update_available_quantity(cls.sandbags, cls.shelf, 80)
        Quant._update_available_quantity(cls.torches, cls.store, 30)
        Reserve = cls.env["hospital.emergency.reserve"]
        cls.reserve_low = Reserve.create(
            {
                "product_id": cls.sandbags.id,
                "location_id": cls.store.id,
                "min_qty": 100,
                "responsible_id": cls.manager.id,
            }
        )
        cls.reserve_ok = Reserve.create(
            {
                "product_id": cls.torches.id,
                "location_id": cls.store.id,
                "min_qty": 20,
                "responsible_id": cls.manager.id,
            }
        )
        cls.plan = cls.env["hospital.emergency.plan"].create(
            {"name": "Power failure", "scenario": "power"}
        )

    def _alerts(self):
        return self.env["mail.activity"].search(
            [
                ("res_model", "=", "hospital.emergency.reserve"),
                ("activity_type_id", "=", self.env.ref(ALERT).id),
            ]
        )

    def test_quantity_counts_sub_locations(self):
        self.assertEqual(self.reserve_low.qty_on_hand, 80)
        self.assertTrue(self.reserve_low.is_below)
        self.assertFalse(self.reserve_ok.is_below)

    def test_check_alerts_the_responsible_once(self):
        self.env["hospital.emergency.reserve"]._cron_hospital_check_reserves()
        alerts = self._alerts()
        self.assertEqual(alerts.mapped("res_id"), self.reserve_low.ids)
        self.assertEqual(alerts.user_id, self.manager)
        self.env["hospital.emergency.reserve"]._cron_hospital_check_reserves()
        self.assertEqual(len(self._alerts()), 1)

    def test_check_constant_queries(self):
        reserves = self.reserve_low | self.reserve_ok
        reserves.invalidate_recordset()
        with self.assertQueryCount(5):
            self.assertEqual(reserves.filtered("is_below"), self.reserve_low)

    def test_minimum_positive_and_unique(self):
        with self.assertRaises(psycopg2.Error), self.cr.savepoint():
            self.reserve_ok.min_qty = 0
            self.reserve_ok.flush_recordset()
        with self.assertRaises(psycopg2.Error), self.cr.savepoint():
            self.env["hospital.emergency.reserve"].create(
                {
                    "product_id": self.torches.id,
                    "location_id": self.store.id,
                    "min_qty": 5,
                }
            )

    def test_drill_needs_findings_and_schedules_actions(self):
        drill = self.env["hospital.emergency.drill"].create(
            {
                "name": "Night power cut drill",
                "plan_id": self.plan.id,
                "date": self.today,
                "action_ids": [
                    (
                        0,
                        0,
                        {
                            "name": "Label the generator switch",
                            "user_id": self.technician.id,
                            "deadline": self.today + timedelta(days=7),
                        },
                    ),
                ],
            }
        )
        with self.assertRaises(UserError):
            drill.action_done()
        drill.findings = "Generator started after 40 s; switch unlabeled."
        drill.action_done()
        self.assertEqual(drill.state, "done")
        self.assertEqual(drill.activity_ids.user_id, self.technician)
        self.assertEqual(self.plan.last_drill_date, self.today)
        with self.assertRaises(UserError):
            drill.with_user(self.manager).findings = "rewritten"

    def test_action_not_due_before_the_drill(self):
        drill = self.env["hospital.emergency.drill"].create(
            {"name": "D", "plan_id": self.plan.id, "date": self.today}
        )
        with self.assertRaises(UserError):
            self.env["hospital.emergency.drill.action"].create(
                {
                    "drill_id": drill.id,
                    "name": "x",
                    "user_id": self.manager.id,
                    "deadline": self.today - timedelta(days=1),
                }
            )

    def test_drill_state_only_by_buttons(self):
        drill = self.env["hospital.emergency.drill"].create(
            {"name": "D", "plan_id": self.plan.id}
        )
        with self.assertRaises(UserError):
            drill.with_user(self.manager).write({"state": "done"})

    def test_access(self):
        self.plan.with_user(self.requester).read(["name"])
        with self.assertRaises(AccessError):
            self.plan.with_user(self.requester).name = "x"
        with self.assertRaises(AccessError):
            self.reserve_ok.with_user(self.technician).min_qty = 1
        drill = self.env["hospital.emergency.drill"].create(
            {
                "name": "D",
                "plan_id": self.plan.id,
                "action_ids": [
                    (
                        0,
                        0,
                        {
                            "name": "mine",
                            "user_id": self.technician.id,
                            "deadline": self.today,
                        },
                    ),
                    (
                        0,
                        0,
                        {
                            "name": "theirs",
                            "user_id": self.manager.id,
                            "deadline": self.today,
                        },
                    ),
                ],
            }
        )
        mine, theirs = drill.action_ids
        mine.with_user(self.technician).done = True
        with self.assertRaises(AccessError):
            theirs.with_user(self.technician).done = True
