"""Concurrency run: two Odoo processes with workers on one database.

    python3 stress/concurrency.py [--clients 30] [--stock 20]

Starts two servers (ports 8083 and 8084 on 127.0.0.1, two workers each) on a
copy of the stress template database and fires, all at once, half of the
clients at each server:

  issues    every client issues 1 unit of a consumable that has ``--stock``
            units on hand (create a delivery, confirm, reserve, validate only
            when reserved).  More clients than units: never more than
            ``--stock`` issues go through, the others find nothing to
            reserve; on hand + issued == stock exactly, the done lines match
            the issues and no location's stock goes negative.
  updates   every client posts a note on, and writes to, the same
            maintenance request: every note must be there (no lost update),
            the final description must be one a client wrote.

Prints the figures, the serialization failures Odoo retried (counted in the
servers' logs) and exits 1 when a check fails.
"""

import argparse
import collections
import json
import subprocess
import sys
import threading
import time

from common import Client, RpcError, Server, drop_db, fresh_db, log, odoo_cmd
from flows import Scenario


def fire(clients, work):
    """Run ``work(index, client)`` for every client at the same instant."""
    barrier = threading.Barrier(len(clients))
    outcomes = [None] * len(clients)

    def run(index, client):
        barrier.wait()
        started = time.time()
        try:
            outcomes[index] = (work(index, client), None, time.time() - started)
        except RpcError as exc:
            outcomes[index] = (None, str(exc), time.time() - started)

    threads = [threading.Thread(target=run, args=(i, c)) for i, c in enumerate(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return outcomes


def issue_run(admin, scenario, clients, stock):
    product = scenario.product
    admin.call(
        "stock.quant",
        "create",
        {
            "product_id": product,
            "location_id": scenario.source,
            "inventory_quantity": stock,
        },
        context={"inventory_mode": True},
    )
    quant_ids = admin.call(
        "stock.quant",
        "search",
        [("product_id", "=", product), ("location_id", "=", scenario.source)],
    )
    admin.call("stock.quant", "action_apply_inventory", quant_ids)

    def issue(index, client):
        picking = scenario.delivery(client, product, f"GS concurrent issue {index}")
        client.call("stock.picking", "action_confirm", [picking])
        client.call("stock.picking", "action_assign", [picking])
        state = client.call("stock.picking", "read", [picking], ["state"])[0]["state"]
        if state != "assigned":
            client.call("stock.picking", "action_cancel", [picking])
            return "nothing to reserve"
        try:
            client.call("stock.picking", "button_validate", [picking])
        except RpcError as exc:
            # A concurrent issue that had to book on a new quant frees other
            # reservations of the place (Odoo's _free_reservation): the
            # keeper is told cleanly that there is nothing to issue.
            if exc.name != "odoo.exceptions.UserError":
                raise
            client.call("stock.picking", "action_cancel", [picking])
            return "reservation lost"
        return "issued"

    outcomes = fire(clients, issue)
    issued = sum(1 for result, _e, _s in outcomes if result == "issued")
    refused = sum(1 for result, _e, _s in outcomes if result == "nothing to reserve")
    lost = sum(1 for result, _e, _s in outcomes if result == "reservation lost")
    errors = [error for _r, error, _s in outcomes if error]
    quants = admin.call(
        "stock.quant",
        "search_read",
        [("product_id", "=", product), ("location_id.usage", "=", "internal")],
        fields=["quantity", "reserved_quantity", "location_id", "lot_id"],
    )
    on_hand = sum(q["quantity"] for q in quants)
    # Odoo books a move on a quant it can lock and skips locked ones: under
    # contention it may open a second, negative quant in the same place,
    # merged later by the quant cron.  What must never go negative is the
    # stock of a place, i.e. the sum of its quants.
    by_location = {}
    for quant in quants:
        place = quant["location_id"][1]
        by_location[place] = by_location.get(place, 0.0) + quant["quantity"]
    negative = {place: qty for place, qty in by_location.items() if qty < 0}
    split = sum(1 for q in quants if q["quantity"] < 0)
    done = admin.call(
        "stock.move",
        "search_read",
        [
            ("product_id", "=", product),
            ("state", "=", "done"),
            ("location_dest_id", "=", scenario.customers),
        ],
        fields=["quantity"],
    )
    expected = min(stock, len(clients))
    checks = {
        f"issued <= min(stock, clients) = {expected}": issued <= expected,
        "issued + nothing to reserve + reservation lost == clients": issued
        + refused
        + lost
        == len(clients),
        f"on hand == {stock} - issued": on_hand == stock - issued,
        "done lines == issued": len(done) == issued
        and sum(m["quantity"] for m in done) == issued,
        "no location with negative stock": not negative,
        "issues: no unexpected error": not errors,
    }
    print(f"\n== concurrent issues: {len(clients)} clients, {stock} units on hand ==")
    print(
        f"issued {issued}, nothing to reserve {refused}, reservation lost at "
        f"validation {lost}, errors {len(errors)}, "
        f"on hand after {on_hand:g}, done lines {len(done)}"
    )
    print(f"slowest client {max(s for _r, _e, s in outcomes):.2f}s")
    print(
        f"refused while stock remained: {min(stock, len(clients)) - issued} "
        "(a reservation skips quants locked by a concurrent issue)"
    )
    print(f"negative quant rows awaiting Odoo's merge: {split}")
    for place, qty in negative.items():
        print(f"  NEGATIVE stock in {place}: {qty:g}")
    for error in errors[:5]:
        print(f"  error: {error}")
    return checks


def update_run(admin, scenario, clients):
    request = admin.call(
        "maintenance.request",
        "create",
        {**scenario.request_extra, "name": "GS concurrent 电梯故障"},
    )
    marks = [f"gs-concurrent-note-{i}" for i in range(len(clients))]

    def update(index, client):
        client.call(
            "maintenance.request",
            "message_post",
            [request],
            body=marks[index],
            message_type="comment",
            subtype_xmlid="mail.mt_note",
        )
        client.call(
            "maintenance.request",
            "write",
            [request],
            {"description": f"written by client {index}"},
        )
        return True

    outcomes = fire(clients, update)
    errors = [error for _r, error, _s in outcomes if error]
    messages = admin.call(
        "mail.message",
        "search_read",
        [("model", "=", "maintenance.request"), ("res_id", "=", request)],
        fields=["body"],
    )
    found = {m for m in marks if any(m in (msg["body"] or "") for msg in messages)}
    description = (
        admin.call("maintenance.request", "read", [request], ["description"])[0][
            "description"
        ]
        or ""
    )
    writers = {f"written by client {i}" for i in range(len(clients))}
    checks = {
        "every note is there": len(found) == len(clients),
        "final description is one a client wrote": any(
            w in description for w in writers
        ),
        "updates: no client error": not errors,
    }
    print(f"\n== concurrent updates of one request: {len(clients)} clients ==")
    print(
        f"notes found {len(found)}/{len(clients)}, errors {len(errors)}, "
        f"description: {description!r}"
    )
    for error in errors[:5]:
        print(f"  error: {error}")
    return checks


# Run by ``odoo shell`` as the superuser: N approved and signed requisitions
# of one unit each from the warehouse stock, against STOCK units on hand.
# Signatures are stamped on behalf of the named signers, as demo data is.
REQUISITION_SETUP = """
import json
SIGNATURE = (
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB"
    "0C8AAAAASUVORK5CYII="
)
users = env["res.users"].browse({user_ids})
head = users[0]
department = env["hr.department"].create({{
    "name": "GS 并发病区", "hospital_kind": "ward", "hospital_code": "GS-CONC",
    "head_nurse_id": head.id,
}})
product = env["product.product"].create({{"name": "GS 并发纱布", "is_storable": True}})
source = env["stock.warehouse"].search([], limit=1).lot_stock_id
env["stock.quant"]._update_available_quantity(product, source, {stock})
requisitions = env["hospital.stock.requisition"].create([{{
    "department_id": department.id,
    "source_location_id": source.id,
    "requested_by_id": head.id,
    "line_ids": [(0, 0, {{"product_id": product.id, "quantity": 1, "qty_issued": 1}})],
    "approver_signature": SIGNATURE,
    "approver_signature_user_id": head.id,
    "issuer_signature": SIGNATURE,
    "issuer_signature_user_id": user.id,
}} for user in users])
requisitions.write({{"state": "approved"}})
env.cr.commit()
print("GS_SETUP " + json.dumps({{
    "requisitions": requisitions.ids, "product": product.id, "source": source.id,
    "ward": department.hospital_location_id.id,
}}))
"""


def requisition_run(admin, db, clients, stock):
    """hospital_stock's ward requisitions, issued all at once by the
    warehouse: the issue refuses what the stock cannot cover."""
    script = REQUISITION_SETUP.format(
        user_ids=[client.uid for client in clients], stock=stock
    )
    done = subprocess.run(
        odoo_cmd(db, "--no-http", "--log-level=warn", subcommand="shell"),
        input=script,
        capture_output=True,
        text=True,
        check=False,
    )
    lines = [x for x in done.stdout.splitlines() if x.startswith("GS_SETUP ")]
    if not lines:
        print("\n== concurrent requisition issues: setup failed ==")
        print((done.stderr or done.stdout)[-1500:])
        return {"requisitions: setup": False}
    setup = json.loads(lines[0][len("GS_SETUP ") :])
    requisitions = setup["requisitions"]

    def issue(index, client):
        try:
            client.call(
                "hospital.stock.requisition", "action_issue", [requisitions[index]]
            )
        except RpcError as exc:
            if exc.name != "odoo.exceptions.UserError":
                raise
            return "refused"
        return "issued"

    outcomes = fire(clients, issue)
    issued = sum(1 for result, _e, _s in outcomes if result == "issued")
    refused = sum(1 for result, _e, _s in outcomes if result == "refused")
    errors = [error for _r, error, _s in outcomes if error]
    states = admin.call(
        "hospital.stock.requisition", "read", requisitions, ["state", "picking_id"]
    )
    marked = sum(1 for r in states if r["state"] == "issued" and r["picking_id"])
    quants = admin.call(
        "stock.quant",
        "search_read",
        [("product_id", "=", setup["product"]), ("location_id.usage", "=", "internal")],
        fields=["quantity", "location_id"],
    )
    at = collections.defaultdict(float)
    for quant in quants:
        at[quant["location_id"][0]] += quant["quantity"]
    checks = {
        f"requisitions: issued <= {min(stock, len(clients))}": issued
        <= min(stock, len(clients)),
        "requisitions: issued + refused == clients": issued + refused == len(clients),
        "requisitions: every issued one is marked issued with its transfer": marked
        == issued,
        f"requisitions: warehouse holds {stock} - issued": at[setup["source"]]
        == stock - issued,
        "requisitions: the ward received the issued": at[setup["ward"]] == issued,
        "requisitions: no location with negative stock": all(
            qty >= 0 for qty in at.values()
        ),
        "requisitions: no unexpected error": not errors,
    }
    print(
        f"\n== concurrent requisition issues: {len(clients)} keepers, {stock} units =="
    )
    print(
        f"issued {issued}, refused (not enough stock) {refused}, errors "
        f"{len(errors)}, warehouse after {at[setup['source']]:g}, ward "
        f"{at[setup['ward']]:g}"
    )
    for error in errors[:5]:
        print(f"  error: {error}")
    return checks


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--clients", type=int, default=30)
    parser.add_argument("--stock", type=int, default=20)
    parser.add_argument("--db", default="gs_stress_concurrency")
    parser.add_argument("--keep-db", action="store_true")
    args = parser.parse_args()
    if args.clients < 2 or args.stock < 1:
        parser.error("--clients must be at least 2 and --stock at least 1")

    db = fresh_db(args.db)
    servers = [
        Server(db, 8083, workers=2, name="concurrency-server-1"),
        Server(db, 8085, workers=2, name="concurrency-server-2"),
    ]
    try:
        for server in servers:
            server.wait_ready()
        log(f"two Odoo processes on {db}: {', '.join(s.url for s in servers)}")
        admin = Client(servers[0].url, db, "admin", "admin")
        # Logistics chiefs: they may issue stock and update any request, so
        # that what is measured is concurrency, not record rules.
        scenario = Scenario(
            admin,
            users=args.clients,
            keepers_share=1.0,
            prefix="gs_conc",
            keeper_role="manager",
        )
        clients = [
            scenario.login(servers[i % 2].url, db, login)
            for i, (login, _keeper) in enumerate(scenario.logins)
        ]
        checks = issue_run(admin, scenario, clients, args.stock)
        checks.update(update_run(admin, scenario, clients))
        if admin.call(
            "ir.model", "search_count", [("model", "=", "hospital.stock.requisition")]
        ):
            checks.update(requisition_run(admin, db, clients, args.stock))
        retries = sum(s.retries() for s in servers)
        print(
            f"\nserialization failures retried by Odoo: {retries} "
            f"({' + '.join(str(s.retries()) for s in servers)})"
        )
        print("\n== checks ==")
        for name, ok in checks.items():
            print(f"{'ok  ' if ok else 'FAIL'} {name}")
    finally:
        for server in servers:
            server.stop()
        if not args.keep_db:
            drop_db(db)
    return 0 if all(checks.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
