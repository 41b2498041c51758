"""The gate of `kg serve`: the only port a browser or a client can reach. It passes SPARQL
queries to the Oxigraph server behind it (which listens where only the gate can reach it, see
kg.jail) and lets nothing else through:

- only the endpoint's own paths (/, /query, /update), nothing of the disk;
- only requests addressed to 127.0.0.1 or localhost on its port (a page that rebinds its own
  name to 127.0.0.1 is refused);
- updates only when allowed, only with the token printed at start (`?token=` or
  `Authorization: Bearer`), and never from a page of another origin (a form that posts
  `CLEAR ALL` from any web site is refused);
- a query that runs over the time limit is answered 503, and the server behind is restarted,
  so that it stops computing: Oxigraph's own timeout does not stop a query that streams.
"""

from __future__ import annotations

import hmac
import http.client
import threading
import urllib.parse
from collections.abc import Callable
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

_MAX_BODY = 16 << 20  # bytes of a query or update
_PASSED = ("Content-Type", "Accept")
Connect = Callable[[float], http.client.HTTPConnection]


@dataclass(frozen=True)
class Rules:
    port: int
    token: str | None  # None: read-only
    timeout: float
    connect: Connect  # a connection to the server behind, with this read timeout
    restart: Callable[[], None]  # stop what the server behind computes


def allowed_host(host: str | None, port: int) -> bool:
    return host in (f"127.0.0.1:{port}", f"localhost:{port}")


def same_origin(origin: str | None, port: int) -> bool:
    return origin is None or origin in (f"http://127.0.0.1:{port}", f"http://localhost:{port}")


def has_token(path: str, authorization: str | None, token: str) -> bool:
    query = urllib.parse.parse_qs(urllib.parse.urlsplit(path).query)
    given = query.get("token", [""])[0]
    if authorization and authorization.startswith("Bearer "):
        given = authorization.removeprefix("Bearer ").strip()
    return hmac.compare_digest(given.encode(), token.encode())


def _without_token(path: str) -> str:
    parts = urllib.parse.urlsplit(path)
    query = [(k, v) for k, v in urllib.parse.parse_qsl(parts.query) if k != "token"]
    return urllib.parse.urlunsplit(("", "", parts.path, urllib.parse.urlencode(query), ""))


class Gate(BaseHTTPRequestHandler):
    rules: Rules  # set on the class made for each server (gate_server)
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        self._route()

    def do_POST(self) -> None:
        self._route()

    def _route(self) -> None:
        path = urllib.parse.urlsplit(self.path).path
        if not allowed_host(self.headers.get("Host"), self.rules.port):
            return self._answer(403, "requests must be addressed to 127.0.0.1 or localhost")
        if path == "/update":
            refused = self._refuse_update()
            if refused:
                return self._answer(403, refused)
        elif path not in ("/", "/query") or (path == "/" and self.command != "GET"):
            return self._answer(404, "not found: this server answers /query (and /update)")
        self._forward()

    def _refuse_update(self) -> str | None:
        if self.rules.token is None:
            return "this endpoint is read-only (kg serve --allow-updates to accept updates)"
        if self.command != "POST":
            return "updates are POSTed"
        if not same_origin(self.headers.get("Origin"), self.rules.port):
            return "updates from pages of another origin are refused"
        if not has_token(self.path, self.headers.get("Authorization"), self.rules.token):
            return "updates need the token kg serve printed (?token=... or Bearer)"
        return None

    def _forward(self) -> None:
        size = int(self.headers.get("Content-Length") or 0)
        if size > _MAX_BODY:
            return self._answer(413, f"requests are limited to {_MAX_BODY:,} bytes")
        body = self.rfile.read(size) if size else None
        headers = {h: self.headers[h] for h in _PASSED if self.headers.get(h)}
        upstream = self.rules.connect(self.rules.timeout)
        try:
            upstream.request(self.command, _without_token(self.path), body, headers)
            reply = upstream.getresponse()
            data = reply.read()
        except TimeoutError:
            self.rules.restart()
            limit = f"{self.rules.timeout:g} s"
            return self._answer(503, f"the query ran over the time limit ({limit}, --timeout)")
        except OSError as exc:
            return self._answer(502, f"the SPARQL server did not answer: {exc}")
        finally:
            upstream.close()
        kind = reply.getheader("Content-Type") or "application/octet-stream"
        self._answer(reply.status, data, kind)

    def _answer(self, status: int, body: str | bytes, kind: str = "text/plain") -> None:
        data = body.encode("utf-8") + b"\n" if isinstance(body, str) else body
        self.send_response(status)
        self.send_header("Content-Type", kind if kind != "text/plain" else kind + "; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        self.send_header("X-Content-Type-Options", "nosniff")
        self.end_headers()
        self.wfile.write(data)


class View(BaseHTTPRequestHandler):
    """The view port: the page of the graph served, at / and /graph.html; nothing else."""

    page: bytes
    port: int

    def log_message(self, format: str, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        path = urllib.parse.urlsplit(self.path).path
        ok = allowed_host(self.headers.get("Host"), self.port) and path in ("/", "/graph.html")
        data = self.page if ok else b"not found\n"
        self.send_response(200 if ok else 404)
        self.send_header("Content-Type", "text/html; charset=utf-8" if ok else "text/plain")
        self.send_header("Content-Length", str(len(data)))
        self.send_header("X-Content-Type-Options", "nosniff")
        self.end_headers()
        self.wfile.write(data)


def start(server: ThreadingHTTPServer) -> threading.Thread:
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    return thread


def gate_server(rules: Rules) -> ThreadingHTTPServer:
    """The gate on 127.0.0.1:rules.port (OSError if the port is taken)."""
    handler = type("BoundGate", (Gate,), {"rules": rules})
    return ThreadingHTTPServer(("127.0.0.1", rules.port), handler)


def view_server(page: bytes, port: int) -> ThreadingHTTPServer:
    handler = type("BoundView", (View,), {"page": page, "port": port})
    return ThreadingHTTPServer(("127.0.0.1", port), handler)
