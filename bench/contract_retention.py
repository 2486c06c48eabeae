"""The contract job over a hospital-sized register.

Inserts ``--size`` contracts (bulk SQL, rolled back at the end), of which a
fixed number are due for each reminder (archive transfer, expiry, yearly
review of a major contract), then measures the daily job
(``_cron_hospital_contract_reminders``: flag, activities, digests) against a
bare ``search`` of the same three domains, with the query counts of both.  The
job runs again among a tenth of the contracts with as many due ones: its
query count must not depend on the size of the register, which the stored,
indexed retention end, archive-transfer flag and next review date allow.

    python3 bench/contract_retention.py --db <db> [--size 50000] [--due 50]
"""

import argparse
import time

from common import emit, odoo_env

QUICK_SIZE = 500


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", required=True)
    parser.add_argument("--size", type=int, default=50_000)
    parser.add_argument("--due", type=int, default=50, help="due per reminder")
    args = parser.parse_args()
    if args.size < 1 or args.due < 0:
        parser.error("--size must be positive, --due not negative")
    return args


def insert_contracts(env, size, due, fixtures):
    """``due`` contracts expiring soon, ``due`` whose archive transfer is due,
    ``due`` major ones due for review; the rest in force far from any date."""
    kind, department, partner = fixtures
    env.cr.execute(
        """
        INSERT INTO hospital_contract (
            name, title, state, company_id, type_id, department_id, partner_id,
            commercial_partner_id, amount, date_start, date_end, term_months,
            term_years, is_major, retention_years, retention_end,
            archive_transfer_required, next_review_date, signed_date,
            finance_copy_state, original_count, user_id, validation_status,
            transfer_flagged, expiry_flagged, review_flagged,
            create_uid, write_uid, create_date, write_date)
        SELECT
            'BENCH-' || g, 'Bench contract ' || g, 'signed', %(company)s,
            %(kind)s, %(department)s, %(partner)s, %(partner)s,
            CASE WHEN g > %(due)s * 2 AND g <= %(due)s * 3 THEN 2000000 ELSE 50000 END,
            CURRENT_DATE - 400,
            CASE WHEN g <= %(due)s THEN CURRENT_DATE + 10
                 WHEN g <= %(due)s * 2 THEN CURRENT_DATE - 30
                 ELSE CURRENT_DATE + 900 END,
            24, 2.0,
            g > %(due)s * 2 AND g <= %(due)s * 3,
            CASE WHEN g > %(due)s AND g <= %(due)s * 2 THEN 30 ELSE 10 END,
            CURRENT_DATE + 3650,
            g > %(due)s AND g <= %(due)s * 2,
            CASE WHEN g > %(due)s * 2 AND g <= %(due)s * 3 THEN CURRENT_DATE - 35
                 ELSE NULL END,
            CURRENT_DATE - 400, 'none', 4, %(user)s, 'no', false, false, false,
            %(user)s, %(user)s, now(), now()
        FROM generate_series(1, %(size)s) AS g
        """,
        {
            "company": env.company.id,
            "kind": kind.id,
            "department": department.id,
            "partner": partner.id,
            "user": env.ref("base.user_admin").id,
            "due": due,
            "size": size,
        },
    )
    env.cr.execute("ANALYZE hospital_contract")


def timed(env, function):
    """Seconds and queries of one cold run of ``function``, rolled back."""
    env.cr.execute("SAVEPOINT bench_run")
    env.flush_all()
    env.invalidate_all()
    env.registry.clear_cache()
    before = env.cr.sql_log_count
    started = time.perf_counter()
    result = function()
    env.flush_all()
    elapsed = time.perf_counter() - started
    queries = env.cr.sql_log_count - before
    env.cr.execute("ROLLBACK TO SAVEPOINT bench_run")
    env.invalidate_all()
    return elapsed, queries, result


def best(env, function, repeat=3):
    runs = [timed(env, function) for _i in range(repeat)]
    return min(run[0] for run in runs), runs[-1][1], runs[-1][2]


def main():
    args = parse_args()
    from odoo import fields  # noqa: PLC0415 - imported once Odoo is configured
    from odoo.fields import Domain  # noqa: PLC0415

    with odoo_env(args.db, {"tracking_disable": True}) as env:
        Contract = env["hospital.contract"]
        fixtures = (
            env["hospital.contract.type"].create({"name": "Bench services"}),
            env["hr.department"].create({"name": "Bench department"}),
            env["res.partner"].create({"name": "Bench vendor", "is_company": True}),
        )
        today = fields.Date.context_today(Contract)
        domains = list(Contract._hospital_reminder_domains(today).items())

        def job():
            return Contract._cron_hospital_contract_reminders()

        def bare_search():
            return [
                Contract.search(domain & Domain(flag, "=", False))
                for flag, domain in domains
            ]

        env.cr.execute("SAVEPOINT bench_tenth")
        tenth = max(args.size // 10, args.due * 3)
        insert_contracts(env, tenth, args.due, fixtures)
        _s, tenth_queries, _r = best(env, job)
        env.cr.execute("ROLLBACK TO SAVEPOINT bench_tenth")
        env.invalidate_all()

        started = time.perf_counter()
        insert_contracts(env, args.size, args.due, fixtures)
        generated = time.perf_counter() - started
        base_s, base_q, found = best(env, bare_search)
        ours_s, ours_q, _r = best(env, job)
        # Check the job did its work: flags and activities, then roll back.
        env.cr.execute("SAVEPOINT bench_check")
        job()
        flagged = {
            flag: Contract.search_count([(flag, "=", True)]) for flag, _d in domains
        }
        env.cr.execute("ROLLBACK TO SAVEPOINT bench_check")
        print(f"generated {args.size} contracts in {generated:.1f} s")
        print("due found by the bare search:", [len(r) for r in found])
        print("flagged by the job:", flagged)
        print(
            f"job queries with {args.due} due per reminder: {tenth_queries} among "
            f"{tenth} contracts, {ours_q} among {args.size}; bare search {base_q}"
        )
        print(
            f"job {ours_s:.4f} s, bare search {base_s:.4f} s, "
            f"ratio {ours_s / base_s:.1f}"
        )
    emit(
        "contract reminders job (retention, expiry, review)",
        args.size,
        (ours_s, ours_q),
        (base_s, base_q),
    )


if __name__ == "__main__":
    main()
