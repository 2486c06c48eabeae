"""The main flows of the suite, as simulated users drive them through JSON-RPC.

A requester (临床科室人员) reports a fault and follows their requests; a ward
keeper (库管员) issues consumables against a delivery with its line.  Every
record a flow creates is remembered so that the run can check afterwards that
it exists, whole.  Models the suite's addons make mandatory fields on are
filled from the server's own description of the model, so the flows keep
working as addons extend them.
"""

import itertools
import random
import threading
import time

from common import Client, RpcError

GROUP = "hospital_logistics.hospital_logistics_group_"
PASSWORD = "gs-load-2025"
ISSUE_PRODUCT = "GS Load Gauze 纱布"


def xmlid(admin, ref):
    module, name = ref.split(".")
    rows = admin.call(
        "ir.model.data",
        "search_read",
        [("module", "=", module), ("name", "=", name)],
        fields=["res_id"],
    )
    return rows[0]["res_id"] if rows else None


def required_values(admin, model, known):
    """Values for the fields the server requires and fills no default for."""
    fields = admin.call(
        model,
        "fields_get",
        attributes=["required", "type", "relation", "selection", "readonly"],
    )
    defaults = admin.call(model, "default_get", list(fields))
    vals = {}
    for name, desc in fields.items():
        if (
            not desc.get("required")
            or name in defaults
            or name in known
            or desc.get("readonly")
        ):
            continue
        if desc["type"] == "many2one":
            ids = admin.call(desc["relation"], "search", [], limit=1)
            vals[name] = ids[0] if ids else False
        elif desc["type"] == "selection":
            vals[name] = desc["selection"][0][0]
        elif desc["type"] in ("char", "text", "html"):
            vals[name] = "GS load"
        elif desc["type"] in ("integer", "float", "monetary"):
            vals[name] = 1
    return vals


