"""Run every benchmark of bench/ and print one table.

    python3 bench/run.py [--db DB] [--quick] [--csv PATH] [-k WORD]

Every ``bench/*.py`` but this runner and ``common.py`` is a benchmark, run as
``python3 bench/<file>.py --db <db> [--size N]``; its last ``BENCH_RESULT``
line is collected.  Without ``--db`` the runner uses ``gs_bench``, installing
every addon of addons/ into it first when one is missing.  ``--quick`` passes
each benchmark its ``QUICK_SIZE`` (100 when it declares none).  The table
goes to stdout and to a CSV file (bench/out/results.csv by default).
Exit code 1 when a benchmark failed.
"""

import argparse
import ast
import csv
import json
import subprocess
import sys
import time
from pathlib import Path

from common import ROOT, db_exists, install, installed_modules, suite_addons

BENCH_DIR = Path(__file__).resolve().parent
NOT_BENCHMARKS = {"run.py", "common.py"}
DEFAULT_QUICK_SIZE = 100
COLUMNS = [
    "benchmark",
    "size",
    "ours_s",
    "baseline_s",
    "ratio",
    "queries",
    "baseline_queries",
    "error",
]


def benchmarks(keyword=None):
    for path in sorted(BENCH_DIR.glob("*.py")):
        if path.name in NOT_BENCHMARKS or path.name.startswith("_"):
            continue
        if keyword and keyword not in path.stem:
            continue
        yield path


def quick_size(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in tree.body:
        if (
            isinstance(node, ast.Assign)
            and any(getattr(t, "id", None) == "QUICK_SIZE" for t in node.targets)
            and isinstance(node.value, ast.Constant)
        ):
            return node.value.value
    return DEFAULT_QUICK_SIZE


def ensure_db(db):
    """``db`` with every addon installed, without demo data."""
    installed = installed_modules(db) if db_exists(db) else set()
    missing = [a for a in suite_addons() if a not in installed]
    if not missing:
        return
    logfile = ROOT / "var" / "log" / f"bench-install-{db}.log"
    print(f"installing {', '.join(missing)} into {db} (log: {logfile})", flush=True)
    install(db, missing, logfile)


def run_one(path, db, size, timeout):
    command = [sys.executable, str(path), "--db", db]
    if size:
        command += ["--size", str(size)]
    started = time.time()
    try:
        done = subprocess.run(
            command, capture_output=True, text=True, timeout=timeout, cwd=BENCH_DIR
        )
    except subprocess.TimeoutExpired:
        return {"benchmark": path.stem, "error": f"timeout after {timeout}s"}
    lines = [
        line for line in done.stdout.splitlines() if line.startswith("BENCH_RESULT ")
    ]
    if done.returncode or not lines:
        tail = (done.stderr or done.stdout).strip().splitlines()[-1:] or ["no output"]
        return {
            "benchmark": path.stem,
            "error": f"exit {done.returncode} after {time.time() - started:.0f}s: "
            f"{tail[0][:200]}",
        }
    result = json.loads(lines[-1][len("BENCH_RESULT ") :])
    result["benchmark"] = f"{path.stem}: {result.pop('name', path.stem)}"
    return result


def cell(value, digits=3):
    if value is None or value == "":
        return "-"
    if isinstance(value, float):
        return f"{value:.{digits}f}"
    return str(value)


def print_table(rows):
    header = [
        "benchmark",
        "size",
        "our time (s)",
        "baseline (s)",
        "ratio",
        "queries (ours/base)",
    ]
    table = [header] + [
        [
            row.get("benchmark", ""),
            cell(row.get("size")),
            cell(row.get("ours_s")),
            cell(row.get("baseline_s")),
            cell(row.get("ratio"), 2),
            f"{cell(row.get('queries'))}/{cell(row.get('baseline_queries'))}"
            if "error" not in row
            else "FAILED: " + row["error"],
        ]
        for row in rows
    ]
    widths = [max(len(str(line[i])) for line in table) for i in range(len(header))]
    for index, line in enumerate(table):
        print("  ".join(str(v).ljust(w) for v, w in zip(line, widths, strict=True)))
        if index == 0:
            print("  ".join("-" * w for w in widths))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", help="database with every addon installed")
    parser.add_argument("--quick", action="store_true", help="small sizes")
    parser.add_argument("--csv", default=str(BENCH_DIR / "out" / "results.csv"))
    parser.add_argument(
        "-k", dest="keyword", help="only benchmarks whose file name contains this"
    )
    parser.add_argument(
        "--timeout", type=int, default=1800, help="seconds allowed per benchmark"
    )
    args = parser.parse_args()

    paths = list(benchmarks(args.keyword))
    if not paths:
        raise SystemExit("no benchmark in bench/")
    db = args.db or "gs_bench"
    if not args.db:
        ensure_db(db)
    rows = []
    for path in paths:
        size = quick_size(path) if args.quick else None
        print(f"running {path.name}" + (f" --size {size}" if size else ""), flush=True)
        rows.append(run_one(path, db, size, args.timeout))
    print()
    print_table(rows)
    out = Path(args.csv)
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, COLUMNS, extrasaction="ignore")
        writer.writeheader()
        writer.writerows(rows)
    print(f"\nwritten to {out}")
    return 1 if any("error" in row for row in rows) else 0


if __name__ == "__main__":
    sys.exit(main())
