"""What a department record rule costs: ``user.hospital_department_ids``.

Every record rule of the suite reads
``[('department_id', 'in', user.hospital_department_ids.ids)]``.  For
``--size`` users spread over 40 departments (each an employee of one, one in
ten also head nurse or keeper of another), ours evaluates that domain for
every user and runs the search it guards; the baseline runs the same search
with the user's departments already known, i.e. a bare search.

    python3 bench/logistics_department_rules.py --db <db> [--size 2000]
"""

import random

from common import arguments, emit, measure, odoo_env

QUICK_SIZE = 200
DEPARTMENTS = 40


def setup(env, size):
    rng = random.Random(40)
    departments = env["hr.department"].create(
        [
            {"name": f"Bench Ward {i:02d}", "hospital_code": f"BENCH-{i:02d}"}
            for i in range(DEPARTMENTS)
        ]
    )
    users = (
        env["res.users"]
        .with_context(no_reset_password=True, mail_create_nolog=True)
        .create(
            [
                {"name": f"Bench Nurse {i:04d}", "login": f"bench_nurse_{i:04d}"}
                for i in range(size)
            ]
        )
    )
    env["hr.employee"].create(
        [
            {
                "name": user.name,
                "user_id": user.id,
                "department_id": departments[i % DEPARTMENTS].id,
            }
            for i, user in enumerate(users)
        ]
    )
    for department in departments:
        custodians = rng.sample(users.ids, 2)
        department.write({"head_nurse_id": custodians[0], "keeper_id": custodians[1]})
    expected = {}
    for i, user in enumerate(users):
        own = {departments[i % DEPARTMENTS].id}
        own |= {d.id for d in departments if user in d.head_nurse_id | d.keeper_id}
        expected[user.id] = sorted(own)
    env.flush_all()
    return users, expected


def main():
    args = arguments(__doc__.split("\n\n")[0], 2000)
    with odoo_env(args.db, {"tracking_disable": True}) as env:
        users, expected = setup(env, args.size)
        Employee = env["hr.employee"]

        def ours():
            for user in users:
                ids = user.hospital_department_ids.ids
                Employee.search([("department_id", "in", ids)], limit=1)

        def baseline():
            for user in users:
                Employee.search([("department_id", "in", expected[user.id])], limit=1)

        wrong = [
            u for u in users if sorted(u.hospital_department_ids.ids) != expected[u.id]
        ]
        if wrong:
            raise SystemExit(f"hospital_department_ids wrong for {len(wrong)} users")
        emit(
            "department rule (hospital_department_ids)",
            args.size,
            measure(env, ours),
            measure(env, baseline),
        )


if __name__ == "__main__":
    main()
