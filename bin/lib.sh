# shellcheck shell=bash
# Helpers shared by bin/start and bin/test. Source it, do not run it.
#
# Environment overrides (all optional):
#   HOSPITAL_ADDONS_DIR  the suite's addons folder          (default: <repo>/addons)
#   HOSPITAL_VAR_DIR     logs, generated configs, local DB  (default: <repo>/var)
#   HOSPITAL_DATA_DIR    Odoo data_dir (filestore)          (default: $HOSPITAL_VAR_DIR/data)
#   HOSPITAL_PGPORT      port of the private cluster        (default: 5433)
#   PGHOST PGPORT PGUSER PGPASSWORD   an existing PostgreSQL server to use

HOSPITAL_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
HOSPITAL_ADDONS_DIR="$(cd "${HOSPITAL_ADDONS_DIR:-$HOSPITAL_ROOT/addons}" 2>/dev/null && pwd)" \
    || { echo "error: addons folder ${HOSPITAL_ADDONS_DIR:-$HOSPITAL_ROOT/addons} not found" >&2; exit 1; }
HOSPITAL_VAR_DIR="${HOSPITAL_VAR_DIR:-$HOSPITAL_ROOT/var}"
HOSPITAL_LOG_DIR="$HOSPITAL_VAR_DIR/log"
HOSPITAL_DATA_DIR="${HOSPITAL_DATA_DIR:-$HOSPITAL_VAR_DIR/data}"
mkdir -p "$HOSPITAL_VAR_DIR" "$HOSPITAL_LOG_DIR" "$HOSPITAL_DATA_DIR"
HOSPITAL_VAR_DIR="$(cd "$HOSPITAL_VAR_DIR" && pwd)"
HOSPITAL_LOG_DIR="$HOSPITAL_VAR_DIR/log"
HOSPITAL_DATA_DIR="$(cd "$HOSPITAL_DATA_DIR" && pwd)"

hl_info() { printf '==> %s\n' "$*" >&2; }
hl_warn() { printf 'warning: %s\n' "$*" >&2; }
hl_die() { printf 'error: %s\n' "$*" >&2; exit 1; }

# Odoo as a module of the interpreter we checked, so the check and the run agree.
hl_odoo() { python3 -m odoo "$@"; }

hl_require_odoo() {
    local serie
    if ! serie="$(python3 -c 'import odoo.release as r; print(r.serie)' 2>/dev/null)"; then
        cat >&2 <<'EOF'
error: `python3 -c "import odoo.release"` fails: Odoo 19.0 is not installed for this python3.
Install it from source as README.md, section "Install Odoo 19", describes; in short:
    git clone --depth 1 --branch 19.0 https://github.com/odoo/odoo.git /opt/odoo19
    python3 -m pip install -r /opt/odoo19/requirements.txt
    python3 -m pip install -e /opt/odoo19 --config-settings editable_mode=compat
EOF
        exit 1
    fi
    if [[ "$serie" != "19.0" ]]; then
        hl_die "python3 imports Odoo $serie, but this suite needs Odoo 19.0 (README.md, section \"Install Odoo 19\")."
    fi
}

# ---------------------------------------------------------------------------
# PostgreSQL
# ---------------------------------------------------------------------------

# Exit 0 when PG* env (or the default socket) reaches a server where the current
# role may create databases. Odoo refuses to run as the `postgres` role.
hl_pg_reachable() {
    python3 - <<'EOF'
import sys
import psycopg2
try:
    conn = psycopg2.connect(dbname="postgres", connect_timeout=5)
except psycopg2.Error as exc:
    print(str(exc).strip().splitlines()[0] if str(exc).strip() else exc, file=sys.stderr)
    sys.exit(1)
with conn, conn.cursor() as cr:
    cr.execute("SELECT current_user, rolsuper OR rolcreatedb FROM pg_roles WHERE rolname = current_user")
    user, can_create = cr.fetchone()
conn.close()
if user == "postgres":
    print("connected as role postgres, which Odoo refuses", file=sys.stderr)
    sys.exit(2)
if not can_create:
    print(f"role {user} may not create databases", file=sys.stderr)
    sys.exit(2)
EOF
}

