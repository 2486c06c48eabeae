"""A document's workflow fields change only through its buttons.

Workflow fields are discovered on every concrete model of the suite: stored
selection fields named ``state`` or ``*_state`` (``service_state``,
``notice_state``), and the selection fields a model lists in its class
attribute ``_hospital_workflow_fields`` (hospital.workflow.mixin).  On a core
model the suite extends, only the fields a suite addon adds count, unless the
model lists them: core's own states (``stock.picking.state``) are Odoo's
workflow, and are printed as not checked.

For every role of tests/access_matrix.csv that may write the model, a user of
that role, employee of the department the test's records belong to (so that
the department record rules let them reach the records), calls through the
web client's JSON-RPC:

  * ``write`` on the model's record, with each value of the field other than
    the record's;
  * ``create``, with each value other than the default, when the role may
    create (after a plain ``create`` proved that it may).

Each call must be refused with a message (a UserError family error: the
workflow's refusal, a ValidationError, or the access rights' AccessError) and
leave the record as it was, create no row.  A model that lets users change a
field directly on purpose declares it, with the reason, in
``_hospital_direct_edits = {"field": "why"}``: the field is skipped, and the
declared edits are printed.  A direct change that goes through undeclared
fails the test, which lists every (model, field, value, role, operation) that
went through; a call that succeeds without changing anything passes
("ignored").  Every call runs in a savepoint rolled back afterwards: one
record per model serves every case.  What the run could not prove (a role
the record rules keep out, a plain create refused) is reported, not failed.
"""

import collections
import contextlib
import datetime

import hospital_harness as harness

from odoo.tests import HttpCase, tagged
from odoo.tools import mute_logger

MATRIX, _NOTES = harness.load_matrix()
WORKFLOW_FIELDS = "_hospital_workflow_fields"
DIRECT_EDITS = "_hospital_direct_edits"
# Documents refuse dates in the past (a loan due yesterday).
TODAY = datetime.date.today()


def is_state_like(name, field):
    return field.store and (name == "state" or name.endswith("_state"))


def workflow_fields(Model, suite_addons, owned):
    """Names of the selection fields of ``Model`` that only its transitions
    may change (see the module's docstring)."""
    declared = set(getattr(Model, WORKFLOW_FIELDS, ()) or ())
    names = []
    for name, field in Model._fields.items():
        if field.type != "selection":
            continue
        ours = owned or set(getattr(field, "_modules", ()) or ()) & suite_addons
        if name in declared or (ours and is_state_like(name, field)):
            names.append(name)
    return names


def build_order(env, models):
    """``models`` with the ones another requires (a required many2one)
    first, so that a line is made once its document exists."""
    order, seen = [], set()

    def visit(model):
        if model in seen:
            return
        seen.add(model)
        for field in env[model]._fields.values():
            if field.type == "many2one" and field.required:
                if field.comodel_name in models:
                    visit(field.comodel_name)
        order.append(model)

    for model in sorted(models):
        visit(model)
    return order


