"""`kg serve`: a SPARQL 1.1 Protocol endpoint on localhost, by Oxigraph's own server (the
`oxigraph` command from PyPI), with the HTML view served next to it.

The endpoint is Oxigraph's: /query (and /update with --allow-updates), its query editor at /.
A graph file is first bulk-loaded into a temporary store with `oxigraph load`. The HTML view
is a static file served by Python's http.server on the next port.
"""

from __future__ import annotations

import functools
import os
import signal
import subprocess
import tempfile
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from kg.errors import KGError
from kg.rdf.formats import format_of
from kg.rdf.store import MARKER, oxigraph_cli


@dataclass(frozen=True)
class Endpoint:
    """A running endpoint: where to send queries, and where the HTML view is."""

    query_url: str
    update_url: str | None
    html_url: str | None


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


def _wait_ready(url: str, proc: subprocess.Popen[bytes], timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise KGError(f"the oxigraph server stopped at start-up (exit {proc.returncode})")
        try:
            with urllib.request.urlopen(url + "?query=ASK%7B%7D", timeout=2):
                return
        except (urllib.error.URLError, OSError):
            time.sleep(0.1)
    raise KGError(f"the oxigraph server did not answer on {url} within {timeout:.0f} s")


def _stop(proc: subprocess.Popen[bytes]) -> None:
    if proc.poll() is None:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()


@contextmanager
def _html_server(html: Path | None, port: int) -> Iterator[str | None]:
    if html is None or not html.is_file():
        yield None
        return
    handler = functools.partial(_QuietHandler, directory=str(html.parent))
    server = ThreadingHTTPServer(("127.0.0.1", port), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{port}/{html.name}"
    finally:
        server.shutdown()
        server.server_close()


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@contextmanager
def serving(
    location: Path | None = None,
    graph: Path | None = None,
    port: int = 7878,
    allow_updates: bool = False,
    html: Path | None = None,
) -> Iterator[Endpoint]:
    """Run the endpoint for a store (`location`) or a graph file while the block runs; the
    server is stopped (and a temporary store removed) however the block ends."""
    with tempfile.TemporaryDirectory(prefix="kg-serve-") as scratch:
        if location is None:
            if graph is None:
                raise KGError("give a store (--store DIR) or a graph file to serve")
            location = Path(scratch) / "store"
            load_into_store(graph, location)
        elif not (location / MARKER).is_file():
            raise KGError(f"{location}: no kg store; write one with: kg build --store {location}")
        mode = "serve" if allow_updates else "serve-read-only"
        args = [oxigraph_cli(), mode, "--location", str(location)]
        args += ["--bind", f"127.0.0.1:{port}", "--union-default-graph"]
        proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, start_new_session=True)
        try:
            base = f"http://127.0.0.1:{port}"
            _wait_ready(base + "/query", proc)
            with _html_server(html, port + 1) as html_url:
                update = base + "/update" if allow_updates else None
                yield Endpoint(base + "/query", update, html_url)
        finally:
            _stop(proc)


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
