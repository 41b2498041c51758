"""`kg serve`: a SPARQL 1.1 Protocol endpoint on localhost, by Oxigraph's own server (the
`oxigraph` command from PyPI) behind kg's gate (kg.rdf.gate), with the view of the graph it
serves on the next port.

Oxigraph listens in a jail (kg.jail) where only the gate reaches it, through a Unix socket;
where no jail can be made, on a free port of 127.0.0.1. The endpoint is /query (and /update
with --allow-updates and the token printed at start), Oxigraph's query editor at /. A graph
file is first bulk-loaded into a temporary store with `oxigraph load`.
"""

from __future__ import annotations

import contextlib
import http.client
import os
import secrets
import signal
import socket
import subprocess
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from http.server import ThreadingHTTPServer
from pathlib import Path

from kg.errors import KGError
from kg.jail import JAIL_PORT, die_with_parent, free_port, jail_command
from kg.rdf.formats import format_of
from kg.rdf.gate import Rules, gate_server, start, view_server
from kg.rdf.store import MARKER, oxigraph_cli

DEFAULT_TIMEOUT = 30.0  # seconds a query may run


@dataclass(frozen=True)
class Endpoint:
    """A running endpoint: where to send queries, and where the HTML view is."""

    query_url: str
    update_url: str | None  # with the token
    html_url: str | None
    token: str | None = None


def load_into_store(graph: Path, location: Path) -> None:
    """Oxigraph's own bulk loader: `oxigraph load --location DIR --file GRAPH`."""
    format_of(graph)  # a clear error for a file that is not one of our formats
    if not graph.is_file():
        raise KGError(f"{graph}: no such graph; build one first with: kg build seeds/")
    done = subprocess.run(
        [oxigraph_cli(), "load", "--location", str(location), "--file", str(graph)],
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        raise KGError(f"oxigraph load {graph} failed: {done.stderr.strip()[-300:]}")
    (location / MARKER).write_text("an Oxigraph store loaded by kg serve\n", encoding="utf-8")


class _UnixConnection(http.client.HTTPConnection):
    def __init__(self, path: str, timeout: float) -> None:
        super().__init__("localhost", timeout=timeout)
        self._path = path

    def connect(self) -> None:
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self.sock.settimeout(self.timeout)
        self.sock.connect(self._path)


class Oxigraph:
    """Oxigraph's server on a store, in a jail where one can be made; restartable."""

    def __init__(self, location: Path, allow_updates: bool, scratch: Path) -> None:
        self._mode = "serve" if allow_updates else "serve-read-only"
        self._location = location
        self._socket = str(scratch / "oxigraph.sock")
        self._jail = jail_command()
        self._lock = threading.Lock()
        self._proc: subprocess.Popen[bytes] | None = None
        self._port = JAIL_PORT
        # The server dies with the thread that started it (PDEATHSIG): start it, and restart
        # it, from one thread that lives as long as this object, not from a request's thread.
        self._spawner = ThreadPoolExecutor(max_workers=1, thread_name_prefix="kg-oxigraph")
        self._spawner.submit(self._start).result()

    def _start(self) -> None:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(self._socket)
        if self._jail is None:
            self._port = free_port()
        server = [oxigraph_cli(), self._mode, "--location", str(self._location)]
        server += ["--bind", f"127.0.0.1:{self._port}", "--union-default-graph"]
        command = (
            [*self._jail, self._socket, str(self._port), "many", *server] if self._jail else server
        )
        self._proc = subprocess.Popen(
            command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            start_new_session=True, preexec_fn=die_with_parent,
        )  # fmt: skip
        self._wait_ready()

    def connection(self, timeout: float) -> http.client.HTTPConnection:
        if self._jail is None:
            return http.client.HTTPConnection("127.0.0.1", self._port, timeout=timeout)
        return _UnixConnection(self._socket, timeout)

    def _wait_ready(self, timeout: float = 30.0) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            assert self._proc is not None
            if self._proc.poll() is not None:
                raise KGError(
                    f"the oxigraph server stopped at start-up (exit {self._proc.returncode})"
                )
            conn = self.connection(2.0)
            try:
                conn.request("GET", "/query?query=ASK%7B%7D")
                if conn.getresponse().status == 200:
                    return
            except OSError:
                time.sleep(0.1)
            finally:
                conn.close()
        raise KGError(f"the oxigraph server did not start within {timeout:.0f} s")

    def restart(self) -> None:
        """Stop whatever it computes (a query over the time limit) and start it again."""
        with self._lock:
            self.stop()
            self._spawner.submit(self._start).result()

    def close(self) -> None:
        self.stop()
        self._spawner.shutdown()

    def stop(self) -> None:
        proc, self._proc = self._proc, None
        if proc is None or proc.poll() is not None:
            return
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()


def _bind(make: Callable[[], ThreadingHTTPServer], port: int, what: str) -> ThreadingHTTPServer:
    try:
        return make()
    except OSError as exc:
        raise KGError(
            f"port {port} ({what}) is in use or cannot be opened ({exc.strerror}); "
            "choose another with --port"
        ) from exc


@contextmanager
def serving(
    location: Path | None = None,
    graph: Path | None = None,
    port: int = 7878,
    allow_updates: bool = False,
    page: bytes | None = None,
    timeout: float = DEFAULT_TIMEOUT,
) -> Iterator[Endpoint]:
    """Run the endpoint for a store (`location`) or a graph file while the block runs, and the
    view `page` on port + 1; everything is stopped (and a temporary store removed) however the
    block ends. KGError if a port is taken."""
    with tempfile.TemporaryDirectory(prefix="kg-serve-") as scratch:
        if location is None:
            if graph is None:
                raise KGError("give a store (--store DIR) or a graph file to serve")
            location = Path(scratch) / "store"
            load_into_store(graph, location)
        elif not (location / MARKER).is_file():
            raise KGError(f"{location}: no kg store; write one with: kg build --store {location}")
        token = secrets.token_urlsafe(24) if allow_updates else None
        oxigraph = Oxigraph(location, allow_updates, Path(scratch))
        try:
            rules = Rules(port, token, timeout, oxigraph.connection, oxigraph.restart)
            with contextlib.ExitStack() as running:
                gate = _bind(lambda: gate_server(rules), port, "SPARQL")
                running.callback(_shut, gate)
                start(gate)
                html_url = None
                if page is not None:
                    view = _bind(lambda: view_server(page, port + 1), port + 1, "view")
                    running.callback(_shut, view)
                    start(view)
                    html_url = f"http://127.0.0.1:{port + 1}/"
                base = f"http://127.0.0.1:{port}"
                update = f"{base}/update?token={token}" if token else None
                yield Endpoint(base + "/query", update, html_url, token)
        finally:
            oxigraph.close()


def _shut(server: ThreadingHTTPServer) -> None:
    server.shutdown()
    server.server_close()


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def wait_forever() -> None:
    """Block until Ctrl-C or SIGTERM (either way the caller's cleanup runs)."""
    signal.signal(signal.SIGTERM, _interrupt)
    try:
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        return
