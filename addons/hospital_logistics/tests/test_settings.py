from odoo.exceptions import AccessError, ValidationError
from odoo.tests import Form

from .common import HospitalLogisticsCase

# A value each kind of threshold refuses, and one it accepts.
NONSENSE = {"amount": -1, "period": 0, "count": 0, "percent": 101}
SENSIBLE = {"amount": 0, "period": 3, "count": 2, "percent": 50}


class TestSettings(HospitalLogisticsCase):
    """The thresholds mechanism, over whatever thresholds the installed addons
    declare (each addon tests its own defaults against DOMAIN.md)."""

    def _thresholds(self, kind=None):
        kinds = self.env["res.company"]._hospital_threshold_kinds()
        found = [f for f, k in kinds.items() if kind in (None, k)]
        if not found:
            self.skipTest(f"no installed addon declares a threshold of kind {kind}")
        return found

    def test_every_threshold_is_on_the_settings_page(self):
        settings = self.env["res.config.settings"]
        # the page as served, with the thresholds other addons add to it
        arch = settings.get_view(view_type="form")["arch"]
        for fname in self._thresholds():
            self.assertIn(fname, settings._fields, fname)
            self.assertIn(f'name="{fname}"', arch, fname)

    def test_every_threshold_is_on_the_managers_form(self):
        view = self.env.ref(
            "hospital_logistics.res_company_view_form_hospital_thresholds"
        )
        arch = self.env["res.company"].get_view(view.id, "form")["arch"]
        for fname in self._thresholds():
            self.assertIn(f'name="{fname}"', arch, fname)

    def test_settings_form_saves_a_threshold_and_keeps_the_change(self):
        fname = self._thresholds("period")[0]
        before = self.company[fname]
        with Form(self.env["res.config.settings"]) as form:
            setattr(form, fname, before + 1)
        form.save().execute()
        self.assertEqual(self.company[fname], before + 1)
        change = self.env["hospital.threshold.change"].search(
            [("field_name", "=", fname)], limit=1
        )
        self.assertEqual(change.user_id, self.env.user)
        self.assertEqual(change.new_value, f"{before + 1:g}")
        self.assertEqual(change.old_value, f"{before:g}")

    def test_every_threshold_refuses_nonsense(self):
        for fname, kind in self.env["res.company"]._hospital_threshold_kinds().items():
            before = self.company[fname]
            with (
                self.subTest(threshold=fname),
                self.assertRaises(ValidationError),
                self.cr.savepoint(),
            ):
                self.company.write({fname: NONSENSE[kind]})
            self.env.invalidate_all()
            self.assertEqual(self.company[fname], before, "nothing is half-written")

    def test_settings_page_refuses_nonsense(self):
        fname = self._thresholds("period")[0]
        before = self.company[fname]
        with self.assertRaises(ValidationError), self.cr.savepoint():
            self.env["res.config.settings"].create({fname: 0}).execute()
        self.env.invalidate_all()
        self.assertEqual(self.company[fname], before)
        self.assertFalse(
            self.env["hospital.threshold.change"].search([("field_name", "=", fname)])
        )

    def test_zero_amount_allowed(self):
        """An amount threshold of 0 means "always": it is a choice, not nonsense."""
        fname = self._thresholds("amount")[0]
        self.company[fname] = 0
        self.assertEqual(self.company[fname], 0)

    def test_manager_changes_thresholds_tracked(self):
        fnames = self._thresholds()
        kinds = self.env["res.company"]._hospital_threshold_kinds()
        values = {f: SENSIBLE[kinds[f]] for f in fnames}
        values = {f: v for f, v in values.items() if self.company[f] != v}
        self.company.with_user(self.manager).write(values)
        for fname, value in values.items():
            self.assertEqual(self.company[fname], value, fname)
        changes = self.env["hospital.threshold.change"].search(
            [("field_name", "in", list(values))]
        )
        self.assertEqual(set(changes.mapped("field_name")), set(values))
        self.assertEqual(changes.user_id, self.manager)
        self.assertTrue(all(changes.mapped("threshold")))

    def test_manager_changes_nothing_else_of_the_company(self):
        fname = self._thresholds("period")[0]
        before = self.company[fname]
        name = self.company.name
        for vals in ({"name": "Renamed"}, {fname: before + 1, "name": "Renamed"}):
            with self.assertRaises(AccessError), self.cr.savepoint():
                self.company.with_user(self.manager).write(vals)
        self.env.invalidate_all()
        self.assertEqual(self.company.name, name)
        self.assertEqual(self.company[fname], before)

    def test_staff_refused_thresholds(self):
        fname = self._thresholds("period")[0]
        before = self.company[fname]
        for user in (self.requester, self.technician, self.head_nurse, self.finance):
            with self.assertRaises(AccessError), self.cr.savepoint():
                self.company.with_user(user).write({fname: before + 1})
        self.assertEqual(self.company[fname], before)

    def test_history_is_read_only(self):
        fname = self._thresholds("period")[0]
        self.company.with_user(self.manager).write({fname: self.company[fname] + 1})
        change = self.env["hospital.threshold.change"].search([], limit=1)
        for user in (self.manager, self.leader):
            with self.assertRaises(AccessError):
                change.with_user(user).write({"new_value": "1"})
            with self.assertRaises(AccessError):
                change.with_user(user).unlink()
        with self.assertRaises(AccessError):
            change.with_user(self.requester).read(["new_value"])

    def test_thresholds_action_opens_the_current_company(self):
        action = (
            self.env["res.company"]
            .with_user(self.manager)
            ._hospital_action_thresholds()
        )
        self.assertEqual(action["res_id"], self.env.company.id)
        self.assertEqual(action["res_model"], "res.company")

    def test_demo_hospital_keeps_books_in_yuan(self):
        company = self.env["res.company"].create({"name": "Demo Hospital"})
        company._hospital_demo_identity()
        self.assertEqual(company.currency_id, self.env.ref("base.CNY"))
        self.assertEqual(company.name, "滨江市第一人民医院")

    def test_error_speaks_the_users_language(self):
        fname = self._thresholds("period")[0]
        self.env["res.lang"]._activate_lang("zh_CN")
        self.env["ir.module.module"]._load_module_terms(
            ["hospital_logistics"], ["zh_CN"], overwrite=True
        )
        company = self.company.with_context(lang="zh_CN")
        with self.assertRaises(ValidationError) as caught:
            company[fname] = 0
        self.assertIn("必须大于零", str(caught.exception))
