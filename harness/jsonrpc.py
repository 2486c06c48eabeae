"""JSON-RPC as Odoo's web client speaks it.

The tests send it through an HttpCase (``url_open``), the stress runs through
:class:`Client`; both build the same bodies and read the answers the same
way, so an error is named alike everywhere: by the exception class Odoo
reports (``odoo.exceptions.UserError``), or ``HTTP <status>``.
"""

import requests


def body(params, request_id=1):
    """The body of a JSON-RPC request."""
    return {"jsonrpc": "2.0", "method": "call", "id": request_id, "params": params}


def call_kw(model, method, args=(), kwargs=None):
    """``(route, params)`` of ``model.method(*args, **kwargs)`` as the web
    client calls it (``/web/dataset/call_kw``)."""
    return f"/web/dataset/call_kw/{model}/{method}", {
        "model": model,
        "method": method,
        "args": list(args),
        "kwargs": kwargs or {},
    }


class RpcError(Exception):
    """An answer that is not a result: ``name`` is the class of the error
    Odoo reports, or ``HTTP <status>``; ``message`` what it says."""

    def __init__(self, name, message):
        super().__init__(f"{name}: {message}")
        self.name = name
        self.message = message


def result(response, limit=300):
    """The result of the answer ``response`` (a ``requests`` response);
    :class:`RpcError` when it is an HTTP error or an error answer, its
    message cut at ``limit`` characters."""
    if response.status_code != 200:
        raise RpcError(f"HTTP {response.status_code}", response.text[:200])
    answer = response.json()
    if "error" in answer:
        data = answer["error"].get("data") or {}
        raise RpcError(
            data.get("name", "error"),
            (data.get("message") or answer["error"].get("message", ""))[:limit],
        )
    return answer.get("result")


class Client:
    """A logged-in web session speaking JSON-RPC, as the web client does."""

    def __init__(self, url, db, login, password, timeout=120):
        self.url, self.timeout = url, timeout
        self.session = requests.Session()
        # Odoo's workers close the connection after each answer: reusing it
        # would turn into "connection reset" errors of the client, not the
        # server.
        self.session.headers["Connection"] = "close"
        self.uid = self.rpc(
            "/web/session/authenticate",
            {"db": db, "login": login, "password": password},
        )["uid"]

    def rpc(self, path, params):
        response = self.session.post(
            self.url + path, json=body(params), timeout=self.timeout
        )
        return result(response)

    def call(self, model, method, *args, **kwargs):
        return self.rpc(*call_kw(model, method, args, kwargs))
