"""Databases of the benchmarks and the runs, and Odoo on them.

``pg_env`` (an environment for the PostgreSQL client tools, e.g. PGHOST and
PGPORT of another cluster) defaults to this process's environment.
"""

import re
import shutil
import subprocess
import sys
from contextlib import contextmanager
from pathlib import Path

from .addons import ADDONS_DIR

# Odoo's default data_dir: the servers of bench/ and stress/ set none.
FILESTORE = Path.home() / ".local/share/Odoo/filestore"


def psql(sql, db="postgres", pg_env=None):
    """What ``sql`` prints in psql's unaligned, tuples-only output."""
    return subprocess.run(
        ["psql", "-X", "-qAt", "-d", db, "-c", sql],
        check=True,
        capture_output=True,
        text=True,
        env=pg_env,
    ).stdout.strip()


def db_exists(name, pg_env=None):
    return (
        psql(f"SELECT 1 FROM pg_database WHERE datname = '{name}'", pg_env=pg_env)
        == "1"
    )


def installed_modules(db, pg_env=None):
    return set(
        psql(
            "SELECT name FROM ir_module_module WHERE state = 'installed'",
            db,
            pg_env,
        ).split()
    )


def copy_filestore(source, target):
    """The filestore of database ``source`` copied to ``target``'s, when
    ``source`` has one."""
    if (FILESTORE / source).is_dir():
        shutil.rmtree(FILESTORE / target, ignore_errors=True)
        shutil.copytree(FILESTORE / source, FILESTORE / target)


def drop_db(name, pg_env=None):
    """Drop ``name`` (even with connections open) and its filestore."""
    subprocess.run(["dropdb", "--if-exists", "--force", name], check=False, env=pg_env)
    shutil.rmtree(FILESTORE / name, ignore_errors=True)


def odoo_command(db, *args, script=None, subcommand=None):
    """Odoo's command line on ``db`` with the suite's addons: ``python3 -m
    odoo``, or ``script`` (a file that runs Odoo's command line)."""
    launcher = [str(script)] if script else ["-m", "odoo"]
    return [
        sys.executable,
        *launcher,
        *([subcommand] if subcommand else []),
        "-d",
        db,
        f"--addons-path={ADDONS_DIR}",
        *args,
    ]


def install(db, modules, logfile, command=odoo_command):
    """Install ``modules`` into ``db`` (created when missing), Odoo's log in
    ``logfile``; SystemExit when the install fails or logs an error.
    ``command(db, *args)`` builds the command line."""
    logfile.parent.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        command(
            db,
            "-i",
            ",".join(modules),
            "--stop-after-init",
            # Not 8069, where a server of the demo hospital may be listening.
            "--http-port=8089",
            f"--logfile={logfile}",
        ),
        check=True,
    )
    text = logfile.read_text(encoding="utf-8", errors="replace")
    if re.search(r" (ERROR|CRITICAL) ", text):
        raise SystemExit(f"installing into {db} logged errors, see {logfile}")


@contextmanager
def odoo_env(db, context=None):
    """A superuser environment on ``db`` in this process, with ``context``;
    its changes are rolled back, so the database is left as it was found."""
    import odoo  # noqa: PLC0415 - the runs that never open one need no Odoo
    from odoo import api  # noqa: PLC0415
    from odoo.modules.registry import Registry  # noqa: PLC0415

    odoo.tools.config.parse_config(
        [f"--addons-path={ADDONS_DIR}", "-d", db, "--log-level=warn"]
    )
    registry = Registry(db)
    with registry.cursor() as cr:
        env = api.Environment(cr, api.SUPERUSER_ID, context or {})
        try:
            yield env
        finally:
            cr.rollback()
