"""Log in to a running Odoo and save screenshots of pages, as a user sees them.

Usage:
    python3 tools/screenshot.py --url http://127.0.0.1:8069 --login manager \
        --password manager /odoo/hospital-logistics=overview.png [/odoo/...=x.png ...]

Drives headless Chromium through the DevTools protocol (websocket-client), so
no browser download is needed: Debian's /usr/bin/chromium is enough.
"""

import argparse
import base64
import json
import shutil
import socket
import subprocess
import tempfile
import time
import urllib.request

import websocket


def _free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Browser:
    def __init__(self, width, height):
        self.port = _free_port()
        self.profile = tempfile.mkdtemp(prefix="hl-shot-")
        self.proc = subprocess.Popen(
            [
                shutil.which("chromium") or "/usr/bin/chromium",
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                f"--user-data-dir={self.profile}",
                f"--window-size={width},{height}",
                f"--remote-debugging-port={self.port}",
                "about:blank",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        for _ in range(100):
            try:
                with urllib.request.urlopen(
                    f"http://127.0.0.1:{self.port}/json", timeout=1
                ) as resp:
                    pages = [p for p in json.load(resp) if p["type"] == "page"]
                if pages:
                    break
            except OSError:
                pass
            time.sleep(0.1)
        self.ws = websocket.create_connection(
            pages[0]["webSocketDebuggerUrl"], timeout=60, suppress_origin=True
        )
        self.seq = 0

    def call(self, method, **params):
        self.seq += 1
        self.ws.send(json.dumps({"id": self.seq, "method": method, "params": params}))
        while True:
            msg = json.loads(self.ws.recv())
            if msg.get("id") == self.seq:
                if "error" in msg:
                    raise RuntimeError(f"{method}: {msg['error']}")
                return msg.get("result", {})

    def js(self, expression):
        res = self.call("Runtime.evaluate", expression=expression, awaitPromise=True)
        return res.get("result", {}).get("value")

    def goto(self, url, settle=3.0):
        self.call("Page.navigate", url=url)
        deadline = time.time() + 30
        while time.time() < deadline:
            if self.js("document.readyState") == "complete":
                break
            time.sleep(0.2)
        time.sleep(settle)

    def shot(self, path):
        data = self.call("Page.captureScreenshot", format="png")["data"]
        with open(path, "wb") as fh:
            fh.write(base64.b64decode(data))

    def close(self):
        self.ws.close()
        self.proc.terminate()
        self.proc.wait(10)
        shutil.rmtree(self.profile, ignore_errors=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", default="http://127.0.0.1:8069")
    parser.add_argument("--db", help="database (when several are served)")
    parser.add_argument("--login", default="admin")
    parser.add_argument("--password", default="admin")
    parser.add_argument("--width", type=int, default=1400)
    parser.add_argument("--height", type=int, default=900)
    parser.add_argument("--settle", type=float, default=3.0)
    parser.add_argument("pages", nargs="+", help="PATH=FILE.png")
    args = parser.parse_args()
    browser = Browser(args.width, args.height)
    try:
        login_url = f"{args.url}/web/login" + (f"?db={args.db}" if args.db else "")
        browser.goto(login_url, settle=1)
        login, password = json.dumps(args.login), json.dumps(args.password)
        browser.js(
            f"""document.querySelector('input[name=login]').value = {login};
            document.querySelector('input[name=password]').value = {password};
            document.querySelector('form.oe_login_form').submit();"""
        )
        # A loaded machine can take many seconds to answer the login.
        deadline = time.time() + 60
        while time.time() < deadline:
            time.sleep(0.5)
            if browser.js("location.pathname") != "/web/login":
                break
        else:
            raise SystemExit(f"login as {args.login} did not succeed")
        time.sleep(2)
        for spec in args.pages:
            path, _, out = spec.partition("=")
            browser.goto(args.url + path, settle=args.settle)
            browser.shot(out)
            print(f"{path} -> {out}")
    finally:
        browser.close()


if __name__ == "__main__":
    main()