class Scenario:
    """Data set up as admin once, then shared by every simulated user."""

    def __init__(
        self, admin, users=50, keepers_share=0.2, prefix="gs_load", keeper_role="staff"
    ):
        self.admin = admin
        self.lock = threading.Lock()
        self.created = {"maintenance.request": [], "stock.picking": []}
        requester = xmlid(admin, GROUP + "requester")
        staff = xmlid(admin, GROUP + keeper_role)
        stock_user = xmlid(admin, "stock.group_stock_user")
        self.keepers = max(1, int(users * keepers_share))
        self.logins = []
        existing = {
            row["login"]
            for row in admin.call(
                "res.users",
                "search_read",
                [("login", "like", prefix + "_%")],
                fields=["login"],
            )
        }
        for index in range(users):
            keeper = index < self.keepers
            login = f"{prefix}_{'keeper' if keeper else 'requester'}_{index:03d}"
            if login not in existing:
                groups = [staff, stock_user] if keeper else [requester]
                admin.call(
                    "res.users",
                    "create",
                    {
                        "name": f"GS {'库管员' if keeper else '护士'} {index:03d}",
                        "login": login,
                        "password": PASSWORD,
                        "group_ids": [(6, 0, groups)],
                    },
                )
            self.logins.append((login, keeper))
        products = admin.call(
            "product.product", "search", [("name", "=", ISSUE_PRODUCT)], limit=1
        )
        self.product = (
            products[0]
            if products
            else admin.call(
                "product.product",
                "create",
                {"name": ISSUE_PRODUCT, "is_storable": True, "type": "consu"},
            )
        )
        self.picking_type = admin.call(
            "stock.picking.type",
            "search_read",
            [("code", "=", "outgoing")],
            fields=["default_location_src_id", "default_location_dest_id"],
            limit=1,
        )[0]
        self.source = self.picking_type["default_location_src_id"][0]
        self.customers = xmlid(admin, "stock.stock_location_customers")
        self.request_extra = required_values(
            admin, "maintenance.request", {"name", "description"}
        )
        self.request_extra.update(self.where(admin, "maintenance.request"))
        self.sequence = itertools.count()

    @staticmethod
    def where(admin, model):
        """A place for a request: the service desk asks where the service is
        needed once an addon adds a location to requests."""
        fields = admin.call(model, "fields_get", attributes=["type", "relation"])
        location = fields.get("location_id")
        if not location or location["type"] != "many2one":
            return {}
        comodel = location["relation"]
        ids = admin.call(comodel, "search", [], limit=1)
        if not ids:
            ids = [
                admin.call(
                    comodel,
                    "create",
                    {
                        **required_values(admin, comodel, {"name"}),
                        "name": "GS 住院部 3F 护士站",
                    },
                )
            ]
        return {"location_id": ids[0]}

    def remember(self, model, record_id):
        with self.lock:
            self.created[model].append(record_id)

    # -- flows: each returns nothing, raises RpcError on failure -------------

    def report_fault(self, client):
        number = next(self.sequence)
        record_id = client.call(
            "maintenance.request",
            "create",
            {
                **self.request_extra,
                "name": f"GS load 水龙头漏水 #{number}",
                "description": "Reported by the load run.",
            },
        )
        self.remember("maintenance.request", record_id)

    def follow_requests(self, client):
        client.call(
            "maintenance.request",
            "web_search_read",
            [("owner_user_id", "=", client.uid)],
            specification={"name": {}, "stage_id": {"fields": {"display_name": {}}}},
            limit=20,
        )

    def browse_departments(self, client):
        client.call(
            "hr.department",
            "web_search_read",
            [],
            specification={"name": {}, "manager_id": {"fields": {"display_name": {}}}},
            limit=40,
        )

    def delivery(self, client, product, origin):
        """A new delivery of 1 unit of ``product`` out of the warehouse, with
        its line, created by ``client``; returns its id."""
        return client.call(
            "stock.picking",
            "create",
            {
                "picking_type_id": self.picking_type["id"],
                "location_id": self.source,
                "location_dest_id": self.customers,
                "origin": origin,
                "move_ids": [
                    (
                        0,
                        0,
                        {
                            "product_id": product,
                            "product_uom_qty": 1,
                            "location_id": self.source,
                            "location_dest_id": self.customers,
                        },
                    )
                ],
            },
        )

    def issue_consumables(self, client):
        number = next(self.sequence)
        picking_id = self.delivery(client, self.product, f"GS load issue #{number}")
        self.remember("stock.picking", picking_id)
        client.call("stock.picking", "action_confirm", [picking_id])

    def flows_for(self, keeper):
        if keeper:
            return [(self.issue_consumables, 3), (self.browse_departments, 1)]
        return [
            (self.report_fault, 2),
            (self.follow_requests, 3),
            (self.browse_departments, 1),
        ]

    def pick(self, keeper, rng):
        flows = self.flows_for(keeper)
        return rng.choices([f for f, _w in flows], [w for _f, w in flows])[0]

    def login(self, url, db, login):
        return Client(url, db, login, PASSWORD)

    # -- after the run ---------------------------------------------------------

    def verify(self, admin=None):
        """Every created record exists, and every delivery has its line: a
        missing one is a lost write, a delivery without line a half-written
        document."""
        admin = admin or self.admin
        report = {}
        requests_ids = self.created["maintenance.request"]
        found = admin.call(
            "maintenance.request",
            "search_count",
            [("id", "in", requests_ids)],
            context={"active_test": False},
        )
        report["maintenance.request"] = (len(requests_ids), found)
        picking_ids = self.created["stock.picking"]
        found = admin.call(
            "stock.picking",
            "search_count",
            [("id", "in", picking_ids)],
        )
        report["stock.picking"] = (len(picking_ids), found)
        # Every delivery the run wrote, acknowledged to its client or not,
        # must hold its line: a delivery without it is half-written.
        pickings = admin.call(
            "stock.picking",
            "search_read",
            [("origin", "=like", "GS load issue #%")],
            fields=["move_ids"],
        )
        report["pickings without their line"] = sum(
            1 for p in pickings if len(p["move_ids"]) != 1
        )
        report["orphan issue lines"] = admin.call(
            "stock.move",
            "search_count",
            [("product_id", "=", self.product), ("picking_id", "=", False)],
        )
        written = admin.call(
            "maintenance.request",
            "search_count",
            [("name", "=like", "GS load %#%")],
            context={"active_test": False},
        )
        self.unacknowledged = (written - len(requests_ids)) + (
            len(pickings) - len(picking_ids)
        )
        return report


def user_loop(scenario, url, db, login, keeper, stop_at, results, seed):
    """One simulated user: log in, then run flows until ``stop_at``."""

    rng = random.Random(seed)
    try:
        client = scenario.login(url, db, login)
    except (RpcError, OSError) as exc:
        results.append(
            ("login", time.time(), 0.0, type(exc).__name__ + ": " + str(exc)[:200])
        )
        return
    while time.time() < stop_at:
        flow = scenario.pick(keeper, rng)
        started = time.time()
        error = None
        try:
            flow(client)
        except RpcError as exc:
            error = str(exc)[:240]
        except OSError as exc:
            error = type(exc).__name__ + ": " + str(exc)[:200]
        results.append((flow.__name__, started, time.time() - started, error))
        time.sleep(rng.uniform(0.0, 0.2))
