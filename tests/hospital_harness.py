"""Discovery shared by the suite-level tests: models, roles, matrix, records.

Nothing here names an addon or a model of the suite.  An addon is a folder of
``addons/`` with a ``__manifest__.py`` (``harness.addons``, shared with
bench/ and stress/); its models are the ``ir.model`` records it defines or
extends.  A new addon is therefore covered by every suite-level
test the moment it is installed, and fails them until it declares what they
need (a row of the access matrix, a portal fixture).
"""

import csv
import re
from pathlib import Path

from harness import jsonrpc
from harness.addons import suite_addons

MATRIX_FILE = Path(__file__).resolve().parent / "access_matrix.csv"

GROUP = "hospital_logistics.hospital_logistics_group_"
# The roles of DOMAIN.md, and the groups a user of that role is given.  The
# settings administrator is not a hospital role but the only one allowed to
# change the thresholds, so the matrix states it explicitly.
ROLES = {
    "requester": GROUP + "requester",
    "ward_custodian": GROUP + "ward_custodian",
    "staff": GROUP + "staff",
    "manager": GROUP + "manager",
    "leadership": GROUP + "leadership",
    "finance": GROUP + "finance",
    "archivist": GROUP + "archivist",
    "portal": "base.group_portal",
    "settings_admin": "base.group_user,base.group_system",
}
# Roles that may delete a document whose records are archived (DOMAIN.md:
# documents that matter are archived, never deleted, except by managers).
UNLINK_ROLES = {"manager", "leadership", "settings_admin"}
OPERATIONS = {"r": "read", "w": "write", "c": "create", "u": "unlink"}


def suite_models(env):
    """``{model name: set of suite addons defining or extending it}`` for the
    concrete models (abstract mixins have no records to protect)."""
    data = (
        env["ir.model.data"]
        .sudo()
        .search_read(
            [("model", "=", "ir.model"), ("module", "in", suite_addons())],
            ["module", "res_id"],
        )
    )
    by_id = {}
    for row in data:
        by_id.setdefault(row["res_id"], set()).add(row["module"])
    models = {}
    for ir_model in env["ir.model"].sudo().browse(list(by_id)):
        model = env.get(ir_model.model)
        if model is None or model._abstract:
            continue
        models[ir_model.model] = by_id[ir_model.id]
    return models


def owned_models(env):
    """Concrete models whose ``_name`` a suite addon introduces (as opposed to
    core models it only extends)."""
    addons = set(suite_addons())
    return sorted(
        name for name in suite_models(env) if env[name]._original_module in addons
    )


def load_matrix():
    """``{model: {role: set of operations}}`` and ``{model: note}`` from the
    CSV matrix; lines starting with ``#`` are comments."""
    with MATRIX_FILE.open(encoding="utf-8") as handle:
        lines = [line for line in handle if not line.lstrip().startswith("#")]
    reader = csv.DictReader(lines, skipinitialspace=True)
    missing_roles = set(ROLES) - set(reader.fieldnames or ())
    if missing_roles:
        raise ValueError(f"{MATRIX_FILE.name}: no column for {sorted(missing_roles)}")
    matrix, notes = {}, {}
    for row in reader:
        model = row["model"].strip()
        if model in matrix:
            raise ValueError(f"{MATRIX_FILE.name}: {model} appears twice")
        cells = {}
        for role in ROLES:
            letters = (row[role] or "").strip().replace("-", "")
            unknown = set(letters) - set(OPERATIONS)
            if unknown:
                raise ValueError(
                    f"{MATRIX_FILE.name}: {model}/{role}: unknown letters "
                    f"{sorted(unknown)} (use r, w, c, u or -)"
                )
            cells[role] = {OPERATIONS[letter] for letter in letters}
        matrix[model] = cells
        notes[model] = (row.get("note") or "").strip()
    return matrix, notes


def role_users(env, prefix="gs"):
    """One fresh user per role, for tests that log in as each of them."""
    from odoo.tests import new_test_user  # noqa: PLC0415

    return {
        role: new_test_user(
            env, login=f"{prefix}_{role}", groups=groups, name=f"{prefix} {role}"
        )
        for role, groups in ROLES.items()
    }


def plausible_values(env, Model, day):
    """Values for the required fields without a default: the first record of
    a many2one, the first choice of a selection, a word, 1, ``day``."""
    defaults = Model.default_get(list(Model._fields))
    vals = {}
    for name, field in Model._fields.items():
        if not field.required or name in defaults or field.compute:
            continue
        if field.type == "many2one":
            vals[name] = env[field.comodel_name].sudo().search([], limit=1).id
        elif field.type == "selection":
            selection = field._description_selection(env)
            vals[name] = selection[0][0] if selection else False
        elif field.type in ("char", "text", "html"):
            vals[name] = "GS probe"
        elif field.type in ("integer", "float", "monetary"):
            vals[name] = 1
        elif field.type == "date":
            vals[name] = str(day)
        elif field.type == "datetime":
            vals[name] = f"{day} 08:00:00"
    return vals


def plausible_record(env, Model, day, depth=1):
    """A record made of plausible values, or an empty recordset.  When the
    required fields are not enough (a constraint asks for a place or an
    equipment), every link is filled too, with a record of the comodel made
    the same way if none exists."""
    Model = Model.sudo()
    vals = plausible_values(env, Model, day)
    attempts = [vals]
    if depth:
        links = dict(vals)
        for name, field in Model._fields.items():
            if (
                field.type == "many2one"
                and field.store
                and not field.compute
                and name not in links
                and field.comodel_name not in ("res.company", "res.currency")
            ):
                Comodel = env[field.comodel_name].sudo()
                link = Comodel.search([], limit=1) or plausible_record(
                    env, Comodel, day, depth - 1
                )
                links[name] = link.id
        attempts.append(links)
    for attempt in attempts:
        try:
            with env.cr.savepoint():
                record = Model.create(attempt)
                record.flush_recordset()
                return record
        except Exception:  # noqa: BLE001, S112 - the next attempt fills more
            continue
    return Model.browse()


# A record rule whose domain speaks only of companies isolates hospitals, not
# departments or vendors.
_COMPANY_ONLY = re.compile(r"company_ids?|\bFalse\b|\bin\b|=|\||&|!|[\[\]()',\"\s]")


def is_company_rule(rule):
    return not _COMPANY_ONLY.sub("", rule.domain_force or "")


def call_kw(case, model, method, args, kwargs=None):
    """Call ``model.method`` over JSON-RPC as the web client does, in an
    HttpCase; returns the HTTP response for the caller to judge."""
    route, params = jsonrpc.call_kw(model, method, args, kwargs)
    return case.url_open(route, json=jsonrpc.body(params), timeout=60)


def call(case, model, method, args, kwargs=None):
    """:func:`call_kw`'s outcome: ``(result, None)``, or ``(None, error)``
    with error a :class:`harness.jsonrpc.RpcError` naming the exception
    class Odoo reported (or ``HTTP <status>``)."""
    try:
        return jsonrpc.result(call_kw(case, model, method, args, kwargs), 200), None
    except jsonrpc.RpcError as error:
        return None, error