@tagged("post_install", "-at_install")
class TestWorkflowStates(HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        env = cls.env
        cls.users = harness.role_users(env, prefix="gs_flow")
        # The users work in one department, where the records are made.
        cls.links = {"hr.department": harness.role_ward(env, cls.users, TODAY)}
        addons = set(harness.suite_addons())
        owned = set(harness.owned_models(env))
        cls.fields, cls.direct_edits, cls.core_states = {}, {}, []
        for model in sorted(harness.suite_models(env)):
            Model = env[model]
            if Model._transient:
                continue
            declared = getattr(Model, DIRECT_EDITS, None) or {}
            for name, why in declared.items():
                cls.direct_edits[(model, name)] = why
            names = [
                name
                for name in workflow_fields(Model, addons, model in owned)
                if name not in declared
            ]
            if names:
                cls.fields[model] = names
            cls.core_states += [
                f"{model}.{name}"
                for name, field in Model._fields.items()
                if field.type == "selection"
                and is_state_like(name, field)
                and name not in names
                and name not in declared
            ]
        cls.order = build_order(env, set(cls.fields))
        # Values a superuser creates a record with: the roles create with
        # them, the record written is made of them.
        with mute_logger("odoo.sql_db"):
            cls.values = {
                model: harness.creatable_values(env, env[model], TODAY, cls.links)
                for model in cls.order
            }

    # -- one case --------------------------------------------------------

    def _value(self, record, fname):
        record.invalidate_recordset([fname])
        return record.sudo().with_context(active_test=False)[fname]

    def _count(self, model):
        return self.env[model].sudo().with_context(active_test=False).search_count([])

    @contextlib.contextmanager
    def _undone(self):
        """Whatever the call did, undone afterwards: the next case finds the
        database as the previous one did."""
        with contextlib.closing(self.env.cr.savepoint()):
            yield
        self.env.invalidate_all()

    def _write(self, record, fname, value):
        """``accepted``, ``ignored``, the error's class, or a sentence saying
        what went wrong."""
        with self._undone():
            before = self._value(record, fname)
            _result, error = harness.call(
                self, record._name, "write", [[record.id], {fname: value}]
            )
            after = self._value(record, fname)
        if error is None:
            return "accepted" if after == value else "ignored"
        if error.name not in harness.USER_ERRORS:
            return f"unclean: {error}"
        if after != before:
            return f"refused ({error.name}), yet the record changed to {after!r}"
        return error.name

    def _create(self, model, vals, fnames):
        """How the create ended (as :meth:`_write` says it), and the values
        of ``fnames`` on the record it made.  Accepted means that the record
        has the values ``vals`` gives for ``fnames``."""
        with self._undone():
            before = self._count(model)
            result, error = harness.call(self, model, "create", [vals])
            after = self._count(model)
            values = {}
            if error is None and result:
                record = self.env[model].browse(result)
                values = {fname: self._value(record, fname) for fname in fnames}
        if error is None:
            given = {f: vals[f] for f in fnames if f in vals}
            ends = all(values.get(f) == value for f, value in given.items())
            return ("accepted" if ends else "ignored"), values
        if error.name not in harness.USER_ERRORS:
            return f"unclean: {error}", values
        if after != before:
            return (
                f"refused ({error.name}), yet {after - before} row(s) were created",
                values,
            )
        return f"{error.name}: {error.message.splitlines()[0][:120]}", values

    # -- the test ----------------------------------------------------------

    # Every refusal is logged by odoo.http, and the plausible attempts that
    # fail by odoo.sql_db: the report says how each call ended.
    @mute_logger("odoo.http", "odoo.sql_db")
    def test_workflow_fields_change_only_through_buttons(self):
        if not self.fields:
            self.skipTest("no model of the suite has a workflow field")
        outcomes = collections.defaultdict(list)
        gaps = []
        for model in self.order:
            self._check_model(model, outcomes, gaps)
        report = self._report(outcomes, gaps)
        problems = []
        accepted = self._accepted(outcomes)
        if accepted:
            problems.append(
                f"{len(accepted)} direct changes of workflow fields went through. "
                "Refuse them (hospital.workflow.mixin), or declare the field in "
                "the model's _hospital_direct_edits = {field: why}:\n"
                + self._went_through(accepted)
            )
        broken = [
            f"  {model}.{fname} {operation} {value!r} by {role}: {outcome}"
            for (model, fname, value, role, operation), outcome in sorted(
                self._flat(outcomes)
            )
            if outcome.startswith(("unclean", "refused ("))
        ]
        if broken:
            problems.append("calls that did not end cleanly:\n" + "\n".join(broken))
        if problems:
            self.fail("\n".join([*problems, report]))
        # Shown by pytest -rP (or -s): what the run proved, and what it took
        # on trust.
        print(report)

    def _selection(self, Model, fname):
        field = Model._fields[fname]
        return [value for value, _label in field._description_selection(self.env)]

    def _check_model(self, model, outcomes, gaps):
        """Creates first, while the model has no record of the test (some
        documents are one per department and month), then writes on one."""
        Model = self.env[model]
        if model not in MATRIX:
            gaps.append(f"{model}: no row in the access matrix, nothing tried")
            return
        roles = [role for role in self.users if "write" in MATRIX[model][role]]
        values = self.values[model]
        if values is None:
            gaps.append(f"{model}: no plausible record, nothing tried")
            return
        # A user creates the document without the fields its buttons fill.
        declared = set(getattr(Model, WORKFLOW_FIELDS, ()) or ())
        base = {f: value for f, value in values.items() if f not in declared}
        for role in roles:
            if "create" not in MATRIX[model][role]:
                continue
            user = self.users[role]
            harness.authenticate(self, user)
            plain, start = self._create(model, base, self.fields[model])
            if plain != "accepted":
                gaps.append(f"{model}: plain create refused to {role} ({plain})")
                continue
            for fname in self.fields[model]:
                # Where a new document starts: its default, or what its
                # computation gives it.
                for value in self._selection(Model, fname):
                    if value != start[fname]:
                        outcome, _values = self._create(
                            model, {**base, fname: value}, [fname]
                        )
                        outcomes[(model, fname)].append(
                            (value, role, "create", outcome)
                        )
        try:
            with self.env.cr.savepoint():
                record = Model.sudo().create(dict(values))
        except Exception as error:  # noqa: BLE001 - said in the report
            gaps.append(f"{model}: no record to write on ({error})")
            return
        for role in roles:
            user = self.users[role]
            if not record.with_user(user).has_access("write"):
                gaps.append(f"{model}: {role} cannot reach the record (record rules)")
            harness.authenticate(self, user)
            for fname in self.fields[model]:
                current = self._value(record, fname)
                for value in self._selection(Model, fname):
                    if value != current:
                        outcomes[(model, fname)].append(
                            (value, role, "write", self._write(record, fname, value))
                        )

    # -- the report ----------------------------------------------------------

    @staticmethod
    def _flat(outcomes):
        return [
            ((model, fname, value, role, operation), outcome)
            for (model, fname), cases in outcomes.items()
            for value, role, operation, outcome in cases
        ]

    def _accepted(self, outcomes):
        return [case for case, outcome in self._flat(outcomes) if outcome == "accepted"]

    @staticmethod
    def _went_through(accepted):
        """The accepted changes, per field, then per operation and value,
        with the roles they went through for."""
        by_field = collections.defaultdict(lambda: collections.defaultdict(list))
        for model, fname, value, role, operation in accepted:
            by_field[(model, fname)][(operation, value)].append(role)
        lines = []
        for (model, fname), cases in sorted(by_field.items()):
            lines.append(f"  {model}.{fname}")
            for (operation, value), roles in sorted(cases.items()):
                lines.append(f"    {operation:<6} {value!r:<16} by {', '.join(roles)}")
        return "\n".join(lines)

    @staticmethod
    def _end(outcome):
        """How a call ended, in a word, for the counts of the report."""
        if outcome.startswith("refused ("):
            return "refused, yet changed"
        return outcome.split(":", 1)[0].removeprefix("odoo.exceptions.")

    def _report(self, outcomes, gaps):
        lines = ["workflow fields: calls per field and how they ended"]
        for (model, fname), cases in sorted(outcomes.items()):
            ends = collections.Counter(self._end(case[-1]) for case in cases)
            lines.append(
                f"  {model}.{fname}: {len(cases)} calls, "
                + ", ".join(f"{count} {end}" for end, count in sorted(ends.items()))
            )
        lines.append("declared direct edits (_hospital_direct_edits), not tried:")
        lines += [
            f"  {model}.{fname}: {why}"
            + ("" if fname in self.env[model]._fields else " (no such field)")
            for (model, fname), why in sorted(self.direct_edits.items())
        ] or ["  none"]
        if self.core_states:
            lines.append(
                "not checked, states of core models the suite extends: "
                + ", ".join(sorted(self.core_states))
            )
        if gaps:
            lines.append("not proven (the calls were refused before the workflow):")
            lines += [f"  {gap}" for gap in sorted(set(gaps))]
        return "\n".join(lines)
