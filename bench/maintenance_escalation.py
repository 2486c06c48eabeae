"""Benchmark of the service desk at hospital scale.

Generates N service requests (2 % of them breaching) inside a transaction that
is rolled back at the end, then measures:

* the escalation job (flag breaches, climb the chain, one activity per late
  request and level, one digest per recipient) against a bare ``search`` on
  the same domain, with the query counts of both, and the job's query count
  among a tenth of the requests with as many late ones, to show that it does
  not grow with the number of requests;
* ``web_search_read`` of 80 requests with the fields of our list view, against
  the same call with the fields of stock ``maintenance.request``'s list view.

Usage: python3 bench/maintenance_escalation.py --db hm_dev [--size 100000]
"""

import argparse
import json
import statistics
import time

from common import odoo_env


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--db", required=True)
    parser.add_argument("--size", type=int, default=100_000)
    parser.add_argument(
        "--breaching",
        type=int,
        default=None,
        help="late requests (default: 2 %% of --size)",
    )
    return parser.parse_args()


def insert_requests(env, size, breaching, team, category, location, user):
    """Bulk INSERT: create() of 100,000 requests would take an hour."""
    cr = env.cr
    now = env.cr.now()
    stage = env.ref("maintenance.stage_0")
    cr.execute(
        """
        INSERT INTO maintenance_request (
            name, company_id, maintenance_team_id, stage_id, kanban_state,
            maintenance_type, service_category_id, service_kind, location_id,
            department_id, requester_id, channel, urgency, service_state,
            notice_state, reported_at, response_deadline, resolution_deadline,
            sla_due_at, is_breached, escalation_level, request_date,
            create_uid, write_uid, create_date, write_date, repeat_interval,
            validation_status)
        SELECT
            'Bench request ' || g, %(company)s, %(team)s, %(stage)s, 'normal',
            'corrective', %(category)s, 'repair', %(location)s,
            %(department)s, %(user)s, 'hotline', 'normal',
            CASE WHEN g <= %(breaching)s THEN 'new'
                 WHEN g %% 4 = 0 THEN 'in_progress'
                 ELSE 'closed' END,
            'none',
            %(now)s - interval '1 hour'
                * (CASE WHEN g <= %(breaching)s THEN 9 ELSE 1 END),
            %(now)s + interval '1 hour'
                * (CASE WHEN g <= %(breaching)s THEN -5 ELSE 3 END),
            %(now)s + interval '1 hour'
                * (CASE WHEN g <= %(breaching)s THEN 15 ELSE 23 END),
            CASE WHEN g <= %(breaching)s THEN %(now)s - interval '5 hours'
                 WHEN g %% 4 = 0 THEN %(now)s + interval '23 hours'
                 ELSE NULL END,
            false, 0, %(now)s::date,
            %(user)s, %(user)s, %(now)s, %(now)s, 1, 'no'
        FROM generate_series(1, %(size)s) AS g
        """,
        {
            "company": env.company.id,
            "team": team.id,
            "stage": stage.id,
            "category": category.id,
            "location": location.id,
            "department": location.department_id.id or None,
            "user": user.id,
            "breaching": breaching,
            "now": now,
            "size": size,
        },
    )
    cr.execute("ANALYZE maintenance_request")


def count_queries(env, func):
    env.flush_all()
    env.invalidate_all()
    before = env.cr.sql_log_count
    start = time.perf_counter()
    result = func()
    env.flush_all()
    return time.perf_counter() - start, env.cr.sql_log_count - before, result


def list_spec(env, view_xmlid):
    """The web client's specification for the fields of a list view."""
    Request = env["maintenance.request"]
    view = Request.get_views([(env.ref(view_xmlid).id, "list")])
    fields_info = view["models"]["maintenance.request"]["fields"]
    spec = {}
    for name in view["views"]["list"]["arch"].split('<field name="')[1:]:
        fname = name.split('"', 1)[0]
        if fname not in fields_info:
            continue
        ftype = fields_info[fname]["type"]
        spec[fname] = {"fields": {"display_name": {}}} if ftype == "many2one" else {}
    return spec


def timed_search_read(env, spec, runs=7):
    Request = env["maintenance.request"]
    timings, queries = [], 0
    for _i in range(runs):
        seconds, queries, _res = count_queries(
            env,
            lambda: Request.web_search_read(
                [("name", "like", "Bench request")], spec, limit=80
            ),
        )
        timings.append(seconds)
    return statistics.median(timings), queries


