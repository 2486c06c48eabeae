"""Bad input through RPC ends cleanly and leaves nothing half-written.

For every model a suite addon introduces (create and write) and every field a
suite addon adds to a core model (write on an existing record), a fixed corpus
of bad values is sent through the web client's JSON-RPC endpoint: wrong types,
missing required fields, negative numbers, 1 MB strings, inverted date ranges
and unknown fields.  The corpus is fixed rather than random so that a failure
is reproducible run after run and the whole file stays within seconds.

What "clean" means:
  * success, the model accepts the value; or
  * an error the web client shows as a message, i.e. a UserError or one of its
    subclasses (ValidationError, AccessError, MissingError, RedirectWarning):
    Odoo turns constraint violations (IntegrityError) into these too; or
  * for payloads the web client can never send (a value of the wrong type, an
    unknown field) also the refusal of the payload itself before anything is
    written: the ORM's ValueError or TypeError while converting the values,
    or PostgreSQL's DataError (e.g. "not an id" for a many2one).
Anything else is a bug: an HTTP 500, a database error leaking out (a value
too big for an index, a numeric overflow), a KeyError or AttributeError in our
code, or a value that can be typed into a form (negative number, long text,
inverted dates, missing field) refused with a ValueError, i.e. a traceback
dialog instead of a message.

Nothing half-written: after a refused create the model has as many rows as
before; after a refused write the record reads exactly as before.
"""

import datetime
import random
import re
import string

import hospital_harness as harness
import psycopg2
import psycopg2.errors

from odoo.tests import HttpCase, tagged
from odoo.tools import mute_logger

USER_ERRORS = harness.USER_ERRORS
PAYLOAD_ERRORS = {"builtins.ValueError", "builtins.TypeError"}
# PostgreSQL refusing a value of the wrong type ("not an id" for a many2one,
# which the ORM passes through): the statement fails whole, nothing is written.
PAYLOAD_ERRORS |= {
    f"psycopg2.errors.{name}"
    for name in dir(psycopg2.errors)
    if isinstance(getattr(psycopg2.errors, name), type)
    and issubclass(getattr(psycopg2.errors, name), psycopg2.DataError)
}
# 1 MB of incompressible text: PostgreSQL would compress a repeated letter
# into a few bytes and hide a value too big for an index.
HUGE = "".join(random.Random(5).choices(string.ascii_letters, k=1024 * 1024))
TODAY = datetime.date(2025, 6, 1)
# Fields the ORM maintains itself, and whose bad values test Odoo, not us.
SKIP_FIELDS = {"id", "display_name", "create_uid", "create_date", "write_uid"}
SKIP_FIELDS |= {"write_date", "message_follower_ids", "activity_ids"}
SKIP_FIELDS |= {"message_ids", "website_message_ids", "company_id", "currency_id"}
# Defects found by this test in code outside tests/, waiting for their owner:
# the call is still made, and the test fails once the defect is gone so that
# the entry is removed with the fix.
KNOWN_DEFECTS = {}
MATRIX, _NOTES = harness.load_matrix()
START_END = [("start", "end"), ("start", "stop"), ("from", "to"), ("begin", "end")]


def typed_bad_values(field):
    """Values a user can type into a form for this field, yet bad."""
    if field.type == "integer":
        # The most negative value PostgreSQL's integer holds: beyond it the
        # overflow is Odoo's, for every integer field, not ours.
        return [("negative", -1), ("very negative", -(2**31))]
    if field.type in ("float", "monetary"):
        return [("negative", -1), ("very negative", -(10**12))]
    if field.type in ("char", "text", "html"):
        return [("1 MB string", HUGE)]
    return []


def payload_bad_values(field):
    """Values of the wrong type, which only a broken client sends."""
    wrong = {
        "integer": "not a number",
        "float": "not a number",
        "monetary": "not a number",
        "char": {"a": 1},
        "text": ["a"],
        "html": {"a": 1},
        "boolean": {"a": 1},
        "date": "2025-13-45",
        "datetime": "not a date",
        "many2one": "not an id",
        "selection": "gs_no_such_value",
        "many2many": "not a list",
        "one2many": "not a list",
    }
    if field.type in wrong:
        return [("wrong type", wrong[field.type])]
    return []


