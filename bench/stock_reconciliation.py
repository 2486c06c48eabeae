"""Benchmark: monthly ward reconciliation against a month of stock moves.

Run against a database where hospital_stock is installed:

    python3 bench/stock_reconciliation.py --db hs_dev [--size 200000]

Creates 40 wards x 300 products and ``--size`` done moves in one month with
bulk INSERTs, one signed count per ward, then computes the 40 monthly
reconciliations and compares with a single ``_read_group`` over the same
month's moves. Everything happens in one transaction that is rolled back.
"""

import argparse
import json
import random
import time
from datetime import datetime

from common import odoo_env


def parse():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", required=True)
    parser.add_argument(
        "--size", type=int, default=200_000, help="stock moves in the month"
    )
    parser.add_argument("--wards", type=int, default=40)
    parser.add_argument("--products", type=int, default=300)
    return parser.parse_args()


def measure(env, func):
    env.invalidate_all()
    env.registry.clear_cache()
    before = env.cr.sql_log_count
    start = time.perf_counter()
    result = func()
    env.flush_all()
    return time.perf_counter() - start, env.cr.sql_log_count - before, result


def generate(env, args, month_start):
    rnd = random.Random(42)
    company = env.company
    uom = env.ref("uom.product_uom_unit")
    departments = env["hr.department"].create(
        [
            {
                "name": f"Bench ward {i:02d}",
                "hospital_kind": "ward",
                "hospital_code": f"BW{i:03d}",
            }
            for i in range(args.wards)
        ]
    )
    products = env["product.product"].create(
        [
            {
                "name": f"Bench item {i:03d}",
                "is_storable": True,
                "standard_price": 1.0 + i % 17,
            }
            for i in range(args.products)
        ]
    )
    warehouse = (
        env["stock.warehouse"]
        .search([("company_id", "=", company.id)], limit=1)
        .lot_stock_id
    )
    consumption = env.ref("hospital_stock.location_ward_consumption")
    loans = env.ref("hospital_stock.location_ward_loans")
    wards = departments.hospital_location_id.ids
    product_ids = products.ids
    # Issues dominate, then consumption, a few loans and returns.
    kinds = [("issue", 0.45), ("consume", 0.45), ("loan", 0.05), ("return", 0.05)]
    rows = []
    for _i in range(args.size):
        ward = rnd.choice(wards)
        kind = rnd.choices([k for k, _w in kinds], [w for _k, w in kinds])[0]
        source, destination = {
            "issue": (warehouse.id, ward),
            "consume": (ward, consumption.id),
            "loan": (ward, loans.id),
            "return": (loans.id, ward),
        }[kind]
        qty = rnd.randint(1, 5)
        day = month_start.replace(day=rnd.randint(1, 27), hour=rnd.randint(0, 23))
        rows.append(
            (
                company.id,
                rnd.choice(product_ids),
                uom.id,
                source,
                destination,
                "make_to_stock",
                qty,
                qty,
                qty,
                day,
                "done",
                "Bench",
            )
        )
    cr = env.cr
    for start in range(0, len(rows), 10_000):
        chunk = rows[start : start + 10_000]
        cr.execute(
            "INSERT INTO stock_move (company_id, product_id, product_uom, location_id,"
            " location_dest_id, procure_method, product_uom_qty, product_qty, quantity,"
            " date, state, origin) VALUES " + ",".join(["%s"] * len(chunk)),
            chunk,
        )
    checks = env["hospital.stock.check"].create(
        [{"department_id": department.id} for department in departments]
    )
    check_date = month_start.replace(day=28)
    cr.execute(
        "UPDATE hospital_stock_check SET state = 'done', date = %s WHERE id IN %s",
        (check_date, tuple(checks.ids)),
    )
    lines = [
        (check.id, product_id, 0.0, float(rnd.randint(0, 50)), 0.0)
        for check in checks
        for product_id in product_ids
    ]
    for start in range(0, len(lines), 10_000):
        chunk = lines[start : start + 10_000]
        cr.execute(
            "INSERT INTO hospital_stock_check_line"
            " (check_id, product_id, theoretical_qty, counted_qty, difference) VALUES "
            + ",".join(["%s"] * len(chunk)),
            chunk,
        )
    env.invalidate_all()
    reconciliations = env["hospital.stock.reconciliation"].create(
        [
            {
                "department_id": department.id,
                "month": month_start.date(),
                "check_id": check.id,
            }
            for department, check in zip(departments, checks, strict=True)
        ]
    )
    return reconciliations


def main():
    args = parse()
    today = datetime.now()
    # A month of its own, far in the past, so existing data does not mix in.
    month_start = datetime(2001, 2, 1)
    with odoo_env(args.db) as env:
        t0 = time.perf_counter()
        reconciliations = generate(env, args, month_start)
        env.flush_all()
        generation_s = time.perf_counter() - t0
        month_end = month_start.replace(month=month_start.month + 1)

        def baseline():
            return env["stock.move"]._read_group(
                [
                    ("state", "=", "done"),
                    ("date", ">=", month_start),
                    ("date", "<", month_end),
                ],
                ["location_dest_id", "product_id"],
                ["product_qty:sum"],
            )

        # Warm PostgreSQL's buffers on the month first: both sides are then
        # measured on the same, warm data.
        measure(env, baseline)
        base_s, base_q, groups = measure(env, baseline)
        one_s, one_q, _ = measure(env, reconciliations[:1].action_compute)
        ours_s, ours_q, _ = measure(env, reconciliations.action_compute)
        lines = sum(len(r.line_ids) for r in reconciliations)
        result = {
            "name": "stock_reconciliation",
            "size": args.size,
            "wards": args.wards,
            "products": args.products,
            "ours_s": round(ours_s, 4),
            "baseline_s": round(base_s, 4),
            "ratio": round(ours_s / base_s, 2) if base_s else None,
            "queries": ours_q,
            "queries_one_ward": one_q,
            "baseline_queries": base_q,
        }
        print(
            f"Month of {args.size} moves, {args.wards} wards x "
            f"{args.products} products (generated in {generation_s:.1f}s, "
            f"run {today:%Y-%m-%d %H:%M})"
        )
        print(f"{'measure':<44}{'seconds':>10}{'queries':>10}")
        baseline_label = "one _read_group over the month (baseline)"
        print(f"{baseline_label:<44}{base_s:>10.3f}{base_q:>10}")
        print(f"{'reconciliation of 1 ward':<44}{one_s:>10.3f}{one_q:>10}")
        print(f"{'reconciliation of all wards':<44}{ours_s:>10.3f}{ours_q:>10}")
        print(f"{'lines written / baseline groups':<44}{lines:>10}{len(groups):>10}")
        print("BENCH_RESULT " + json.dumps(result))


if __name__ == "__main__":
    main()
