"""Quarterly vendor scoring at hospital scale.

For ``--size`` service requests (default 100,000) handed to 20 vendors and
2,000 inspections in one quarter, inserted in bulk in a transaction rolled
back at the end: computing the 20 scorecards (``action_compute``) against the
bare ``_read_group`` calls it rests on (tickets per agreement and breach,
deductions per agreement and criterion), in the same run. Measured again with
a tenth of the data: the query count must not depend on it.

    python3 bench/vendor_scoring.py --db <db> [--size 100000]
"""

from datetime import date, datetime

from common import arguments, copy_rows, emit, measure, odoo_env

QUICK_SIZE = 10_000
VENDORS = 20
INSPECTIONS = 2_000


def setup(env):
    from odoo import Command  # noqa: PLC0415

    template = env["hospital.outsourcing.kpi.template"].create(
        {
            "name": "Bench KPIs",
            "service_type": "cleaning",
            "criterion_ids": [
                Command.create(
                    {"name": "SLA", "source": "sla", "weight": 40, "target": 95}
                ),
                Command.create(
                    {
                        "name": "Interruptions",
                        "source": "interruption",
                        "weight": 20,
                        "target": 3,
                    }
                ),
                Command.create(
                    {"name": "Inspections", "source": "inspection", "weight": 40}
                ),
            ],
        }
    )
    partners = env["res.partner"].create(
        [{"name": f"Bench Vendor {i:02d}", "is_company": True} for i in range(VENDORS)]
    )
    agreements = env["hospital.outsourcing.agreement"].create(
        [
            {
                "title": f"Bench agreement {i:02d}",
                "vendor_id": partner.id,
                "service_type": "cleaning",
                "date_start": "2026-01-01",
                "date_end": "2026-12-31",
                "kpi_template_id": template.id,
                "deduction_per_point": 500,
            }
            for i, partner in enumerate(partners)
        ]
    )
    agreements.action_activate()
    team = env["maintenance.team"].create({"name": "Bench team"})
    category = env["hospital.service.category"].create(
        {"name": "Bench cleaning", "kind": "cleaning", "team_id": team.id}
    )
    location = env["hospital.location"].create({"building": "Bench", "room": "1"})
    request = env["maintenance.request"].create(
        {
            "name": "Bench template",
            "service_category_id": category.id,
            "location_id": location.id,
        }
    )
    inspection = env["hospital.outsourcing.inspection"].create(
        {
            "agreement_id": agreements[0].id,
            "date": "2026-02-01",
            "line_ids": [
                Command.create(
                    {
                        "name": "Bench point",
                        "criterion_id": template.criterion_ids[2].id,
                        "passed": False,
                        "points_deducted": 1,
                    }
                )
            ],
        }
    )
    inspection.action_send()
    cards = env["hospital.outsourcing.scorecard"].create(
        [{"agreement_id": a.id, "year": 2026, "quarter": "1"} for a in agreements]
    )
    env.flush_all()
    return agreements, request, inspection, cards


def run(env, size, agreements, request, inspection, cards):
    env.cr.execute("SAVEPOINT bench_run")
    ids = "ARRAY[" + ",".join(map(str, agreements.ids)) + "]"
    copy_rows(
        env,
        "maintenance_request",
        request.id,
        size,
        {
            "name": "'BENCH ' || g",
            "hospital_outsourcing_agreement_id": f"({ids})[1 + g % {VENDORS}]",
            "reported_at": (
                "TIMESTAMP '2026-01-01 08:00' + (g % 2000) * INTERVAL '1 hour'"
            ),
            "is_breached": "(g % 17 = 0)",
            "hospital_vendor_interruption": "(g % 41 = 0)",
        },
    )
    copy_rows(
        env,
        "hospital_outsourcing_inspection",
        inspection.id,
        INSPECTIONS,
        {
            "name": "'BENCH ' || g",
            "agreement_id": f"({ids})[1 + g % {VENDORS}]",
            "vendor_id": "NULL",
            "date": "DATE '2026-01-01' + (g % 85)",
        },
    )
    env.cr.execute(
        """INSERT INTO hospital_outsourcing_inspection_line
               (inspection_id, agreement_id, date, company_id, name, criterion_id,
                passed, points_deducted, finding_state, sequence)
           SELECT i.id, i.agreement_id, i.date, i.company_id, 'Bench point',
                  l.criterion_id, FALSE, 0.01, 'open', 10
             FROM hospital_outsourcing_inspection i,
                  hospital_outsourcing_inspection_line l
            WHERE i.name LIKE 'BENCH %%' AND l.inspection_id = %s""",
        [inspection.id],
    )
    env.cr.execute("ANALYZE maintenance_request")
    env.invalidate_all()

    def ours():
        cards.with_context(tracking_disable=True).action_compute()

    def baseline():
        env["maintenance.request"]._read_group(
            [
                ("hospital_outsourcing_agreement_id", "in", agreements.ids),
                ("reported_at", ">=", datetime(2026, 1, 1)),
                ("reported_at", "<", datetime(2026, 4, 1)),
            ],
            [
                "hospital_outsourcing_agreement_id",
                "is_breached",
                "hospital_vendor_interruption",
            ],
            ["__count"],
        )
        env["hospital.outsourcing.inspection.line"]._read_group(
            [
                ("agreement_id", "in", agreements.ids),
                ("date", ">=", date(2026, 1, 1)),
                ("date", "<", date(2026, 4, 1)),
            ],
            ["agreement_id", "criterion_id"],
            ["points_deducted:sum"],
        )

    results = measure(env, ours), measure(env, baseline)
    env.cr.execute("ROLLBACK TO SAVEPOINT bench_run")
    env.invalidate_all()
    return results


def main():
    args = arguments(__doc__.split("\n\n")[0], 100_000)
    with odoo_env(args.db) as env:
        resources = setup(env)
        small = run(env, max(args.size // 10, VENDORS), *resources)
        ours, baseline = run(env, args.size, *resources)
        print(
            f"scoring {VENDORS} vendors: {ours[1]} queries over {args.size} "
            f"requests and {INSPECTIONS} inspections, {small[0][1]} over "
            f"{args.size // 10}"
        )
        emit("vendor_scoring", args.size, ours, baseline)


if __name__ == "__main__":
    main()
