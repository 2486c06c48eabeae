"""Discovery shared by the suite-level tests: models, roles, matrix, records.

Nothing here names an addon or a model of the suite.  An addon is a folder of
``addons/`` with a ``__manifest__.py`` (``harness.addons``, shared with
bench/ and stress/); its models are the ``ir.model`` records it defines or
extends.  A new addon is therefore covered by every suite-level
test the moment it is installed, and fails them until it declares what they
need (a row of the access matrix, a portal fixture).
"""

import contextlib
import csv
import re
from pathlib import Path

from odoo.models import MAGIC_COLUMNS
from odoo.tools.safe_eval import safe_eval

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
# What a department has places of its own in (a ward's stock).
PLACES = ("stock.location",)
# Errors the web client shows as a message (a UserError or one of its
# subclasses): a refusal, not a crash.
USER_ERRORS = {
    "odoo.exceptions.UserError",
    "odoo.exceptions.ValidationError",
    "odoo.exceptions.AccessError",
    "odoo.exceptions.MissingError",
    "odoo.exceptions.RedirectWarning",
}


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


def role_ward(env, users, day):
    """A department the ``users`` work in (one employee each, portal users
    aside), with a place of its own (a stock location) for every link it
    has to one.  Records linked to it (``links={"hr.department": ward}`` of
    :func:`plausible_values`) are then within the users' department record
    rules: what refuses their calls is the document itself."""
    ward = plausible_record(env, env["hr.department"], day)
    for name, field in ward._fields.items():
        if (
            field.type == "many2one"
            and field.comodel_name in PLACES
            and field.store
            and not field.compute
            and not ward[name]
        ):
            ward[name] = plausible_record(env, env[field.comodel_name], day)
    env["hr.employee"].create(
        [
            {"name": user.name, "user_id": user.id, "department_id": ward.id}
            for user in users.values()
            if not user.share
        ]
    )
    return ward


def password(user):
    """The password ``new_test_user`` gives ``user``."""
    return user.login + "x" * (8 - len(user.login))


def authenticate(case, user):
    """Log ``case`` (an HttpCase) in as ``user``, made by ``new_test_user``."""
    case.authenticate(user.login, password(user))


def static_domain(field):
    """The domain of a relational ``field`` when it names nothing but
    constants (``[('usage', '=', 'internal')]``), else ``[]``: what a
    plausible link must satisfy, as far as it is known without a record."""
    domain = field.domain
    if isinstance(domain, str):
        try:
            domain = safe_eval(domain, {})
        except Exception:  # noqa: BLE001 - it names other fields or the user
            return []
    return domain if isinstance(domain, list) else []


def plausible_values(env, Model, day, links=None):
    """Values for the required fields without a default: the first record of
    a many2one, the first choice of a selection, a word, 1, ``day``.

    ``links`` (``{comodel: record}``) names the record a many2one to that
    comodel gets, required or not, whatever its default: the department the
    test users work in, so that the record rules let them reach the record.
    """
    links = links or {}
    defaults = Model.default_get(list(Model._fields))
    vals = {}
    for name, field in Model._fields.items():
        if (
            field.type == "many2one"
            and field.comodel_name in links
            and field.store
            and not (field.compute and field.readonly)
        ):
            vals[name] = links[field.comodel_name].id
            continue
        # A field of an _inherits parent is computed here, but required there.
        if (
            not field.required
            or name in defaults
            or (field.compute and not field.inherited)
        ):
            continue
        if field.type == "many2one":
            Comodel = env[field.comodel_name].sudo()
            vals[name] = Comodel.search(static_domain(field), limit=1).id
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


def plausible_attempts(env, Model, day, depth=1, links=None):
    """The values :func:`plausible_record` tries, in turn: the required
    fields (:func:`plausible_values`), then every link filled too, with a
    record of the comodel made the same way if none exists.  A generator:
    the records of the second attempt are created only when it is asked
    for."""
    Model = Model.sudo()
    vals = plausible_values(env, Model, day, links)
    yield vals
    if depth:
        filled = dict(vals)
        for name, field in Model._fields.items():
            if (
                field.type == "many2one"
                and field.store
                and not (field.compute and field.readonly)
                and not filled.get(name)
                and name not in MAGIC_COLUMNS
                and field.comodel_name not in ("res.company", "res.currency")
            ):
                Comodel = env[field.comodel_name].sudo()
                link = Comodel.search(
                    static_domain(field), limit=1
                ) or plausible_record(env, Comodel, day, depth - 1, links)
                filled[name] = link.id
        yield filled


def plausible_record(env, Model, day, depth=1, links=None):
    """A record made of plausible values, or an empty recordset.  When the
    required fields are not enough (a constraint asks for a place or an
    equipment), every link is filled too (:func:`plausible_attempts`).
    ``links``: see :func:`plausible_values`."""
    Model = Model.sudo()
    for attempt in plausible_attempts(env, Model, day, depth, links):
        try:
            with env.cr.savepoint():
                # A copy: some create() overrides write into the values.
                record = Model.create(dict(attempt))
                record.flush_recordset()
                return record
        except Exception:  # noqa: BLE001, S112 - the next attempt fills more
            continue
    return Model.browse()


def creatable_values(env, Model, day, links=None):
    """The first of :func:`plausible_attempts` a superuser creates a record
    with (the record itself is rolled back), or None when none works: what a
    user may send to ``create`` and expect it to pass."""
    for vals in plausible_attempts(env, Model, day, links=links):
        try:
            with contextlib.closing(env.cr.savepoint()):
                Model.sudo().create(dict(vals)).flush_recordset()
            return vals
        except Exception:  # noqa: BLE001, S112 - the next attempt fills more
            continue
    return None


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