def main():
    args = parse_args()
    breaching = args.breaching if args.breaching is not None else args.size // 50

    from odoo import fields

    with odoo_env(args.db) as env:
        cr = env.cr
        admin = env.ref("base.user_admin")
        team = env["maintenance.team"].create(
            {"name": "Bench team", "user_id": admin.id}
        )
        category = env["hospital.service.category"].create(
            {"name": "Bench repairs", "kind": "repair", "team_id": team.id}
        )
        department = env["hr.department"].create({"name": "Bench ward"})
        location = env["hospital.location"].create(
            {"building": "Bench", "room": "1", "department_id": department.id}
        )
        Request = env["maintenance.request"]
        OPEN = ("new", "dispatched", "in_progress", "waiting")
        rows = []

        # Warm the caches (xml ids, ir.model ids, mail templates) on a few late
        # requests so that both measured runs start alike.
        cr.execute("SAVEPOINT bench_warm")
        insert_requests(env, 20, 10, team, category, location, admin)
        Request._cron_escalate()
        cr.execute("ROLLBACK TO SAVEPOINT bench_warm")
        env.invalidate_all()
        # Query count on a tenth of the requests with as many late ones: the
        # job's queries must not depend on how many requests the hospital has.
        # (The ORM writes and inserts in chunks of 100 rows, so the count does
        # grow, by a few queries per 100 late requests, with the late ones.)
        small = max(args.size // 10, breaching)
        small_breaching = breaching
        cr.execute("SAVEPOINT bench_small")
        insert_requests(env, small, small_breaching, team, category, location, admin)
        _s, small_queries, _r = count_queries(env, Request._cron_escalate)
        cr.execute("ROLLBACK TO SAVEPOINT bench_small")
        env.invalidate_all()

        t0 = time.perf_counter()
        insert_requests(env, args.size, breaching, team, category, location, admin)
        generated = time.perf_counter() - t0

        now = fields.Datetime.now()
        domain = [("service_state", "in", OPEN), ("sla_due_at", "<", now)]
        base_s, base_q, late = count_queries(env, lambda: Request.search(domain))
        ours_s, ours_q, _r = count_queries(env, Request._cron_escalate)
        escalated = Request.search_count([("escalation_level", ">", 0)])
        rows.append(("escalation job", ours_s, base_s, ours_q, base_q))

        env_admin = env(user=admin.id, su=False)
        ours_spec = list_spec(
            env_admin, "hospital_maintenance.maintenance_request_view_list"
        )
        stock_spec = list_spec(env_admin, "maintenance.hr_equipment_request_view_tree")
        list_ours_s, list_ours_q = timed_search_read(env_admin, ours_spec)
        list_base_s, list_base_q = timed_search_read(env_admin, stock_spec)
        rows.append(
            (
                "list web_search_read 80",
                list_ours_s,
                list_base_s,
                list_ours_q,
                list_base_q,
            )
        )

        print(
            f"generated {args.size} requests ({breaching} breaching) "
            f"in {generated:.1f} s"
        )
        print(f"late requests found: {len(late)}, escalated: {escalated}")
        print(
            f"escalation job queries with {breaching} late: {small_queries} among "
            f"{small} requests, {ours_q} among {args.size} requests"
        )
        print(
            f"{'measure':<26}{'ours (s)':>10}{'baseline (s)':>14}{'ratio':>8}"
            f"{'queries':>9}{'base q':>8}"
        )
        for name, ours, base, q, bq in rows:
            print(
                f"{name:<26}{ours:>10.4f}{base:>14.4f}{ours / base:>8.1f}{q:>9}{bq:>8}"
            )

    print(
        "BENCH_RESULT "
        + json.dumps(
            {
                "name": "maintenance_escalation",
                "size": args.size,
                "ours_s": round(ours_s, 4),
                "baseline_s": round(base_s, 4),
                "ratio": round(ours_s / base_s, 2),
                "queries": ours_q,
                "baseline_queries": base_q,
                "queries_at_tenth_size": small_queries,
                "list_ours_s": round(list_ours_s, 4),
                "list_baseline_s": round(list_base_s, 4),
                "list_ratio": round(list_ours_s / list_base_s, 2),
                "list_queries": list_ours_q,
                "list_baseline_queries": list_base_q,
            }
        )
    )


if __name__ == "__main__":
    main()
