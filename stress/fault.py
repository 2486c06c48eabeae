"""Fault run: PostgreSQL restarts in the middle of a load run.

    python3 stress/fault.py [--users 50] [--duration 60] [--restart-at 20]

The restart must not disturb anyone else's databases, so the run gets its own
PostgreSQL 15 cluster (socket in /tmp/gs_pgfault, port 8079, owned by the
``postgres`` system user), loads a copy of the stress template database into
it, starts Odoo with two workers on 127.0.0.1:8077 against it, runs the load
of stress/load.py and restarts the cluster (``pg_ctl restart -m fast``)
``--restart-at`` seconds in.  Afterwards it prints the errors the clients got
(when, and of which kind), how long the service was down, and checks that no
document is lost or half-written: every record acknowledged to a client
exists, every delivery holds its line, no line lost its delivery, and the
B-tree indexes of the documents' tables pass amcheck.  Exit code 1 when a
document check fails (client errors during the outage are expected).
"""

import argparse
import collections
import os
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

from common import (
    FILESTORE,
    Client,
    Server,
    copy_filestore,
    ensure_template,
    log,
    psql,
)
from flows import Scenario
from load import print_report, print_verification, run_users

PG_BIN = Path("/usr/lib/postgresql/15/bin")
CLUSTER = Path("/tmp/gs_pgfault")
PORT = 8079
DOCUMENT_TABLES = ["stock_picking", "stock_move", "maintenance_request", "mail_message"]


def as_postgres(*command):
    return subprocess.run(
        ["runuser", "-u", "postgres", "--", *map(str, command)],
        check=True,
        capture_output=True,
        text=True,
    )


def pg_env():
    return {**os.environ, "PGHOST": str(CLUSTER), "PGPORT": str(PORT)}


def private_psql(sql, db="postgres"):
    return psql(sql, db, pg_env())


def start_cluster():
    """A fresh cluster of our own, trusted on its socket only."""
    stop_cluster()
    shutil.rmtree(CLUSTER, ignore_errors=True)
    CLUSTER.mkdir(parents=True)
    shutil.chown(CLUSTER, "postgres", "postgres")
    data = CLUSTER / "data"
    as_postgres(
        PG_BIN / "initdb", "-D", data, "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8"
    )
    with (data / "postgresql.conf").open("a", encoding="utf-8") as conf:
        conf.write(
            f"\nlisten_addresses = ''\nport = {PORT}\n"
            f"unix_socket_directories = '{CLUSTER}'\nmax_connections = 200\n"
            "fsync = on\n"
        )
    as_postgres(PG_BIN / "pg_ctl", "-D", data, "-l", CLUSTER / "pg.log", "-w", "start")
    as_postgres(
        PG_BIN / "psql",
        "-h",
        CLUSTER,
        "-p",
        PORT,
        "-d",
        "postgres",
        "-c",
        "CREATE ROLE root SUPERUSER LOGIN",
    )


def restart_cluster():
    as_postgres(
        PG_BIN / "pg_ctl",
        "-D",
        CLUSTER / "data",
        "-m",
        "fast",
        "-w",
        "restart",
        "-l",
        CLUSTER / "pg.log",
    )


def stop_cluster():
    if (CLUSTER / "data" / "postmaster.pid").exists():
        subprocess.run(
            [
                "runuser",
                "-u",
                "postgres",
                "--",
                str(PG_BIN / "pg_ctl"),
                "-D",
                str(CLUSTER / "data"),
                "-m",
                "immediate",
                "stop",
            ],
            check=False,
            capture_output=True,
        )


def load_database(db):
    """The stress template, copied from the main cluster into ours."""
    template = ensure_template()
    dump = CLUSTER / "template.dump"
    subprocess.run(["pg_dump", "-Fc", "-f", str(dump), template], check=True)
    subprocess.run(["createdb", db], check=True, env=pg_env())
    subprocess.run(
        ["pg_restore", "--no-owner", "-d", db, str(dump)], check=True, env=pg_env()
    )
    copy_filestore(template, db)


