"""What the suite-level tests (tests/), the benchmarks (bench/) and the load,
concurrency and fault runs (stress/) share.

- :mod:`harness.addons`: where the repository and its addons are, and which
  addons the suite has;
- :mod:`harness.jsonrpc`: JSON-RPC as Odoo's web client speaks it, and a
  logged-in client for servers the runs start;
- :mod:`harness.db`: databases (psql, existence, installed modules, drop,
  filestore), Odoo's command line, installs, and a superuser environment
  whose changes are rolled back.

Nothing here imports Odoo at import time: bench/run.py and the stress runs
only start Odoo in subprocesses.  pytest finds this package through
``pythonpath`` in pytest.ini; bench/common.py and stress/common.py put the
repository root on ``sys.path`` for the scripts.
"""
