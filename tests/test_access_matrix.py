"""The access matrix (tests/access_matrix.csv) is what Odoo really enforces.

One test per row logs in as every role and checks the four operations both
ways: what the matrix allows works, what it does not raises AccessError.  The
other tests make the matrix complete: every model an addon of addons/ defines
or extends has a row, archived documents cannot be deleted by non-managers, and
every department- or ward-bound model of the suite has a record rule.
"""

from datetime import date

import hospital_harness as harness

from odoo.exceptions import AccessError, UserError
from odoo.tests import TransactionCase, tagged

MATRIX, NOTES = harness.load_matrix()
# Comodels whose link makes a record belong to a department or a ward.
SCOPE_COMODELS = ("hr.department", "stock.location")
NO_RULE_TOKEN = "[no department rule]"
# A model whose ACL lets non-managers delete (a core ACL the suite keeps) but
# whose unlink() refuses them: the refusal is then proven on a real record.
CODE_REFUSES_TOKEN = "[unlink refused in code]"
# Fields by which a model archives its records instead of deleting them.
ARCHIVE_FIELDS = ("active", "archive")


def is_archived(Model):
    return not Model._transient and any(f in Model._fields for f in ARCHIVE_FIELDS)


@tagged("post_install", "-at_install")
class TestAccessMatrix(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.users = harness.role_users(cls.env, prefix="gs_matrix")

    def _actual(self, model, user):
        return {
            op
            for op in harness.OPERATIONS.values()
            if self.env[model].with_user(user).has_access(op)
        }

    def _check_row(self, model):
        if model not in self.env:
            self.fail(
                f"{harness.MATRIX_FILE.name} has a row for {model}, which no "
                "installed module defines: remove the row or install its addon"
            )
        wrong = []
        for role, user in self.users.items():
            expected = MATRIX[model][role]
            Model = self.env[model].with_user(user)
            for op in harness.OPERATIONS.values():
                if op in expected:
                    try:
                        Model.check_access(op)
                        if op == "read":
                            Model.search([], limit=1)
                    except AccessError as exc:
                        reason = str(exc).splitlines()[0]
                        wrong.append(
                            f"{role} {op}: allowed by the matrix, refused ({reason})"
                        )
                elif Model.has_access(op):
                    wrong.append(f"{role} {op}: refused by the matrix, but allowed")
                else:
                    self.assertRaises(AccessError, Model.check_access, op)
        if wrong:
            self.fail(
                f"{model}: Odoo's access rights differ from "
                f"{harness.MATRIX_FILE.name}:\n  " + "\n  ".join(wrong)
            )
        self._check_archived_not_deleted(model)

    def _check_archived_not_deleted(self, model):
        """In reality too: a non-manager deleting an archived document is
        refused, whether by the access rights or by the model's own rule."""
        Model = self.env[model]
        if not is_archived(Model):
            return
        record = Model.with_context(active_test=False).search([], limit=1)
        if not record:
            record = harness.plausible_record(self.env, Model, date.today())
        if not record:
            if CODE_REFUSES_TOKEN in NOTES.get(model, ""):
                self.fail(
                    f"{model}: the matrix says unlink is refused in code, but no "
                    "record exists nor can be made with plausible values to prove it"
                )
            return
        for role in sorted(set(self.users) - harness.UNLINK_ROLES):
            with self.subTest(role=role):
                # AccessError is a UserError: both mean "refused".
                with (
                    self.assertRaises(
                        UserError,
                        msg=f"{model}: {role} deleted record {record.id}",
                    ),
                    self.env.cr.savepoint(),
                ):
                    record.with_user(self.users[role]).unlink()

    def test_every_model_of_the_suite_has_a_row(self):
        models = harness.suite_models(self.env)
        missing = sorted(set(models) - set(MATRIX))
        if missing:
            self.fail(
                f"models without a row in tests/{harness.MATRIX_FILE.name}: "
                + ", ".join(
                    f"{m} (from {', '.join(sorted(models[m]))})" for m in missing
                )
                + ". Add one row per model with the access of each role.",
            )

    def test_every_addon_is_installed(self):
        installed = set(
            self.env["ir.module.module"]
            .sudo()
            .search([("state", "=", "installed")])
            .mapped("name")
        )
        missing = [a for a in harness.suite_addons() if a not in installed]
        if missing:
            self.fail(
                "addons of addons/ not installed in the test database, so "
                "nothing here checks them: " + ", ".join(missing)
            )

    def test_archived_models_are_not_deletable_by_non_managers(self):
        wrong = []
        for model, cells in MATRIX.items():
            if model not in self.env or not is_archived(self.env[model]):
                continue
            if CODE_REFUSES_TOKEN in NOTES[model]:
                continue
            for role, ops in cells.items():
                if "unlink" in ops and role not in harness.UNLINK_ROLES:
                    wrong.append(f"{model}: {role}")
        if wrong:
            self.fail(
                "records of these models are archived, never deleted, yet the "
                "matrix lets a non-manager delete them: "
                + ", ".join(wrong)
                + f". Remove the unlink right, or refuse it in unlink() and write "
                f"{CODE_REFUSES_TOKEN} in the note.",
            )

    def test_department_models_have_record_rules(self):
        """Data that belongs to a department or a ward is fenced by a record
        rule; the multi-company rule alone lets every ward see every ward."""
        missing = []
        for model in harness.owned_models(self.env):
            Model = self.env[model]
            links = [
                name
                for name, field in Model._fields.items()
                if field.type == "many2one" and field.comodel_name in SCOPE_COMODELS
            ]
            if not links or NO_RULE_TOKEN in NOTES.get(model, ""):
                continue
            rules = self.env["ir.rule"].sudo().search([("model_id.model", "=", model)])
            if not rules.filtered(lambda rule: not harness.is_company_rule(rule)):
                missing.append(f"{model} (linked by {', '.join(links)})")
        if missing:
            self.fail(
                "models bound to a department or ward without a record rule "
                "beyond the multi-company one: "
                + ", ".join(missing)
                + f". Add a rule, or write {NO_RULE_TOKEN} and why in the matrix note.",
            )


def _row_test(model):
    def test(self):
        self._check_row(model)

    test.__doc__ = f"Access rights of {model} match the matrix for every role."
    return test


for _model in MATRIX:
    setattr(
        TestAccessMatrix,
        "test_row_" + _model.replace(".", "_"),
        _row_test(_model),
    )