def amcheck(db):
    """Indexes of the documents' tables that amcheck finds corrupted."""
    private_psql("CREATE EXTENSION IF NOT EXISTS amcheck", db)
    indexes = private_psql(
        "SELECT c.relname FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid "
        "JOIN pg_class t ON t.oid = i.indrelid JOIN pg_am a ON a.oid = c.relam "
        f"WHERE a.amname = 'btree' AND t.relname IN {tuple(DOCUMENT_TABLES)}",
        db,
    ).split()
    broken = []
    for index in indexes:
        try:
            private_psql(f"SELECT bt_index_check('{index}'::regclass, true)", db)
        except subprocess.CalledProcessError as exc:
            broken.append(f"{index}: {exc.stderr.strip()[:200]}")
    return len(indexes), broken


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--duration", type=float, default=60.0)
    parser.add_argument("--restart-at", type=float, default=20.0)
    parser.add_argument("--keep-cluster", action="store_true")
    args = parser.parse_args()
    if not 0 < args.restart_at < args.duration:
        parser.error("--restart-at must fall within --duration")
    if os.geteuid() != 0:
        parser.error("run as root: the private cluster runs as the postgres user")

    db = "gs_stress_fault"
    log(f"private PostgreSQL cluster in {CLUSTER} (port {PORT})")
    start_cluster()
    server = None
    try:
        load_database(db)
        server = Server(
            db,
            8077,
            workers=2,
            name="fault-server",
            pg_args=(f"--db_host={CLUSTER}", f"--db_port={PORT}"),
            env=pg_env(),
        )
        server.wait_ready()
        admin = Client(server.url, db, "admin", "admin")
        scenario = Scenario(admin, users=args.users)
        outage = {}

        def restart():
            time.sleep(args.restart_at)
            log("restarting PostgreSQL")
            outage["start"] = time.time()
            restart_cluster()
            outage["end"] = time.time()
            log(f"PostgreSQL back after {outage['end'] - outage['start']:.1f}s")

        log(
            f"{args.users} users for {args.duration:.0f}s, restart at "
            f"{args.restart_at:.0f}s"
        )
        # The restart is timed from the start of the run, after the logins.
        restarter = threading.Thread(target=restart)
        run_results, wall = run_users(
            scenario,
            server.url,
            db,
            args.users,
            args.duration,
            on_start=restarter.start,
        )
        restarter.join()
        errors = print_report(run_results, wall, title="load run with a restart")
        if errors:
            first = min(e[1] for e in errors) - outage["start"]
            last = max(e[1] + e[2] for e in errors) - outage["start"]
            print(
                f"client errors from {first:+.1f}s to {last:+.1f}s around the restart"
            )
            buckets = collections.Counter(
                int((e[1] - outage["start"]) // 5) * 5 for e in errors
            )
            print("errors per 5 s, relative to the restart:")
            for start in sorted(buckets):
                print(f"  {start:+4d}s .. {start + 5:+4d}s  {buckets[start]:5d}")
        # After recovery: a new session, so that nothing cached hides a loss.
        admin = Client(server.url, db, "admin", "admin")
        ok = print_verification(scenario.verify(admin))
        print(
            f"written but never acknowledged to the client: "
            f"{scenario.unacknowledged} (committed, the answer was lost)"
        )
        checked, broken = amcheck(db)
        print(
            f"amcheck: {checked} indexes of {', '.join(DOCUMENT_TABLES)}, "
            f"{len(broken)} corrupted"
        )
        for line in broken:
            print(f"  {line}")
        ok &= not broken
        print("no document lost or half-written" if ok else "DOCUMENTS DAMAGED")
    finally:
        if server:
            server.stop()
        if not args.keep_cluster:
            stop_cluster()
            shutil.rmtree(CLUSTER, ignore_errors=True)
            shutil.rmtree(FILESTORE / db, ignore_errors=True)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
