"""Posting an asset count at hospital scale.

For ``--size`` assets (default 20,000) over 40 departments, inserted in bulk
in a transaction rolled back at the end, one approved hospital count lists
them all with 500 differences (200 missing, 200 in the wrong room, 100
surplus items on no books).  Posting it (``action_post``: rooms moved, loss
reports drafted, surplus registered) is measured against a bare
``_read_group`` of the count's lines by result, again with a tenth of the
assets and again with a tenth of the differences: the queries of posting
depend neither on the number of assets nor on the number of differences
(writes grouped by room and department, creations in one batch).

    python3 bench/asset_count.py --db <db> [--size 20000]
"""

from common import arguments, emit, measure, odoo_env

QUICK_SIZE = 2000
DEPARTMENTS = 40
MISSING, MOVED, SURPLUS = 200, 200, 100


def setup(env, size, scale=1):
    departments = env["hr.department"].create(
        [{"name": f"Bench Dept {i:02d}"} for i in range(DEPARTMENTS)]
    )
    rooms = env["hospital.location"].create(
        [
            {"building": "Bench", "room": f"R{i:02d}", "department_id": d.id}
            for i, d in enumerate(departments)
        ]
    )
    params = {
        "company": env.company.id,
        "departments": departments.ids,
        "rooms": rooms.ids,
        "n": DEPARTMENTS,
        "size": size,
        "uid": env.uid,
    }
    env.cr.execute(
        """
        INSERT INTO maintenance_equipment (
            name, active, company_id, department_id, hospital_location_id,
            equipment_assign_to, effective_date, qr_token,
            hospital_asset_state, hospital_asset_number, hospital_asset_value,
            create_uid, write_uid, create_date, write_date)
        SELECT jsonb_build_object('en_US', 'Bench asset ' || g), TRUE,
               %(company)s, (%(departments)s::int[])[1 + g %% %(n)s],
               (%(rooms)s::int[])[1 + g %% %(n)s], 'other', now()::date,
               md5('bench' || g), 'in_use', 'BENCH' || g, 1000,
               %(uid)s, %(uid)s, now(), now()
          FROM generate_series(1, %(size)s) AS g
        RETURNING id
        """,
        params,
    )
    count = env["hospital.asset.count"].create({"kind": "hospital"})
    env.cr.execute(
        """
        INSERT INTO hospital_asset_count_line (
            count_id, company_id, equipment_id, expected_department_id,
            expected_location_id, found_location_id, result,
            create_uid, write_uid, create_date, write_date)
        SELECT %(count)s, company_id, id, department_id, hospital_location_id,
               CASE WHEN rn > %(missing)s AND rn <= %(missing)s + %(moved)s
                    THEN (%(rooms)s::int[])[1 + (rn + 1) %% %(n)s] END,
               CASE WHEN rn <= %(missing)s THEN 'missing'
                    WHEN rn <= %(missing)s + %(moved)s THEN 'wrong_location'
                    ELSE 'found' END,
               %(uid)s, %(uid)s, now(), now()
          FROM (SELECT e.*, row_number() OVER (ORDER BY id) AS rn
                  FROM maintenance_equipment e
                 WHERE hospital_asset_number LIKE 'BENCH%%') AS e
        """,
        dict(params, count=count.id, missing=MISSING // scale, moved=MOVED // scale),
    )
    env.cr.execute(
        """
        INSERT INTO hospital_asset_count_line (
            count_id, company_id, surplus_name, found_location_id, result,
            create_uid, write_uid, create_date, write_date)
        SELECT %(count)s, %(company)s, 'Bench surplus ' || g,
               (%(rooms)s::int[])[1 + g %% %(n)s], 'surplus',
               %(uid)s, %(uid)s, now(), now()
          FROM generate_series(1, %(surplus)s) AS g
        """,
        dict(params, count=count.id, surplus=SURPLUS // scale),
    )
    env.cr.execute(
        "UPDATE hospital_asset_count SET state = 'approved' WHERE id = %s",
        [count.id],
    )
    env.cr.execute("ANALYZE maintenance_equipment")
    env.cr.execute("ANALYZE hospital_asset_count_line")
    env.invalidate_all()
    return count


def run(env, size, scale=1):
    env.cr.execute("SAVEPOINT bench_asset_size")
    count = setup(env, size, scale)

    def post():
        env.cr.execute("SAVEPOINT bench_asset_post")
        count.action_post()
        env.flush_all()
        env.cr.execute("ROLLBACK TO SAVEPOINT bench_asset_post")
        env.invalidate_all()

    def baseline():
        env["hospital.asset.count.line"]._read_group(
            [("count_id", "=", count.id)], ["result"], ["__count"]
        )

    result = measure(env, post), measure(env, baseline)
    env.cr.execute("ROLLBACK TO SAVEPOINT bench_asset_size")
    env.invalidate_all()
    return result


def main():
    args = arguments(__doc__.split("\n\n")[0], 20_000)
    with odoo_env(args.db) as env:
        small, _small_base = run(env, max(args.size // 10, 1000))
        few, _few_base = run(env, args.size, scale=10)
        ours, base = run(env, args.size)
        differences = MISSING + MOVED + SURPLUS
        print(
            f"posting a count of {args.size} assets with {differences} "
            f"differences: {ours[1]} queries; {small[1]} with "
            f"{max(args.size // 10, 1000)} assets; {few[1]} with "
            f"{differences // 10} differences"
        )
        emit("asset count posting", args.size, ours, base)


if __name__ == "__main__":
    main()
