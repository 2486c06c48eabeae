"""A vendor (portal user) never reaches another vendor's records, nor the
hospital's internal ones: by route, by RPC, or by attachment URL.

Everything is discovered: the routes declared by the suite's controllers, the
models of the suite, and the models a suite addon opens to portal users.  An
addon opening a model to the portal declares how to make a record owned by a
vendor with a model method::

    @api.model
    def _hospital_portal_fixture(self, partner):
        '''Return a new record owned by vendor ``partner`` (a company).'''

The test fails naming the model when that method is missing.
"""

import datetime
import re
import uuid

import hospital_harness as harness

from odoo import http
from odoo.tests import HttpCase, new_test_user, tagged

FIXTURE_METHOD = "_hospital_portal_fixture"
# Answers that keep a vendor out: refused, not found, method not allowed, or a
# redirection to the login page.
REFUSED_STATUS = {400, 401, 403, 404, 405, 422}
CSRF = re.compile(r"csrf_token[\"']?\s*[:=]\s*[\"']([0-9a-f]+o[0-9]+)")


@tagged("post_install", "-at_install")
class TestPortalIsolation(HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Partner = cls.env["res.partner"]
        cls.vendor_a_company = Partner.create(
            {"name": "GS Vendor A Cleaning Co.", "is_company": True}
        )
        cls.vendor_b_company = Partner.create(
            {"name": "GS Vendor B Elevator Co.", "is_company": True}
        )
        cls.vendor_a = new_test_user(
            cls.env, login="gs_vendor_a", groups="base.group_portal"
        )
        cls.vendor_b = new_test_user(
            cls.env, login="gs_vendor_b", groups="base.group_portal"
        )
        cls.vendor_a.partner_id.parent_id = cls.vendor_a_company
        cls.vendor_b.partner_id.parent_id = cls.vendor_b_company
        cls.matrix, _notes = harness.load_matrix()
        cls.models = harness.suite_models(cls.env)

    # -- discovery -----------------------------------------------------------

    def _suite_routes(self):
        """``(url, routing)`` of every route a suite addon declares."""
        addons = set(harness.suite_addons())
        installed = set(self.env.registry._init_modules)
        for url, endpoint in http._generate_routing_rules(sorted(installed), False):
            module = endpoint.original_endpoint.__module__.split(".")
            if module[:2] == ["odoo", "addons"] and module[2] in addons:
                yield url, endpoint.routing

    def _portal_models(self):
        """Suite models a suite addon grants portal users read access to."""
        addons = set(harness.suite_addons())
        portal = self.env.ref("base.group_portal")
        accesses = (
            self.env["ir.model.access"]
            .sudo()
            .search([("group_id", "=", portal.id), ("perm_read", "=", True)])
        )
        xmlids = accesses.get_external_id()
        return sorted(
            {
                access.model_id.model
                for access in accesses
                if xmlids[access.id].split(".")[0] in addons
                and access.model_id.model in self.models
            }
        )

    # -- helpers -------------------------------------------------------------

    def _login(self, user):
        harness.authenticate(self, user)

    def _csrf(self):
        page = self.url_open("/my")
        match = CSRF.search(page.text)
        return match.group(1) if match else ""

    def _call_kw(self, model, method, args, kwargs=None):
        """JSON-RPC as the web client does; returns (result, error name)."""
        result, error = harness.call(self, model, method, args, kwargs)
        if error:
            self.assertFalse(
                error.name.startswith("HTTP "), f"{model}.{method}: {error}"
            )
            return None, error.name
        return result, None

    def _json2(self, key, model, method, payload):
        return self.url_open(
            f"/json/2/{model}/{method}",
            json=payload,
            headers={"Authorization": f"bearer {key}"},
        )

    def _api_key(self, user):
        return (
            self.env["res.users.apikeys"]
            .with_user(user)
            .sudo()
            ._generate(None, "gs portal isolation", None)
        )

    def _attach(self, record, secret):
        return (
            self.env["ir.attachment"]
            .sudo()
            .create(
                {
                    "name": "gs-secret.txt",
                    "res_model": record._name,
                    "res_id": record.id,
                    "raw": secret.encode(),
                    "mimetype": "text/plain",
                }
            )
        )

    def _assert_download_refused(self, attachment, secret, what):
        for url in (
            f"/web/content/{attachment.id}",
            f"/web/content/{attachment.id}?download=true",
            f"/web/content/ir.attachment/{attachment.id}/datas",
        ):
            response = self.url_open(url)
            self.assertNotIn(
                secret,
                response.text,
                f"{what}: a vendor downloaded it through {url}",
            )

    def _paths(self, url, record_id):
        """The route with its placeholders filled: ``record_id`` for numbers
        and records; for a word such as ``<string:token>``, each real value of
        a field of the suite named alike (``qr_token`` of every model that has
        one), so that the route does not merely answer "not found"."""
        placeholder = re.compile(r"<(?:([a-z]+)(?:\([^)]*\))?:)?([a-zA-Z_]+)>")
        paths = [url]
        for match in placeholder.finditer(url):
            converter, name = match.group(1) or "default", match.group(2)
            if converter.startswith(("int", "model")):
                values = [str(record_id)]
            else:
                values = self._known_values(name) or ["gs-probe"]
            paths = [
                path.replace(match.group(0), value, 1)
                for path in paths
                for value in values
            ]
        return paths

    def _known_values(self, name):
        values = []
        for model in sorted(self.models):
            Model = self.env[model].sudo()
            for fname, field in Model._fields.items():
                if (
                    field.type == "char"
                    and field.store
                    and (fname == name or fname.endswith("_" + name))
                ):
                    record = Model.search(
                        [(fname, "!=", False)], limit=1
                    ) or harness.plausible_record(
                        self.env, Model, datetime.date.today()
                    )
                    if record and record[fname]:
                        values.append(record[fname])
        return values

    # -- the vendor and the hospital's internal data -------------------------

    def test_vendor_refused_internal_models_by_rpc(self):
        """Every suite model the matrix closes to vendors refuses them by the
        web client's RPC and by the JSON-2 API."""
        closed = sorted(
            m for m in self.models if m in self.matrix and not self.matrix[m]["portal"]
        )
        key = self._api_key(self.vendor_a)
        self._login(self.vendor_a)
        leaks = []
        for model in closed:
            result, error = self._call_kw(
                model, "search_read", [[]], {"fields": ["display_name"], "limit": 5}
            )
            if error != "odoo.exceptions.AccessError":
                leaks.append(f"{model} search_read by call_kw: {result or error}")
            response = self._json2(
                key, model, "search_read", {"domain": [], "fields": ["display_name"]}
            )
            if response.status_code != 403:
                leaks.append(
                    f"{model} search_read by /json/2: HTTP {response.status_code}"
                )
        self.assertFalse(leaks, "a vendor reached internal data:\n" + "\n".join(leaks))

    def test_vendor_refused_internal_attachments(self):
        """A file attached to an internal record of the suite is not
        downloadable by a vendor who guesses its URL."""
        attachments = []
        for model in sorted(self.models):
            if self.matrix.get(model, {}).get("portal"):
                continue
            record = (
                self.env[model]
                .sudo()
                .with_context(active_test=False)
                .search([], limit=1)
            )
            if record:
                secret = f"gs-secret-{uuid.uuid4().hex}"
                attachments.append((model, self._attach(record, secret), secret))
        self.assertTrue(attachments, "no suite record to attach a file to")
        self._login(self.vendor_a)
        for model, attachment, secret in attachments:
            self._assert_download_refused(attachment, secret, f"file of a {model}")

    def test_vendor_refused_internal_routes(self):
        """Every route of the suite outside the portal (/my) refuses vendors:
        they are not hospital staff, whatever the route does for them."""
        self._login(self.vendor_a)
        csrf = self._csrf()
        reached = []
        for url, routing in self._suite_routes():
            if url.startswith("/my") or routing.get("auth") in ("public", "none"):
                continue
            for path in self._paths(url, self.env.company.id):
                status = self._probe(path, routing, csrf)
                if status:
                    reached.append(f"{url} ({path}): {status}")
        self.assertFalse(
            reached,
            "internal routes of the suite answer a vendor:\n" + "\n".join(reached),
        )

    def _probe(self, path, routing, csrf):
        """None when the route keeps the vendor out, else what it answered."""
        methods = routing.get("methods") or ["GET"]
        if "GET" in methods:
            response = self.url_open(path, allow_redirects=False)
        elif routing.get("type") == "jsonrpc":
            response = self.url_open(path, json={"params": {}})
        else:
            response = self.url_open(
                path, data={"csrf_token": csrf}, allow_redirects=False
            )
        location = response.headers.get("Location", "")
        if response.status_code in REFUSED_STATUS or (
            response.is_redirect and "/web/login" in location
        ):
            return None
        if routing.get("type") == "jsonrpc" and "error" in response.json():
            return None
        return f"HTTP {response.status_code}"

    # -- vendor against vendor -----------------------------------------------

    def test_portal_models_have_a_fixture(self):
        missing = [
            model
            for model in self._portal_models()
            if not hasattr(self.env[model], FIXTURE_METHOD)
        ]
        self.assertFalse(
            missing,
            f"models open to portal users without a {FIXTURE_METHOD}(partner) "
            "method, so nothing proves vendors are kept apart: " + ", ".join(missing),
        )

    def test_vendor_cannot_reach_another_vendors_records(self):
        models = [
            m for m in self._portal_models() if hasattr(self.env[m], FIXTURE_METHOD)
        ]
        if not models:
            self.skipTest("no suite model is open to portal users yet")
        portal_routes = [
            (url, routing)
            for url, routing in self._suite_routes()
            if url.startswith("/my")
        ]
        key = self._api_key(self.vendor_a)
        leaks = []
        fixtures = {}
        for model in models:
            Model = self.env[model].sudo()
            own = getattr(Model, FIXTURE_METHOD)(self.vendor_a_company)
            other = getattr(Model, FIXTURE_METHOD)(self.vendor_b_company)
            self.assertNotEqual(
                own.display_name,
                other.display_name,
                f"{model}.{FIXTURE_METHOD} must give distinct names per vendor",
            )
            secret = f"gs-secret-{uuid.uuid4().hex}"
            fixtures[model] = (own, other, self._attach(other, secret), secret)
        self._login(self.vendor_a)
        for model, (own, other, attachment, secret) in fixtures.items():
            # By the ORM as vendor A.
            Model = self.env[model].with_user(self.vendor_a)
            visible = Model.search([])
            if own not in visible:
                leaks.append(
                    f"{model}: vendor A does not see its own record, so the "
                    "fixture proves nothing"
                )
            if other in visible:
                leaks.append(f"{model}: B's record listed by search")
            if other.with_user(self.vendor_a).has_access("read"):
                leaks.append(f"{model}: B's record readable")
            if other.with_user(self.vendor_a).has_access("write"):
                leaks.append(f"{model}: B's record writable")
            # By RPC, as the web client and as the JSON-2 API.
            result, _error = self._call_kw(
                model, "search_read", [[]], {"fields": ["display_name"]}
            )
            if result and other.id in {row["id"] for row in result}:
                leaks.append(f"{model}: B's record listed by call_kw search_read")
            for method, args in (
                ("read", [[other.id], ["display_name"]]),
                ("write", [[other.id], {"display_name": "gs"}]),
            ):
                result, error = self._call_kw(model, method, args)
                if not error:
                    leaks.append(f"{model}: call_kw {method} of B's record worked")
            response = self._json2(
                key, model, "read", {"ids": [other.id], "fields": ["display_name"]}
            )
            if response.status_code == 200:
                leaks.append(f"{model}: /json/2 read of B's record worked")
            # By attachment URL.
            self._assert_download_refused(attachment, secret, f"B's file on {model}")
            # By every portal route of the suite, B's id in place of any id.
            for url, _routing in portal_routes:
                for path in self._paths(url, other.id):
                    response = self.url_open(path)
                    if other.display_name in response.text:
                        leaks.append(f"{model}: {path} shows B's record")
        self.assertFalse(
            leaks, "a vendor reached another vendor's records:\n" + "\n".join(leaks)
        )
