"""Closing one quarter's KPIs at hospital scale.

For a hospital of 40 departments with ``--size`` service requests (default
100,000), twice as many stock moves (ward consumption) and 5,000 vehicle
trips in one quarter, inserted in bulk in a transaction rolled back at the
end: computing and storing the quarter's KPI snapshots (what closing the
period does) against the bare KPI sources it rests on (their ``_read_group``
calls), in the same run.  Measured again with a tenth of the data: the
query count must not depend on it.

    python3 bench/kpi_quarter.py --db <db> [--size 100000]
"""

from datetime import date

from common import arguments, copy_rows, emit, measure, odoo_env

QUICK_SIZE = 10_000
DEPARTMENTS = 40
TRIPS = 5_000
QUARTER = date(2026, 1, 1)


def setup(env):
    """A hospital of 40 wards (each with its stock location and cost centre)
    and one template row per kind of source record."""
    plan = env["account.analytic.plan"].create({"name": "Bench cost centres"})
    centres = env["account.analytic.account"].create(
        [{"name": f"Bench CC {i:02d}", "plan_id": plan.id} for i in range(DEPARTMENTS)]
    )
    departments = env["hr.department"].create(
        [
            {
                "name": f"Bench ward {i:02d}",
                "hospital_kind": "ward",
                "cost_center_id": centre.id,
            }
            for i, centre in enumerate(centres)
        ]
    )
    team = env["maintenance.team"].create({"name": "Bench team"})
    category = env["hospital.service.category"].create(
        {"name": "Bench repairs", "kind": "repair", "team_id": team.id}
    )
    location = env["hospital.location"].create({"building": "Bench", "room": "1"})
    request = env["maintenance.request"].create(
        {
            "name": "Bench template",
            "service_category_id": category.id,
            "location_id": location.id,
        }
    )
    product = env["product.product"].create(
        {"name": "Bench gauze", "is_storable": True, "standard_price": 2.5}
    )
    move = env["stock.move"].create(
        {
            "product_id": product.id,
            "product_uom_qty": 1,
            "location_id": departments[0].hospital_location_id.id,
            "location_dest_id": env.ref("hospital_stock.location_ward_consumption").id,
        }
    )
    brand = env["fleet.vehicle.model.brand"].create({"name": "Bench brand"})
    model = env["fleet.vehicle.model"].create(
        {"name": "Bench van", "brand_id": brand.id}
    )
    vehicle = env["fleet.vehicle"].create(
        {"model_id": model.id, "license_plate": "浙A·B0001"}
    )
    fuel = env["fleet.vehicle.log.fuel"].create(
        {"vehicle_id": vehicle.id, "date": QUARTER, "amount": 300.0, "liter": 40}
    )
    # every installed addon's KPIs, as the daily job keeps them
    env["hospital.kpi.definition"]._hospital_sync_sources()
    period = env["hospital.kpi.period"]._hospital_ensure_period(
        "quarter", QUARTER, env.company
    )
    env.flush_all()
    return departments, centres, request, move, vehicle, fuel, period


def array(records):
    return "ARRAY[" + ",".join(map(str, records.ids)) + "]"


def run(env, size, departments, centres, request, move, vehicle, fuel, period):
    env.cr.execute("SAVEPOINT bench_run")
    depts, n = array(departments), DEPARTMENTS
    hours = "TIMESTAMP '2026-01-01 08:00' + (g % 2000) * INTERVAL '1 hour'"
    copy_rows(
        env,
        "maintenance_request",
        request.id,
        size,
        {
            "name": "'BENCH ' || g",
            "department_id": f"({depts})[1 + g % {n}]",
            "maintenance_type": "'corrective'",
            "reported_at": hours,
            "responded_at": hours,
            "response_time": "(g % 9) * 0.5",
            "kpi_response_on_time": "CASE WHEN g % 9 < 8 THEN 100 ELSE 0 END",
            "closed_at": hours,
            "kpi_satisfaction": "3 + g % 3",
        },
    )
    locations = (
        "ARRAY[" + ",".join(str(d.hospital_location_id.id) for d in departments) + "]"
    )
    copy_rows(
        env,
        "stock_move",
        move.id,
        2 * size,
        {
            "state": "'done'",
            "date": hours,
            "location_id": f"({locations})[1 + g % {n}]",
            "hospital_cost_center_id": f"({array(centres)})[1 + g % {n}]",
            "product_qty": "1 + g % 5",
            "product_uom_qty": "1 + g % 5",
        },
    )
    env.cr.execute(
        """INSERT INTO hospital_fleet_trip
               (name, active, company_id, department_id, user_id, purpose,
                destination, passenger_count, vehicle_id, driver_id, date_start,
                date_end, state, departed_at, returned_at, odometer_out,
                odometer_in, distance, duration_hours)
           SELECT 'BENCH ' || g, TRUE, %s, (%s::int[])[1 + g %% %s], %s, 'Bench',
                  'Bench', 1, %s, %s, t, t + INTERVAL '2 hours', 'done', t,
                  t + INTERVAL '2 hours', 1000, 1000 + 10 + g %% 30, 10 + g %% 30, 2
             FROM generate_series(1, %s) AS g,
                  LATERAL (SELECT TIMESTAMP '2026-01-02 08:00'
                                  + (g %% 2000) * INTERVAL '1 hour' AS t) AS times""",
        [
            env.company.id,
            departments.ids,
            n,
            env.uid,
            vehicle.id,
            env.uid,
            TRIPS,
        ],
    )
    copy_rows(
        env,
        "fleet_vehicle_log_fuel",
        fuel.id,
        TRIPS // 10,
        {"date": "DATE '2026-01-01' + (g % 85)"},
    )
    for table in ("maintenance_request", "stock_move", "hospital_fleet_trip"):
        env.cr.execute(f"ANALYZE {table}")  # noqa: S608
    env.invalidate_all()
    Source = env["hospital.kpi.source"]
    codes = period._hospital_definitions().mapped("code")
    closing = period.sudo()._hospital_transition()

    def ours():
        closing._hospital_compute_snapshots(final=True)

    def baseline():
        for code in codes:
            Source._hospital_kpi_values(
                code, period.date_from, period._hospital_end(), period.company_id
            )

    results = measure(env, ours), measure(env, baseline)
    snapshots = len(period.snapshot_ids)
    env.cr.execute("ROLLBACK TO SAVEPOINT bench_run")
    env.invalidate_all()
    return results, snapshots, len(codes)


def main():
    args = arguments(__doc__.split("\n\n")[0], 100_000)
    with odoo_env(args.db) as env:
        resources = setup(env)
        small, _snapshots, _kpis = run(env, max(args.size // 10, 100), *resources)
        (ours, baseline), snapshots, kpis = run(env, args.size, *resources)
        print(
            f"closing a quarter of {DEPARTMENTS} departments: {kpis} KPIs, "
            f"{snapshots} figures, {ours[1]} queries over {args.size} requests, "
            f"{2 * args.size} stock moves and {TRIPS} trips; {small[0][1]} over "
            f"a tenth (sources alone: {baseline[1]} and {small[1][1]} queries)"
        )
        emit("kpi_quarter", args.size, ours, baseline)


if __name__ == "__main__":
    main()
