"""What the load, concurrency and fault runs share: a throw-away database with
every addon of addons/ installed, Odoo servers with workers on loopback, and a
small JSON-RPC client (harness.jsonrpc).

Only 127.0.0.1 is ever targeted; the servers are started and stopped here.
"""

import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import requests

# The runs are scripts (python3 stress/<run>.py): the repository root holds
# the harness package they share with tests/ and bench/.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from harness.addons import ROOT, newest_addon_change  # noqa: E402
from harness.addons import suite_addons as all_suite_addons  # noqa: E402
from harness.db import (  # noqa: E402
    FILESTORE,
    copy_filestore,
    db_exists,
    drop_db,
    install,
    installed_modules,
    odoo_command,
    psql,
)
from harness.jsonrpc import Client, RpcError  # noqa: E402

__all__ = [
    "FILESTORE",
    "Client",
    "RpcError",
    "Server",
    "copy_filestore",
    "drop_db",
    "ensure_template",
    "fresh_db",
    "log",
    "odoo_cmd",
    "percentile",
    "psql",
    "suite_addons",
]

LOG_DIR = ROOT / "var" / "log" / "stress"
# Core apps the main flows run on even before the suite's addons extend them.
CORE_APPS = ["stock", "maintenance"]
TEMPLATE_DB = "gs_stress_template"
RETRY_LINE = re.compile(r"tries left, try again in")
SERVER_SCRIPT = Path(__file__).resolve().parent / "odoo_server.py"


def log(message):
    print(f"[{time.strftime('%H:%M:%S')}] {message}", flush=True)


def suite_addons():
    """Addons of addons/; GS_STRESS_ADDONS=a,b restricts the runs to some of
    them (e.g. while another one does not install yet)."""
    if os.environ.get("GS_STRESS_ADDONS"):
        return os.environ["GS_STRESS_ADDONS"].split(",")
    return all_suite_addons()


def odoo_cmd(db, *args, pg_args=(), subcommand=None):
    # A script, not ``python -m odoo``: with workers, Odoo starts its gevent
    # process by running its own command line again.
    return odoo_command(
        db,
        "--db-filter",
        f"^{db}$",
        *pg_args,
        *args,
        script=SERVER_SCRIPT,
        subcommand=subcommand,
    )


def ensure_template(rebuild=False):
    """A database with every addon and the core apps installed, without demo
    data, built once and copied for each run (a copy takes seconds, an install
    minutes).  It is rebuilt when an addon appeared or a file of addons/
    changed since it was built, unless GS_STRESS_REUSE_TEMPLATE=1."""
    modules = CORE_APPS + suite_addons()
    stamp = LOG_DIR / "template.stamp"
    if not rebuild and db_exists(TEMPLATE_DB):
        fresh = stamp.exists() and stamp.stat().st_mtime >= newest_addon_change()
        if set(modules) <= installed_modules(TEMPLATE_DB) and (
            fresh or os.environ.get("GS_STRESS_REUSE_TEMPLATE") == "1"
        ):
            return TEMPLATE_DB
        log(
            f"{TEMPLATE_DB} is older than addons/ or lacks some of {modules}: "
            "rebuilding it"
        )
    subprocess.run(["dropdb", "--if-exists", TEMPLATE_DB], check=True)
    LOG_DIR.mkdir(parents=True, exist_ok=True)
    started = time.time()
    logfile = LOG_DIR / "template-install.log"
    log(f"installing {', '.join(modules)} into {TEMPLATE_DB} (log: {logfile})")
    install(TEMPLATE_DB, modules, logfile, command=odoo_cmd)
    stamp.touch()
    os.utime(stamp, (started, started))
    return TEMPLATE_DB


def fresh_db(name):
    """A copy of the template named ``name`` (dropped first if it exists)."""
    template = ensure_template()
    subprocess.run(["dropdb", "--if-exists", name], check=True)
    subprocess.run(["createdb", "-T", template, name], check=True)
    copy_filestore(template, name)
    return name


class Server:
    """An Odoo server with workers on 127.0.0.1:port, its log in a file."""

    def __init__(self, db, port, workers=2, name="server", pg_args=(), env=None):
        LOG_DIR.mkdir(parents=True, exist_ok=True)
        self.db, self.port, self.name = db, port, name
        self.logfile = LOG_DIR / f"{name}.log"
        self.logfile.unlink(missing_ok=True)
        cmd = odoo_cmd(
            db,
            f"--workers={workers}",
            "--max-cron-threads=0",
            "--http-interface=127.0.0.1",
            f"--http-port={port}",
            f"--gevent-port={port + 1}",
            f"--logfile={self.logfile}",
            "--log-level=info",
            "--limit-time-real=600",
            "--limit-time-cpu=600",
            "--db_maxconn=32",
            pg_args=pg_args,
        )
        self.output = self.logfile.with_suffix(".out")
        with self.output.open("w", encoding="utf-8") as output:
            self.process = subprocess.Popen(
                cmd,
                start_new_session=True,
                env=env,
                stdout=output,
                stderr=subprocess.STDOUT,
            )

    @property
    def url(self):
        return f"http://127.0.0.1:{self.port}"

    def wait_ready(self, timeout=120):
        deadline = time.time() + timeout
        while time.time() < deadline:
            if self.process.poll() is not None:
                raise SystemExit(f"{self.name} exited, see {self.logfile}")
            try:
                if requests.get(self.url + "/web/health", timeout=2).ok:
                    return self
            except requests.RequestException:
                pass
            time.sleep(0.5)
        raise SystemExit(f"{self.name} not ready after {timeout}s, see {self.logfile}")

    def stop(self):
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()

    def retries(self):
        """Serialization failures Odoo retried (odoo.service.model logs one
        line per retry)."""
        if not self.logfile.exists():
            return 0
        text = self.logfile.read_text(encoding="utf-8", errors="replace")
        return len(RETRY_LINE.findall(text))

    def timeouts(self):
        """Requests a worker dropped because the request did not arrive
        within its socket timeout (2 s in Odoo's prefork workers)."""
        if not self.logfile.exists():
            return 0
        return self.logfile.read_text(encoding="utf-8", errors="replace").count(
            "Request timed out"
        )

    def errors(self):
        if not self.logfile.exists():
            return []
        text = self.logfile.read_text(encoding="utf-8", errors="replace")
        return re.findall(r"^.* (?:ERROR|CRITICAL) .*$", text, re.MULTILINE)


def percentile(values, pct):
    if not values:
        return 0.0
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(pct / 100 * len(ordered)) - 1))
    return ordered[index]