def date_pairs(Model):
    """(start, end) field pairs, e.g. date_start/date_end, date_from/date_to."""
    pairs = []
    for name, field in Model._fields.items():
        if field.type not in ("date", "datetime") or not field.store:
            continue
        for start, end in START_END:
            if re.search(rf"(^|_){start}(_|$)", name):
                other = re.sub(rf"(^|_){start}(_|$)", rf"\1{end}\2", name)
                if other in Model._fields and Model._fields[other].type in (
                    "date",
                    "datetime",
                ):
                    pairs.append((name, other))
    return pairs


def date_value(field, day):
    return str(day) if field.type == "date" else f"{day} 08:00:00"


@tagged("post_install", "-at_install")
class TestRpcFuzz(HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.addons = set(harness.suite_addons())

    def setUp(self):
        super().setUp()
        self.authenticate("admin", "admin")
        self.dirty = []
        self.calls = set()
        self.known = set()

    # -- one call ------------------------------------------------------------

    def _call(self, model, method, args):
        result, error = harness.call(self, model, method, args)
        return result, (str(error) if error else None)

    def _judge(self, what, error, typed):
        self.calls.add(what)
        if error is None:
            return True
        name = error.split(":", 1)[0]
        if name in USER_ERRORS or (not typed and name in PAYLOAD_ERRORS):
            return False
        if what in KNOWN_DEFECTS:
            self.known.add(what)
        else:
            self.dirty.append(f"{what}: {error}")
        return False

    def _snapshot(self, record, fields):
        record.invalidate_recordset()
        return record.sudo().with_context(active_test=False).read(fields)[0]

    def _create(self, model, vals, what, typed):
        Model = self.env[model].sudo().with_context(active_test=False)
        before = Model.search_count([])
        result, error = self._call(model, "create", [vals])
        if not self._judge(what, error, typed) and error is not None:
            if Model.search_count([]) != before:
                self.dirty.append(f"{what}: refused, yet a row was left behind")
        return result

    def _write(self, record, vals, what, typed):
        fields = [f for f in vals if f in record._fields]
        before = self._snapshot(record, fields) if fields else None
        _result, error = self._call(record._name, "write", [[record.id], vals])
        if not self._judge(what, error, typed) and error is not None and fields:
            if self._snapshot(record, fields) != before:
                self.dirty.append(f"{what}: refused, yet the record changed")

    def _report(self):
        fixed = sorted((set(KNOWN_DEFECTS) & self.calls) - self.known)
        self.assertFalse(
            fixed, "known defects no longer occur, remove them from KNOWN_DEFECTS"
        )
        self.assertFalse(
            self.dirty,
            f"{len(self.dirty)} RPC calls did not end cleanly:\n"
            + "\n".join(self.dirty),
        )

    # -- corpus ----------------------------------------------------------------

    def _fuzz_fields(self, Model, fields):
        return [
            name
            for name in fields
            if name not in SKIP_FIELDS
            and Model._fields[name].store
            and not Model._fields[name].readonly
            and not Model._fields[name].compute
        ]

    def _base_values(self, Model):
        return harness.plausible_values(self.env, Model, TODAY)

    def _mutations(self, Model, fields, small=False):
        """``(what, vals, typed)`` of the corpus; ``small``: one typed bad
        value and one of the wrong type per field, the inverted date ranges,
        nothing else."""
        for name in self._fuzz_fields(Model, fields):
            field = Model._fields[name]
            typed, payload = typed_bad_values(field), payload_bad_values(field)
            if small:
                typed, payload = typed[:1], payload[:1]
            for label, value in typed:
                yield f"{name} = {label}", {name: value}, True
            for label, value in payload:
                yield f"{name} = {label}", {name: value}, False
        for start, end in date_pairs(Model):
            if start in fields or end in fields:
                vals = {
                    start: date_value(Model._fields[start], TODAY),
                    end: date_value(
                        Model._fields[end], TODAY - datetime.timedelta(days=10)
                    ),
                }
                yield f"{start} after {end}", vals, True
        if not small:
            yield "unknown field", {"gs_no_such_field": 1}, False

    def _added_fields(self, Model):
        """Fields a suite addon adds to the core model ``Model``."""
        return [
            name
            for name, field in Model._fields.items()
            if set(getattr(field, "_modules", ()) or ()) & self.addons
        ]

    # -- the tests -------------------------------------------------------------

    def test_create_and_write_of_suite_models(self):
        """Models a suite addon introduces: create with nothing, create and
        write with each bad value."""
        models = [
            m for m in harness.owned_models(self.env) if not self.env[m]._transient
        ]
        if not models:
            self.skipTest("no addon of the suite introduces a model yet")
        for model in models:
            Model = self.env[model]
            required = [n for n, f in Model._fields.items() if f.required]
            if required:
                self._create(model, {}, f"{model}.create({{}})", True)
            base = self._base_values(Model)
            record_id = self._create(model, base, f"{model}.create(plausible)", True)
            record = Model.sudo().browse(record_id) if record_id else None
            # Models whose create needs more than their required fields (a
            # place, an equipment...) still get their writes fuzzed.
            record = record or harness.plausible_record(self.env, Model, TODAY)
            for what, vals, typed in self._mutations(Model, list(Model._fields)):
                self._create(model, {**base, **vals}, f"{model}.create {what}", typed)
                if record:
                    self._write(record, vals, f"{model}.write {what}", typed)
        self._report()

    def test_write_of_fields_added_to_core_models(self):
        """Fields a suite addon adds to a core model, written on an existing
        record with each bad value."""
        owned = set(harness.owned_models(self.env))
        checked = 0
        for model in sorted(set(harness.suite_models(self.env)) - owned):
            Model = self.env[model]
            if Model._transient:
                continue
            added = self._added_fields(Model)
            if not added:
                continue
            record = Model.sudo().search([], limit=1) or harness.plausible_record(
                self.env, Model, TODAY
            )
            if not record:
                continue
            checked += 1
            for what, vals, typed in self._mutations(Model, added):
                self._write(record, vals, f"{model}.write {what}", typed)
        self.assertTrue(checked, "no core model extended by the suite to write to")
        self._report()

    # The refusals are many, each logged with its 1 MB value: the report
    # names the calls that did not end cleanly.
    @mute_logger("odoo.http", "odoo.sql_db")
    def test_create_and_write_as_each_role(self):
        """The corpus, smaller (:meth:`_mutations` ``small``), as each role
        the access matrix lets create or write the model: the suite's models
        (create and write) and the fields it adds to core models (write).
        The users work in the department the records belong to, so that the
        department record rules let them reach the records; a refusal by
        the access rights (AccessError) is clean."""
        # The records are made today, not on TODAY: documents refuse dates
        # in the past (a loan due last year).
        day = datetime.date.today()
        users = harness.role_users(self.env, prefix="gs_fuzz")
        links = {"hr.department": harness.role_ward(self.env, users, day)}
        owned = set(harness.owned_models(self.env))
        checked = 0
        for model in sorted(set(harness.suite_models(self.env)) & set(MATRIX)):
            Model = self.env[model]
            if Model._transient:
                continue
            if model in owned:
                fields = list(Model._fields)
            else:
                fields = self._added_fields(Model)
            roles = {
                role: MATRIX[model][role] & {"create", "write"}
                for role in users
                if MATRIX[model][role] & {"create", "write"}
            }
            if not fields or not roles:
                continue
            base = harness.creatable_values(
                self.env, Model, day, links
            ) or harness.plausible_values(self.env, Model, day, links)
            # A core model's record is the admin run's (the company, not a new
            # one the users are not in); the suite's are the department's.
            existing = Model.sudo().search([], limit=1) if model not in owned else None
            record = existing or harness.plausible_record(
                self.env, Model, day, links=links
            )
            for role, operations in roles.items():
                checked += 1
                harness.authenticate(self, users[role])
                for what, vals, typed in self._mutations(Model, fields, small=True):
                    if "create" in operations and model in owned:
                        self._create(
                            model,
                            {**base, **vals},
                            f"{model}.create {what} as {role}",
                            typed,
                        )
                    if "write" in operations and record:
                        self._write(
                            record, vals, f"{model}.write {what} as {role}", typed
                        )
        self.assertTrue(checked, "no suite model that a role may create or write")
        self._report()
