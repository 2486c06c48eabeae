"""Purchasing at hospital scale: consolidating the month's plans and the
budget check on confirming orders.

For ``--size`` plan lines (default 12,000) spread over the monthly plans of
40 departments, and ``--size // 12`` purchase orders (1,000 by default), made
in a transaction rolled back at the end:

* the month's consolidation (one line per item, summed over every submitted
  plan) against the bare ``_read_group`` of the plan lines it runs;
* the checks of confirming all the orders as one batch (method and
  threshold, no splitting, works, plan, budget)
  against the bare ``_read_group`` of the confirmed order lines per budget
  line.

    python3 bench/purchase_plan.py --db <db> [--size 12000]
"""

from common import arguments, emit, measure, odoo_env

QUICK_SIZE = 1200
DEPARTMENTS = 40
PRODUCTS = 150


def run(env, size):
    from odoo import fields  # noqa: PLC0415

    env.cr.execute("SAVEPOINT bench_run")
    month = fields.Date.today().replace(day=1)
    departments = env["hr.department"].create(
        [{"name": f"Bench Dept {i:02d}"} for i in range(DEPARTMENTS)]
    )
    products = env["product.product"].create(
        [{"name": f"Bench Item {i:03d}", "type": "consu"} for i in range(PRODUCTS)]
    )
    per_dept = -(-size // DEPARTMENTS)
    plans = env["purchase.request"].create(
        [
            {
                "hospital_kind": "plan",
                "hospital_department_id": dept.id,
                "hospital_month": month,
                "line_ids": [
                    (
                        0,
                        0,
                        {
                            "product_id": products[(d + j) % PRODUCTS].id,
                            "product_qty": 100,
                            "hospital_price_unit": 1.0,
                        },
                    )
                    for j in range(per_dept)
                ],
            }
            for d, dept in enumerate(departments)
        ]
    )
    plans.button_to_approve()
    consolidation = env["hospital.purchase.consolidation"].create(
        {"name": "Bench", "month": month}
    )
    env.flush_all()

    def consolidate():
        consolidation.action_consolidate()

    def consolidate_baseline():
        env["purchase.request.line"]._read_group(
            [("request_id", "in", plans.ids)],
            ["product_id", "product_uom_id"],
            ["product_qty:sum", "estimated_cost:sum"],
        )

    ours_c, base_c = measure(env, consolidate), measure(env, consolidate_baseline)
    # Approve the plans in bulk: the check reads approved quantities.
    env.cr.execute(
        "UPDATE purchase_request SET state = 'approved' WHERE id = ANY(%s)",
        [plans.ids],
    )
    env.cr.execute(
        "UPDATE purchase_request_line SET request_state = 'approved'"
        " WHERE request_id = ANY(%s)",
        [plans.ids],
    )
    env.invalidate_all()
    budgets = env["hospital.purchase.budget"].create(
        [
            {
                "department_id": dept.id,
                "year": month.year,
                "line_ids": [(0, 0, {"name": "General", "amount": 1e9})],
            }
            for dept in departments
        ]
    )
    budgets._hospital_transition().write({"state": "approved"})
    partner = env["res.partner"].create({"name": "Bench Vendor", "is_company": True})
    orders = env["purchase.order"].create(
        [
            {
                "partner_id": partner.id,
                "hospital_department_id": departments[i % DEPARTMENTS].id,
                "order_line": [
                    (
                        0,
                        0,
                        {
                            "product_id": products[
                                (i % DEPARTMENTS + (i // DEPARTMENTS) % per_dept)
                                % PRODUCTS
                            ].id,
                            "product_qty": 1,
                            "price_unit": 1.0,
                        },
                    )
                ],
            }
            for i in range(max(size // 12, 1))
        ]
    )
    env.flush_all()

    def check():
        # Every check of confirming the batch: method, no splitting, works,
        # plan and budget.
        orders._hospital_check_purchase()

    def check_baseline():
        env["purchase.order.line"]._read_group(
            [
                ("hospital_budget_line_id", "in", budgets.line_ids.ids),
                ("order_id.state", "in", ("purchase", "done")),
            ],
            ["hospital_budget_line_id"],
            ["hospital_budget_amount:sum"],
        )

    ours_b, base_b = measure(env, check), measure(env, check_baseline)
    env.cr.execute("ROLLBACK TO SAVEPOINT bench_run")
    env.invalidate_all()
    return (ours_c, base_c), (ours_b, base_b), len(orders)


def main():
    args = arguments(__doc__.split("\n\n")[0], 12_000)
    with odoo_env(args.db) as env:
        (ours_c, base_c), (ours_b, base_b), n_orders = run(env, args.size)
        emit("purchase_budget_check", n_orders, ours_b, base_b)
        emit("purchase_plan_consolidation", args.size, ours_c, base_c)


if __name__ == "__main__":
    main()
