"""Licence check at hospital scale: may these people do this work?

For ``--size`` licences (default 5,000) held by a fifth as many employees
(five licence types each, a tenth of them expired), inserted in bulk in a
transaction rolled back at the end, the dispatch check of 1,000 assignments
(or one per employee when fewer): ``hr.employee._hospital_licence_problems``
for the assigned employees and the five types, against a bare
``_read_group`` of the same licences (the query the check is built on).
Measured again at a tenth of the size: the query count must not change.

    python3 bench/licence_expiry.py --db <db> [--size 5000]
"""

import json
from datetime import date, timedelta

from common import arguments, measure, odoo_env

QUICK_SIZE = 500
TYPES = 5
ASSIGNMENTS = 1000


def setup(env, size):
    types = env["hospital.licence.type"].create(
        [
            {"name": f"Bench Licence {i}", "cycle_months": 12 * (i + 1)}
            for i in range(TYPES)
        ]
    )
    employees = env["hr.employee"].create(
        [{"name": f"Bench Holder {i:05d}"} for i in range(max(size // TYPES, 1))]
    )
    return types, employees


def insert_licences(env, size, types, employees):
    today = date.today()
    env.cr.execute(
        """
        INSERT INTO hospital_licence (
            name, active, company_id, employee_id, licence_type_id,
            issue_date, expiry_date, state,
            create_uid, write_uid, create_date, write_date)
        SELECT 'BENCH' || g, TRUE, %(company)s,
               (%(employees)s::int[])[1 + (g - 1) / %(t)s],
               (%(types)s::int[])[1 + (g - 1) %% %(t)s],
               %(issue)s,
               CASE WHEN g %% 10 = 0 THEN %(past)s ELSE %(future)s END,
               CASE WHEN g %% 10 = 0 THEN 'expired' ELSE 'valid' END,
               1, 1, now(), now()
          FROM generate_series(1, %(size)s) AS g
        """,
        {
            "company": env.company.id,
            "employees": employees.ids,
            "types": types.ids,
            "t": TYPES,
            "issue": today - timedelta(days=400),
            "past": today - timedelta(days=30),
            "future": today + timedelta(days=300),
            "size": min(size, len(employees) * TYPES),
        },
    )
    env.cr.execute("ANALYZE hospital_licence")
    env.invalidate_all()


def run(env, size, types, employees):
    env.cr.execute("SAVEPOINT bench_run")
    holders = employees[: size // TYPES]
    insert_licences(env, size, types, holders)
    assigned = holders[:ASSIGNMENTS]
    Employee = env["hr.employee"]
    Licence = env["hospital.licence"]
    found = {}

    def check():
        found["problems"] = Employee.browse(assigned.ids)._hospital_licence_problems(
            types.ids
        )

    def baseline():
        Licence._read_group(
            [("employee_id", "in", assigned.ids), ("licence_type_id", "in", types.ids)],
            ["employee_id", "licence_type_id"],
            ["expiry_date:max"],
        )

    results = measure(env, check), measure(env, baseline)
    blocked = len(found["problems"])
    env.cr.execute("ROLLBACK TO SAVEPOINT bench_run")
    env.invalidate_all()
    return results, len(assigned), blocked


def main():
    args = arguments(__doc__.split("\n\n")[0], 5_000)
    with odoo_env(args.db) as env:
        env.cr.execute("SAVEPOINT bench_setup")
        types, employees = setup(env, args.size)
        small, small_n, _ = run(env, max(args.size // 10, TYPES), types, employees)
        (ours, base), assigned, blocked = run(env, args.size, types, employees)
        env.cr.execute("ROLLBACK TO SAVEPOINT bench_setup")
        print(
            f"licence check of {assigned} assignments x {TYPES} types among "
            f"{args.size} licences: {ours[1]} queries ({blocked} people blocked); "
            f"{small[0][1]} queries for {small_n} assignments among {args.size // 10}"
        )
        print(
            f"ours {ours[0]:.4f} s, bare _read_group {base[0]:.4f} s, "
            f"ratio {ours[0] / base[0]:.2f}"
        )
        print(
            "BENCH_RESULT "
            + json.dumps(
                {
                    "name": "licence check before dispatch",
                    "size": args.size,
                    "ours_s": round(ours[0], 4),
                    "baseline_s": round(base[0], 4),
                    "ratio": round(ours[0] / base[0], 2),
                    "queries": ours[1],
                    "baseline_queries": base[1],
                    "queries_at_tenth_size": small[0][1],
                    "assignments": assigned,
                }
            )
        )


if __name__ == "__main__":
    main()
