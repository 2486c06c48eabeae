"""Load run: many simulated users drive the main flows through JSON-RPC.

    python3 stress/load.py [--users 50] [--duration 60] [--workers 2]

Copies the stress template database (every addon installed, built on first
use), starts Odoo with workers on 127.0.0.1, runs the users for a bounded
time, then prints throughput, p50/p95/p99 latency per flow, the error count,
and whether every record the users created exists afterwards.  Exit code 1
when a call failed or a created record is missing.
"""

import argparse
import collections
import sys
import threading
import time

from common import Client, RpcError, Server, drop_db, fresh_db, log, percentile
from flows import Scenario, user_loop


def run_users(scenario, url, db, users, duration, on_start=None):
    """Run ``users`` simulated users for ``duration`` seconds; returns the
    list of (flow, start, seconds, error) and the measured wall time."""
    results = []
    logins = scenario.logins[:users]
    # Logging 50 users in takes a while (password hashing): the clock of the
    # run starts once they are all in.
    clients = {}
    gate = threading.Semaphore(4)

    def login(login_name):
        with gate:
            for attempt in range(3):
                try:
                    clients[login_name] = scenario.login(url, db, login_name)
                    return
                except (RpcError, OSError) as exc:
                    failure = exc
                    time.sleep(1 + attempt)
            results.append(
                ("login", time.time(), 0.0, f"{type(failure).__name__}: {failure}")
            )

    threads = [threading.Thread(target=login, args=(name,)) for name, _k in logins]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    logins = [(name, keeper) for name, keeper in logins if name in clients]
    scenario.login = lambda _url, _db, login_name: clients[login_name]
    if on_start:
        on_start()
    started = time.time()
    stop_at = started + duration
    threads = [
        threading.Thread(
            target=user_loop,
            args=(scenario, url, db, name, keeper, stop_at, results, index),
        )
        for index, (name, keeper) in enumerate(logins)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results, time.time() - started


def print_report(results, wall, title="load run"):
    calls = len(results)
    errors = [r for r in results if r[3]]
    print(f"\n== {title}: {calls} calls in {wall:.1f}s ==")
    print(f"throughput   {calls / wall:8.1f} calls/s")
    print(f"errors       {len(errors):8d}")
    by_flow = collections.defaultdict(list)
    for flow, _start, seconds, error in results:
        if not error:
            by_flow[flow].append(seconds)
    rows = [("all", [r[2] for r in results if not r[3]])] + sorted(by_flow.items())
    print(f"{'flow':20} {'calls':>6} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8}")
    for flow, values in rows:
        print(
            f"{flow:20} {len(values):6d} {percentile(values, 50) * 1000:8.0f} "
            f"{percentile(values, 95) * 1000:8.0f} {percentile(values, 99) * 1000:8.0f}"
        )
    kinds = collections.Counter(r[3].split(":")[0] for r in errors)
    for kind, count in kinds.most_common():
        print(f"  error {kind}: {count}")
    for sample in errors[:5]:
        print(f"  e.g. {sample[0]}: {sample[3]}")
    return errors


def print_verification(report):
    print("\n== created records after the run ==")
    ok = True
    for key, value in report.items():
        if isinstance(value, tuple):
            created, found = value
            print(f"{key:30} created {created:6d}  found {found:6d}")
            ok &= created == found
        else:
            print(f"{key:30} {value:6d}")
            ok &= value == 0
    print(
        "every created record exists, whole"
        if ok
        else "RECORDS MISSING OR HALF-WRITTEN"
    )
    return ok


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--duration", type=float, default=60.0)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--port", type=int, default=8087)
    parser.add_argument("--db", default="gs_stress_load")
    parser.add_argument("--keep-db", action="store_true")
    args = parser.parse_args()
    if args.users < 1 or args.duration <= 0:
        parser.error("--users and --duration must be positive")

    db = fresh_db(args.db)
    server = Server(db, args.port, workers=args.workers, name="load-server")
    try:
        server.wait_ready()
        log(f"Odoo on {server.url} with {args.workers} workers, db {db}")
        admin = Client(server.url, db, "admin", "admin")
        scenario = Scenario(admin, users=args.users)
        log(f"{args.users} users ({scenario.keepers} keepers) for {args.duration:.0f}s")
        results, wall = run_users(scenario, server.url, db, args.users, args.duration)
        errors = print_report(results, wall)
        ok = print_verification(scenario.verify())
        print(f"serialization failures retried by Odoo: {server.retries()}")
        # Odoo's prefork server listens with a backlog of 8 per worker: more
        # clients than that connecting at once, without a proxy in front,
        # get their connection reset; the worker timeouts are the rest.
        print(
            f"requests dropped by a worker's socket timeout: {server.timeouts()}; "
            f"listen backlog: {8 * args.workers} connections"
        )
    finally:
        server.stop()
        if not args.keep_db:
            drop_db(db)
    return 0 if ok and not errors else 1


if __name__ == "__main__":
    sys.exit(main())
