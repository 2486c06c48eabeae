"""Vehicle dispatch at hospital scale: the double-booking check and the
dispatch board.

For ``--size`` trips (default 20,000) over 60 vehicles and 60 drivers, a year
of bookings inserted in bulk in a transaction rolled back at the end:

* the double-booking check of a dispatcher booking all 60 vehicles for the
  same two hours (one probe trip per vehicle, checked as one batch) against a
  bare ``search`` of the booked trips of that window;
* the dispatch board as the dispatcher opens it: the board's fields of the 60
  vehicles (state now, current and next trip, driver on duty, keys out) and
  the calendar's week of bookings (``web_search_read`` with the calendar's
  fields), against a bare ``search_read`` of the same week's trips.

Both are measured again with a tenth of the trips: their query counts must
not depend on the number of trips.

    python3 bench/fleet_dispatch.py --db <db> [--size 20000]
"""

import json
from datetime import timedelta

from common import arguments, measure, odoo_env

QUICK_SIZE = 2000
VEHICLES = 60
BOOKED = ("dispatched", "departed", "returned", "done")


def setup(env):
    """Vehicles, their drivers, a department and a dispatcher."""
    from odoo.tests import new_test_user  # noqa: PLC0415

    brand = env["fleet.vehicle.model.brand"].create({"name": "Bench Brand"})
    model = env["fleet.vehicle.model"].create(
        {"name": "Bench Van", "brand_id": brand.id}
    )
    vehicles = env["fleet.vehicle"].create(
        [
            {"model_id": model.id, "license_plate": f"BENCH-{i:03d}", "seats": 9}
            for i in range(VEHICLES)
        ]
    )
    drivers = env["res.users"]
    for i in range(VEHICLES):
        drivers |= new_test_user(
            env,
            login=f"bench_driver_{i:03d}",
            groups="hospital_fleet.hospital_fleet_group_driver",
            name=f"Bench Driver {i:03d}",
        )
    dispatcher = new_test_user(
        env,
        login="bench_dispatcher",
        groups="hospital_fleet.hospital_fleet_group_dispatcher",
        name="Bench Dispatcher",
    )
    department = env["hr.department"].create({"name": "Bench Ward"})
    return vehicles, drivers, dispatcher, department