hl_pg_bindir() {
    local pgdata="$1" dir
    if [[ -f "$pgdata/PG_VERSION" ]]; then
        dir="/usr/lib/postgresql/$(cat "$pgdata/PG_VERSION")/bin"
        [[ -x "$dir/pg_ctl" ]] || hl_die "$pgdata was made by PostgreSQL $(cat "$pgdata/PG_VERSION"), whose binaries ($dir) are missing."
        echo "$dir"
        return
    fi
    dir="$(find /usr/lib/postgresql -mindepth 2 -maxdepth 2 -name bin 2>/dev/null | sort -V | tail -n 1)"
    [[ -n "$dir" && -x "$dir/initdb" ]] || hl_die "no PostgreSQL server reachable and no initdb under /usr/lib/postgresql/*/bin.
Install one (Debian: apt-get install postgresql) or point PGHOST/PGPORT/PGUSER at a server."
    echo "$dir"
}

# Run a PostgreSQL server binary as the cluster owner: initdb and postgres refuse root.
hl_pg_as_owner() {
    if [[ "$(id -u)" == 0 ]]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

# The private cluster under var/: socket only (no TCP), peer authentication.
hl_pg_private() {
    local pgdata="$HOSPITAL_VAR_DIR/pgdata" sockdir="$HOSPITAL_VAR_DIR/run"
    local port="${HOSPITAL_PGPORT:-5433}" pglog="$HOSPITAL_LOG_DIR/postgresql.log"
    local bindir me
    bindir="$(hl_pg_bindir "$pgdata")"
    me="$(id -un)"
    mkdir -p "$sockdir"
    touch "$pglog"
    if [[ "$(id -u)" == 0 ]]; then
        id postgres >/dev/null 2>&1 || hl_die "running as root needs the \`postgres\` OS user to own the private cluster."
        mkdir -p "$pgdata"
        chown postgres: "$pgdata" "$sockdir" "$pglog"
        runuser -u postgres -- test -x "$HOSPITAL_VAR_DIR" \
            || hl_die "the postgres OS user cannot enter $HOSPITAL_VAR_DIR (check the permissions of its parents)."
    fi
    if [[ ! -f "$pgdata/PG_VERSION" ]]; then
        hl_info "creating a private PostgreSQL cluster in $pgdata ($bindir)"
        mkdir -p "$pgdata"
        chmod 700 "$pgdata"
        hl_pg_as_owner "$bindir/initdb" -D "$pgdata" --encoding=UTF8 --locale=C.UTF-8 \
            --auth-local=peer --auth-host=scram-sha-256 >"$HOSPITAL_LOG_DIR/initdb.log" 2>&1 \
            || hl_die "initdb failed, see $HOSPITAL_LOG_DIR/initdb.log"
    fi
    if ! hl_pg_as_owner "$bindir/pg_ctl" status -D "$pgdata" >/dev/null 2>&1; then
        hl_info "starting the private PostgreSQL cluster (socket $sockdir, port $port, log $pglog)"
        hl_pg_as_owner "$bindir/pg_ctl" start -w -t 60 -D "$pgdata" -l "$pglog" \
            -o "-c listen_addresses='' -c unix_socket_directories='$sockdir' -p $port" >/dev/null \
            || hl_die "the private PostgreSQL cluster did not start, see $pglog"
    fi
    if [[ "$(id -u)" == 0 ]]; then
        # peer auth maps OS user to role: postgres creates the role root logs in as.
        runuser -u postgres -- "$bindir/psql" -h "$sockdir" -p "$port" -d postgres -v ON_ERROR_STOP=1 -Atqc \
            "SELECT 1 FROM pg_roles WHERE rolname = '$me'" | grep -q 1 \
            || runuser -u postgres -- "$bindir/psql" -h "$sockdir" -p "$port" -d postgres -v ON_ERROR_STOP=1 -qc \
                "CREATE ROLE \"$me\" SUPERUSER LOGIN" >/dev/null
    fi
    export PGHOST="$sockdir" PGPORT="$port" PGUSER="$me"
}

# Export PGHOST/PGPORT/PGUSER for a server Odoo can use: the private cluster when
# var/pgdata exists (unless PGHOST/PGPORT name another), else the server the PG*
# variables or the default socket reach, else a new private cluster.
hl_setup_postgres() {
    local why
    if [[ -f "$HOSPITAL_VAR_DIR/pgdata/PG_VERSION" && -z "${PGHOST:-}${PGPORT:-}" ]]; then
        hl_pg_private
    elif why="$(hl_pg_reachable 2>&1)"; then
        :
    else
        if [[ -n "${PGHOST:-}${PGPORT:-}${PGUSER:-}" ]]; then
            hl_warn "PostgreSQL at PGHOST=${PGHOST:-<socket>} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-$(id -un)} is not usable ($why); falling back to a private cluster."
        else
            hl_info "no usable PostgreSQL on the default socket ($why); using a private cluster"
        fi
        hl_pg_private
    fi
    why="$(hl_pg_reachable 2>&1)" || hl_die "PostgreSQL still not usable: $why"
    hl_info "PostgreSQL: host=${PGHOST:-<default socket>} port=${PGPORT:-5432} user=${PGUSER:-$(id -un)}"
}

hl_db_exists() {
    python3 - "$1" <<'EOF'
import sys
import psycopg2
with psycopg2.connect(dbname="postgres") as conn, conn.cursor() as cr:
    cr.execute("SELECT 1 FROM pg_database WHERE datname = %s", (sys.argv[1],))
    sys.exit(0 if cr.fetchone() else 1)
EOF
}

# Addons (comma separated) of `$1` whose ir_module_module state is not `installed`;
# all of them when the database is not initialised.
hl_db_missing_modules() {
    python3 - "$1" "$2" <<'EOF'
import sys
import psycopg2
db, wanted = sys.argv[1], [m for m in sys.argv[2].split(",") if m]
with psycopg2.connect(dbname=db) as conn, conn.cursor() as cr:
    cr.execute("SELECT to_regclass('ir_module_module') IS NOT NULL")
    installed = set()
    if cr.fetchone()[0]:
        cr.execute("SELECT name FROM ir_module_module WHERE state = 'installed'")
        installed = {row[0] for row in cr.fetchall()}
print(",".join(m for m in wanted if m not in installed))
EOF
}

# Drop a database and its filestore.
hl_drop_db() {
    local db="$1" conf="$2"
    if hl_db_exists "$db"; then
        hl_info "dropping database $db"
        hl_odoo db -c "$conf" --data-dir "$HOSPITAL_DATA_DIR" drop "$db" >"$HOSPITAL_LOG_DIR/dropdb.log" 2>&1 \
            || { cat "$HOSPITAL_LOG_DIR/dropdb.log" >&2; hl_die "could not drop database $db"; }
    fi
    rm -rf "${HOSPITAL_DATA_DIR:?}/filestore/$db"
}

# ---------------------------------------------------------------------------
# Addons, installs, logs
# ---------------------------------------------------------------------------

# Installable addons (folders with a __manifest__.py) under HOSPITAL_ADDONS_DIR, comma separated.
hl_discover_addons() {
    python3 - "$HOSPITAL_ADDONS_DIR" <<'EOF'
import ast
import sys
from pathlib import Path
names = []
for manifest in sorted(Path(sys.argv[1]).glob("*/__manifest__.py")):
    if ast.literal_eval(manifest.read_text(encoding="utf-8")).get("installable", True):
        names.append(manifest.parent.name)
print(",".join(names))
EOF
}

hl_addons_path() { printf '%s' "$HOSPITAL_ADDONS_DIR"; }

# Fail when an Odoo log holds an ERROR or CRITICAL record: Odoo often exits 0
# although a module failed to load.
hl_check_log() {
    local log="$1" what="$2"
    # Odoo only warns when an addon's demo data fails, and installs it without.
    if grep -qE ' WARNING .*demo data failed to install' "$log"; then
        grep -E -A 30 ' WARNING .*demo data failed to install' "$log" | head -n 60 >&2
        hl_die "$what: demo data of an addon failed to load (full log: $log)"
    fi
    if grep -qE '^[0-9-]+ [0-9:,]+ [0-9]+ (ERROR|CRITICAL) ' "$log"; then
        echo "---- ERROR/CRITICAL records in $log ----" >&2
        # each such record with its traceback (the lines up to the next record)
        awk '/^[0-9-]+ [0-9:,]+ [0-9]+ [A-Z]+ / { keep = ($4 == "ERROR" || $4 == "CRITICAL") } keep' "$log" \
            | head -n 150 >&2
        echo "----" >&2
        hl_die "$what logged errors (full log: $log)"
    fi
}

# hl_install DB MODULES with-demo|without-demo CONF LOG [extra odoo args...]
# Creates DB when missing and installs MODULES, then checks exit code and log.
hl_install() {
    local db="$1" modules="$2" demo="$3" conf="$4" log="$5"
    shift 5
    local demo_arg=() rc=0 start=$SECONDS
    [[ "$demo" == with-demo ]] && demo_arg=(--with-demo)
    : >"$log"
    hl_info "installing $modules into $db ($demo), log: $log"
    hl_odoo server -c "$conf" --addons-path "$(hl_addons_path)" --data-dir "$HOSPITAL_DATA_DIR" \
        -d "$db" -i "$modules" "${demo_arg[@]}" --stop-after-init --no-http --max-cron-threads 0 \
        --logfile "$log" "$@" || rc=$?
    if ((rc != 0)); then
        tail -n 40 "$log" >&2
        hl_die "installing into $db exited with code $rc (full log: $log)"
    fi
    hl_check_log "$log" "installing into $db"
    hl_info "$db ready in $((SECONDS - start)) s"
}

# hl_install_demo DB MODULES CONF LOG [extra odoo args...]
# The demo hospital keeps its books in yuan with the Chinese chart of accounts.
# Odoo's accounting demo loads its generic chart (in dollars) on the main
# company, and accounting refuses a change of chart or currency once entries
# are booked. So: the base addon first (its demo makes the company the
# Chinese hospital), then l10n_cn, then its chart replaces the generic one
# while only Odoo's own demo entries exist, and only then the addons whose
# demo books entries.
hl_install_demo() {
    local db="$1" modules="$2" conf="$3" log="$4"
    shift 4
    hl_install "$db" hospital_logistics with-demo "$conf" "${log%.log}-base.log" "$@"
    hl_install "$db" l10n_cn with-demo "$conf" "${log%.log}-chart.log"
    hl_info "loading the Chinese chart of accounts for the demo hospital"
    hl_odoo shell -c "$conf" --addons-path "$(hl_addons_path)" --data-dir "$HOSPITAL_DATA_DIR" \
        -d "$db" --no-http --log-level=warn >>"${log%.log}-chart.log" 2>&1 <<'PYEOF' \
        || hl_die "loading the Chinese chart into $db failed (log: ${log%.log}-chart.log)"
company = env.ref("base.main_company")
if company.chart_template != "cn":
    env["account.chart.template"].try_loading("cn", company, install_demo=True)
assert company.currency_id == env.ref("base.CNY"), company.currency_id.name
env.cr.commit()
PYEOF
    hl_install "$db" "$modules" with-demo "$conf" "$log"
}

# Print the demo logins table: addons/hospital_logistics/demo/LOGINS.tsv
# (role_en, role_zh, login, password; `#` comments and a header row are skipped).
hl_print_logins() {
    python3 - "$HOSPITAL_ADDONS_DIR/hospital_logistics/demo/LOGINS.tsv" <<'PYEOF'
import sys
import unicodedata
from pathlib import Path

def width(text):
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)

rows = [("Role", "角色", "Login", "Password")]
path = Path(sys.argv[1])
if path.is_file():
    for line in path.read_text(encoding="utf-8").splitlines():
        cells = [c.strip() for c in line.split("\t")]
        if not line.strip() or line.startswith("#") or cells[0] == "role_en":
            continue
        rows.append(tuple((cells + [""] * 4)[:4]))
if len(rows) == 1:
    rows.append(("Administrator", "管理员", "admin", "admin"))
widths = [max(width(row[i]) for row in rows) for i in range(4)]
for n, row in enumerate(rows):
    print("  " + "  ".join(c + " " * (w - width(c)) for c, w in zip(row, widths)).rstrip())
    if n == 0:
        print("  " + "  ".join("-" * w for w in widths))
PYEOF
}
