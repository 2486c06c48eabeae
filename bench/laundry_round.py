"""The laundry's morning job at hospital scale: today's slips of every ward
collected today, from the schedule.

For ``--size`` wards (default 400), each collected every day, with 60 days of
past slips inserted in bulk in a transaction rolled back at the end, the job
(``hospital.laundry.round._cron_plan_rounds``: one search of the schedules,
one grouped read of today's slips, one batch create) against the obvious loop
(for each schedule, search today's slip of its ward, create it if missing).
Each run is rolled back to a savepoint, so every run plans the same slips.

    python3 bench/laundry_round.py --db <db> [--size 400]
"""

from datetime import date, timedelta

from common import arguments, emit, measure, odoo_env

QUICK_SIZE = 40
HISTORY_DAYS = 60


def setup(env, size):
    wards = env["hr.department"].create(
        [{"name": f"Bench Laundry Ward {i:04d}"} for i in range(size)]
    )
    env["hospital.laundry.schedule"].create(
        [
            {"department_id": ward.id, "weekday": str(day)}
            for ward in wards
            for day in range(7)
        ]
    )
    return wards


def insert_history(env, wards, today):
    env.cr.execute(
        """
        INSERT INTO hospital_laundry_round (
            name, active, company_id, department_id, date_collection, state,
            collected_total, delivered_total, has_difference,
            create_uid, write_uid, create_date, write_date)
        SELECT 'BENCH' || w || '-' || d, TRUE, %(company)s, w,
               %(today)s - d, 'delivered', 100, 100, FALSE,
               1, 1, now(), now()
          FROM unnest(%(wards)s::int[]) AS w,
               generate_series(1, %(days)s) AS d
        """,
        {
            "company": env.company.id,
            "today": today,
            "wards": wards.ids,
            "days": HISTORY_DAYS,
        },
    )
    env.cr.execute("ANALYZE hospital_laundry_round")
    env.invalidate_all()


def rolled_back(env, function):
    def run():
        env.cr.execute("SAVEPOINT bench_laundry")
        function()
        env.flush_all()
        env.cr.execute("ROLLBACK TO SAVEPOINT bench_laundry")
        env.invalidate_all()

    return run


def main():
    args = arguments(__doc__.split("\n\n")[0], 400)
    today = date.today() + timedelta(days=1)
    with odoo_env(args.db) as env:
        wards = setup(env, args.size)
        insert_history(env, wards, today)
        Round = env["hospital.laundry.round"]
        Schedule = env["hospital.laundry.schedule"]

        def ours():
            planned = Round._cron_plan_rounds(today)
            assert len(planned) == args.size, len(planned)

        def baseline():
            for schedule in Schedule.search([("weekday", "=", str(today.weekday()))]):
                if not Round.search_count(
                    [
                        ("department_id", "=", schedule.department_id.id),
                        ("date_collection", "=", today),
                    ]
                ):
                    Round.create(
                        {
                            "department_id": schedule.department_id.id,
                            "date_collection": today,
                        }
                    )

        mine = measure(env, rolled_back(env, ours))
        base = measure(env, rolled_back(env, baseline))
        print(
            f"morning job for {args.size} wards: ours {mine[0]:.3f} s "
            f"({mine[1]} queries), loop {base[0]:.3f} s ({base[1]} queries)"
        )
        emit("laundry morning slips", args.size, mine, base)


if __name__ == "__main__":
    main()