def insert_trips(env, size, vehicles, drivers, department, now):
    """``size`` trips of 2 h, one a day per vehicle and its driver, half a
    year back and half a year ahead: past ones closed, future ones booked."""
    per_vehicle = -(-size // VEHICLES)
    env.cr.execute(
        """
        INSERT INTO hospital_fleet_trip (
            name, active, company_id, department_id, user_id, purpose,
            destination, passenger_count, vehicle_id, driver_id, date_start,
            date_end, state, odometer_out, odometer_in, distance,
            create_uid, write_uid, create_date, write_date)
        SELECT 'BENCH' || g, TRUE, %(company)s, %(department)s, %(user)s,
               'Bench trip', 'Bench destination', 1,
               (%(vehicles)s::int[])[1 + (g - 1) %% %(n)s],
               (%(drivers)s::int[])[1 + (g - 1) %% %(n)s],
               day, day + interval '2 hours',
               CASE WHEN day < %(now)s THEN 'done' ELSE 'dispatched' END,
               1000, 1040, 40, %(user)s, %(user)s, %(now)s, %(now)s
          FROM generate_series(1, %(size)s) AS g,
               LATERAL (SELECT %(start)s + interval '1 day'
                        * ((g - 1) / %(n)s) AS day) AS d
        """,
        {
            "company": env.company.id,
            "department": department.id,
            "user": env.ref("base.user_admin").id,
            "vehicles": vehicles.ids,
            "drivers": drivers.ids,
            "n": VEHICLES,
            "now": now,
            "start": now - timedelta(days=per_vehicle // 2, hours=now.hour - 1),
            "size": size,
        },
    )
    env.cr.execute("ANALYZE hospital_fleet_trip")
    env.invalidate_all()


def probes(env, vehicles, drivers, department, start, end):
    """One new trip per vehicle for the same window, between two bookings."""
    return env["hospital.fleet.trip"].create(
        [
            {
                "department_id": department.id,
                "user_id": env.ref("base.user_admin").id,
                "purpose": "Bench probe",
                "destination": "Bench",
                "vehicle_id": vehicle.id,
                "driver_id": driver.id,
                "date_start": start,
                "date_end": end,
            }
            for vehicle, driver in zip(vehicles, drivers, strict=True)
        ]
    )


def run(env, size, vehicles, drivers, dispatcher, department):
    """``(check, check baseline, board, board baseline)``, each (s, queries)."""
    from odoo import fields  # noqa: PLC0415

    now = fields.Datetime.now().replace(minute=0, second=0, microsecond=0)
    env.cr.execute("SAVEPOINT bench_run")
    insert_trips(env, size, vehicles, drivers, department, now)
    # Tomorrow 06:00-08:00 UTC: between the day's bookings at 01:00-03:00.
    start = (now + timedelta(days=1)).replace(hour=6)
    end = start + timedelta(hours=2)
    batch = probes(env, vehicles, drivers, department, start, end)
    env.flush_all()
    Trip = env["hospital.fleet.trip"]
    window = [
        ("state", "in", BOOKED),
        ("date_start", "<", end),
        ("date_end", ">", start),
    ]

    def check():
        assert not batch._hospital_booking_conflicts()

    def check_baseline():
        Trip.search(window)

    week_start = fields.Datetime.start_of(now, "week")
    week = [
        ("date_start", "<", week_start + timedelta(days=7)),
        ("date_end", ">", week_start),
    ]
    as_dispatcher = env(user=dispatcher.id, su=False)
    board_fields = {
        name: {"fields": {"display_name": {}}}
        if env["fleet.vehicle"]._fields[name].type == "many2one"
        else {}
        for name in (
            "license_plate",
            "model_id",
            "hospital_board_status",
            "hospital_current_trip_id",
            "hospital_next_trip_id",
            "hospital_next_departure",
            "hospital_duty_driver_id",
            "hospital_keys_out",
        )
    }
    calendar_fields = {
        "date_start": {},
        "date_end": {},
        "vehicle_id": {"fields": {"display_name": {}}},
        "driver_id": {"fields": {"display_name": {}}},
        "department_id": {"fields": {"display_name": {}}},
        "destination": {},
        "state": {},
    }

    def board():
        as_dispatcher["fleet.vehicle"].web_search_read(
            [("id", "in", vehicles.ids)], board_fields
        )
        as_dispatcher["hospital.fleet.trip"].web_search_read(week, calendar_fields)

    def board_baseline():
        as_dispatcher["hospital.fleet.trip"].search_read(
            week, ["date_start", "date_end", "vehicle_id"]
        )

    results = (
        measure(env, check),
        measure(env, check_baseline),
        measure(env, board),
        measure(env, board_baseline),
    )
    env.cr.execute("ROLLBACK TO SAVEPOINT bench_run")
    env.invalidate_all()
    return results


def main():
    args = arguments(__doc__.split("\n\n")[0], 20_000)
    with odoo_env(args.db) as env:
        resources = setup(env)
        small = run(env, max(args.size // 10, VEHICLES), *resources)
        check, check_base, board, board_base = run(env, args.size, *resources)
        print(
            f"double-booking check of {VEHICLES} bookings: {check[1]} queries "
            f"among {args.size} trips, {small[0][1]} among {args.size // 10}"
        )
        print(
            f"dispatch board of {VEHICLES} vehicles and a week: {board[1]} queries "
            f"among {args.size} trips, {small[2][1]} among {args.size // 10}"
        )
        print(
            f"board: ours {board[0]:.4f} s, bare search {board_base[0]:.4f} s, "
            f"ratio {board[0] / board_base[0]:.2f}"
        )
        # One result line (bench/run.py reads the last): the check's figures
        # in the common keys, the board's beside them.
        print(
            "BENCH_RESULT "
            + json.dumps(
                {
                    "name": "fleet double-booking check",
                    "size": args.size,
                    "ours_s": round(check[0], 4),
                    "baseline_s": round(check_base[0], 4),
                    "ratio": round(check[0] / check_base[0], 2),
                    "queries": check[1],
                    "baseline_queries": check_base[1],
                    "queries_at_tenth_size": small[0][1],
                    "board_ours_s": round(board[0], 4),
                    "board_baseline_s": round(board_base[0], 4),
                    "board_ratio": round(board[0] / board_base[0], 2),
                    "board_queries": board[1],
                    "board_baseline_queries": board_base[1],
                    "board_queries_at_tenth_size": small[2][1],
                }
            ),
            flush=True,
        )


if __name__ == "__main__":
    main()
