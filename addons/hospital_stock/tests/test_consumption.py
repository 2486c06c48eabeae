from odoo.exceptions import UserError

from .common import HospitalStockCase


class TestConsumption(HospitalStockCase):
    def _consume(self, product, qty, lot=None, user=None):
        return (
            self.env["hospital.stock.consumption"]
            .with_user(user or self.head_nurse)
            .create(
                {
                    "department_id": self.ward.id,
                    "line_ids": [
                        (
                            0,
                            0,
                            {
                                "product_id": product.id,
                                "quantity": qty,
                                "lot_id": lot and lot.id,
                            },
                        )
                    ],
                }
            )
        )

    def test_consumption_leaves_the_ward_and_costs_the_cost_centre(self):
        consumption = self._consume(self.gauze, 10)
        consumption.action_done()
        self.assertEqual(self.on_hand(self.gauze, self.ward_location), 30)
        consumption_location = self.env.ref("hospital_stock.location_ward_consumption")
        move = self.env["stock.move"].search(
            [
                ("origin", "=", consumption.name),
                ("location_dest_id", "=", consumption_location.id),
            ]
        )
        self.assertEqual(move.hospital_cost_center_id, self.cost_centre)
        self.assertEqual(move.product_qty, 10)
        analytic = move.analytic_account_line_ids
        self.assertEqual(
            analytic[self.cost_centre.plan_id._column_name()], self.cost_centre
        )
        self.assertAlmostEqual(sum(analytic.mapped("amount")), -20.0)

    def test_no_more_than_on_hand(self):
        consumption = self._consume(self.gauze, 41)
        with self.assertRaises(UserError):
            consumption.action_done()
        self.assertEqual(consumption.state, "draft")
        self.assertEqual(self.on_hand(self.gauze, self.ward_location), 40)

    def test_positive_quantities_and_lot(self):
        with self.assertRaises(UserError):
            self._consume(self.gauze, 0).action_done()
        with self.assertRaises(UserError):
            self._consume(self.gauze, -1).action_done()
        with self.assertRaises(UserError):
            self._consume(self.syringe, 1).action_done()
        self._consume(self.syringe, 1, self.lot_good).action_done()
        self.assertEqual(
            self.on_hand(self.syringe, self.ward_location, self.lot_good), 19
        )

    def test_not_for_another_ward(self):
        with self.assertRaises(UserError):
            self.env["hospital.stock.consumption"].with_user(self.head_nurse).create(
                {"department_id": self.icu.id}
            )
