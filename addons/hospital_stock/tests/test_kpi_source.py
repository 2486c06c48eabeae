from datetime import date, datetime, timedelta

from odoo import fields
from odoo.exceptions import ValidationError

from .common import HospitalStockCase


class TestKpiSource(HospitalStockCase):
    """Ward stock's KPIs over known requisitions and reconciliations of
    March 2026."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Source = cls.env["hospital.kpi.source"]
        Reconciliation = cls.env["hospital.stock.reconciliation"]
        for dept, month, counts in (
            (cls.ward, date(2026, 3, 1), (10, 9, 5, 5)),  # one item differs
            (cls.icu, date(2026, 3, 1), (4, 4)),
            (cls.icu, date(2026, 4, 1), (1, 0)),  # next period
        ):
            Reconciliation.create(
                {
                    "department_id": dept.id,
                    "month": month,
                    "state": "locked",
                    "line_ids": [
                        (
                            0,
                            0,
                            {
                                "product_id": cls.gauze.id,
                                "opening_qty": counts[i],
                                "counted_qty": counts[i + 1],
                            },
                        )
                        for i in range(0, len(counts), 2)
                    ],
                }
            )

    def _values(self, code):
        return self.Source._hospital_kpi_values(
            code, date(2026, 3, 1), date(2026, 4, 1), self.company
        )

    def _backdated_requisitions(self):
        for dept, approved, issued in (
            (self.ward, datetime(2026, 3, 2, 9), datetime(2026, 3, 2, 15)),
            (self.ward, datetime(2026, 3, 2, 9), datetime(2026, 3, 3, 10)),
            (self.ward, datetime(2026, 3, 2, 9), datetime(2026, 3, 5, 10)),  # late
            (self.icu, datetime(2026, 3, 9, 9), datetime(2026, 3, 9, 10)),
            (self.icu, datetime(2026, 3, 31, 9), datetime(2026, 4, 1, 9)),  # April
        ):
            requisition = self.issue([(self.gauze, 1)])
            # backdated as if signed then (the stamps have no editable field), and
            # moved to the ICU without a second head nurse's round
            self.env.flush_all()
            self.env.cr.execute(
                "UPDATE hospital_stock_requisition SET approver_signature_date = %s,"
                " issuer_signature_date = %s, department_id = %s WHERE id = %s",
                (approved, issued, dept.id, requisition.id),
            )
        self.env.invalidate_all()

    def test_supply_timeliness(self):
        self._backdated_requisitions()
        values = self._values("supply_timeliness")
        self.assertEqual(values[self.ward.id], (2, 3))
        self.assertEqual(values[self.icu.id], (1, 1))

    def test_supply_promise_is_a_setting(self):
        """The promised days are the hospital's setting: with three days the
        requisition issued three days after approval is on time."""
        self._backdated_requisitions()
        self.assertEqual(self.company.hospital_supply_promised_days, 1)
        self.assertEqual(
            self.env["res.company"]._hospital_threshold_kinds()[
                "hospital_supply_promised_days"
            ],
            "period",
        )
        self.company.with_user(self.manager).hospital_supply_promised_days = 3
        self.assertEqual(self._values("supply_timeliness")[self.ward.id], (3, 3))
        with self.assertRaises(ValidationError):
            self.company.hospital_supply_promised_days = 0

    def test_consumption_cost_per_department(self):
        """Ward consumption at the items' cost, per department: 10 gauze at
        ¥2 and a monitor at ¥3,000 consumed by the ward this month."""
        consumption = self.env["hospital.stock.consumption"].create(
            {
                "department_id": self.ward.id,
                "line_ids": [
                    (0, 0, {"product_id": self.gauze.id, "quantity": 10}),
                    (0, 0, {"product_id": self.monitor.id, "quantity": 1}),
                ],
            }
        )
        consumption.action_done()
        today = fields.Date.context_today(consumption)
        start = today.replace(day=1)
        values = self.Source._hospital_kpi_values(
            "ward_consumption_cost", start, today + timedelta(days=1), self.company
        )
        self.assertEqual(values, {self.ward.id: (3020.0, 1)})
        self.env.invalidate_all()
        # the moves, their locations' departments, the items' costs, and the
        # company the costs are read in
        with self.assertQueryCount(4):
            self.Source._hospital_kpi_values(
                "ward_consumption_cost", start, today + timedelta(days=1), self.company
            )

    def test_reconciliation_differences(self):
        values = self._values("stock_reconciliation_difference")
        self.assertEqual(values[self.ward.id], (1, 2))
        self.assertEqual(values[self.icu.id], (0, 1))

    def test_fixed_number_of_queries(self):
        self.env.invalidate_all()
        # one for each KPI's groups, one for the reconciliations' differing
        # items, one for the promised days of the company
        with self.assertQueryCount(4):
            self._values("supply_timeliness")
            self._values("stock_reconciliation_difference")
