"""Helpers for the benchmarks of bench/: an Odoo environment on a database
(harness.db.odoo_env), timing with query counts, and the result line
bench/run.py reads.

A benchmark is a script run as ``python3 bench/<file>.py --db <db> [--size N]``
whose last line is ``BENCH_RESULT {json}`` with the keys name, size, ours_s,
baseline_s, ratio, queries and baseline_queries.  It may set ``QUICK_SIZE = N``
at module level: the size ``bench/run.py --quick`` passes.
"""

import argparse
import json
import sys
import time
from pathlib import Path

# Benchmarks are scripts (python3 bench/<file>.py): the repository root holds
# the harness package they share with tests/ and stress/.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from harness.addons import ROOT, suite_addons  # noqa: E402
from harness.db import db_exists, install, installed_modules, odoo_env  # noqa: E402

__all__ = [
    "ROOT",
    "arguments",
    "db_exists",
    "emit",
    "install",
    "installed_modules",
    "measure",
    "odoo_env",
    "suite_addons",
]


def arguments(description, default_size):
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--db", required=True)
    parser.add_argument("--size", type=int, default=default_size)
    args = parser.parse_args()
    if args.size < 1:
        parser.error("--size must be positive")
    return args


def measure(env, function, repeat=3):
    """Best wall time of ``repeat`` cold runs (caches emptied before each)
    and the number of SQL queries of one run."""
    best, queries = None, 0
    for _ in range(repeat):
        env.invalidate_all()
        env.registry.clear_cache()
        before = env.cr.sql_log_count
        started = time.perf_counter()
        function()
        elapsed = time.perf_counter() - started
        queries = env.cr.sql_log_count - before
        best = elapsed if best is None else min(best, elapsed)
    return best, queries


def emit(name, size, ours, baseline):
    """Print the result line; ``ours`` and ``baseline`` are (seconds, queries)."""
    result = {
        "name": name,
        "size": size,
        "ours_s": round(ours[0], 4),
        "baseline_s": round(baseline[0], 4),
        "ratio": round(ours[0] / baseline[0], 2) if baseline[0] else None,
        "queries": ours[1],
        "baseline_queries": baseline[1],
    }
    print("BENCH_RESULT " + json.dumps(result), flush=True)
    return result


def copy_rows(env, table, template_id, count, overrides):
    """``count`` copies of row ``template_id`` of ``table``, with ``overrides``
    (column: SQL expression of ``g``, the copy's number)."""
    env.cr.execute(
        "SELECT column_name FROM information_schema.columns WHERE table_name = %s",
        [table],
    )
    columns = [c for (c,) in env.cr.fetchall() if c != "id"]
    select = [overrides.get(c, c).replace("%", "%%") for c in columns]
    env.cr.execute(
        f"INSERT INTO {table} ({', '.join(columns)}) "  # noqa: S608
        f"SELECT {', '.join(select)} FROM {table}, generate_series(1, %s) AS g "
        f"WHERE id = %s",
        [count, template_id],
    )
