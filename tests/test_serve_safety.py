"""`kg serve` is no open door: the view port serves the view only, updates need the token and
the same origin, a taken port is an error, a runaway query is stopped, and the view is the
served graph's own."""

from __future__ import annotations

import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import psutil
import pytest

from kg import api
from kg.api import Written
from kg.errors import KGError
from kg.jail import free_port
from kg.rdf.serve import Endpoint, serving

COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
CARTESIAN = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"


def request(
    url: str, data: bytes | None = None, headers: dict[str, str] | None = None
) -> tuple[int, bytes]:
    req = urllib.request.Request(url, data=data, headers=headers or {})
    try:
        with urllib.request.urlopen(req, timeout=60) as reply:
            return reply.status, reply.read()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read()


def count(endpoint: Endpoint) -> int:
    url = endpoint.query_url + "?" + urllib.parse.urlencode({"query": COUNT})
    status, body = request(url, headers={"Accept": "text/csv"})
    assert status == 200, body
    return int(body.decode().split()[-1])


def update(endpoint: Endpoint, url: str, headers: dict[str, str] | None = None) -> int:
    form = {"Content-Type": "application/x-www-form-urlencoded", **(headers or {})}
    return request(url, b"update=CLEAR%20ALL", form)[0]


@pytest.fixture
def writable(seeds_build: Written) -> Iterator[Endpoint]:
    page = b"<html>the view</html>"
    with serving(graph=seeds_build.turtle, port=free_port(), allow_updates=True, page=page) as e:
        yield e


def test_the_view_port_serves_the_view_and_nothing_else(writable: Endpoint) -> None:
    assert writable.html_url is not None
    base = writable.html_url.rstrip("/")
    assert request(base + "/") == (200, b"<html>the view</html>")
    assert request(base + "/graph.html")[0] == 200
    assert request(base + "/?C=M") == (200, b"<html>the view</html>")  # no listing
    for path in ("/graph.ttl", "/.kg-cache/", "/..%2f..%2fetc/passwd", "/static/"):
        status, body = request(base + path)
        assert status == 404 and b"Index of" not in body, path


def test_updates_need_the_token_and_the_same_origin(writable: Endpoint) -> None:
    assert writable.update_url is not None and writable.token
    bare = writable.update_url.split("?")[0]
    before = count(writable)
    assert update(writable, bare) == 403  # a form posted from any web page knows no token
    evil = {"Origin": "https://evil.example"}
    assert update(writable, writable.update_url, evil) == 403  # nor a page that has it
    rebound = {"Host": "evil.example:80"}
    assert update(writable, writable.update_url, rebound) == 403  # DNS rebinding
    assert count(writable) == before > 0
    bearer = {"Authorization": f"Bearer {writable.token}"}
    assert update(writable, bare, bearer) in (200, 204)
    assert count(writable) == 0


def test_read_only_endpoint_refuses_updates_and_other_paths(seeds_build: Written) -> None:
    with serving(graph=seeds_build.turtle, port=free_port()) as endpoint:
        base = endpoint.query_url.rsplit("/", 1)[0]
        assert endpoint.update_url is None and endpoint.html_url is None
        assert update(endpoint, base + "/update") == 403
        assert request(base + "/store")[0] == 404
        assert count(endpoint) > 0


def test_a_taken_port_is_an_error(seeds_build: Written) -> None:
    with socket.socket() as other:
        other.bind(("127.0.0.1", 0))
        other.listen()
        port = other.getsockname()[1]
        with (
            pytest.raises(KGError, match=f"port {port}.*in use"),
            serving(graph=seeds_build.turtle, port=port),
        ):
            pass


def test_oxigraph_listens_on_no_port_of_this_machine(seeds_build: Written) -> None:
    port = free_port()
    with serving(graph=seeds_build.turtle, port=port) as endpoint:
        assert count(endpoint) > 0
        me = psutil.Process()
        tree = {p.pid for p in me.children(recursive=True)}
        listening = {
            c.laddr.port for c in psutil.net_connections("tcp")
            if c.status == "LISTEN" and c.pid in tree | {me.pid}
        }  # fmt: skip
        assert listening == {port}  # the gate only; Oxigraph is in its jail


def test_a_runaway_query_is_stopped_and_the_server_goes_on(seeds_build: Written) -> None:
    with serving(graph=seeds_build.turtle, port=free_port(), timeout=2) as endpoint:
        start = time.monotonic()
        url = endpoint.query_url + "?" + urllib.parse.urlencode({"query": CARTESIAN})
        status, body = request(url)
        assert status == 503 and b"time limit" in body
        assert time.monotonic() - start < 30
        busy = [p for p in psutil.Process().children(recursive=True) if p.cpu_percent(0.5) > 50]
        assert not busy, [p.cmdline() for p in busy]  # nothing goes on computing it
        assert count(endpoint) > 0


def test_the_view_is_of_the_graph_served(seeds_build: Written, tmp_path: Path) -> None:
    other = tmp_path / "output" / "graph.html"
    other.parent.mkdir()
    other.write_text("<html>another graph's view</html>", encoding="utf-8")
    page = api.view_page(seeds_build.turtle, None, None)
    assert b"another graph" not in page and b"NATO" in page


def kg_query(graph: Path, *extra: str) -> subprocess.Popen[bytes]:
    kg = [sys.executable, "-c", "from kg.cli import main; main()"]
    return subprocess.Popen(
        [*kg, "query", CARTESIAN, "--graph", str(graph), *extra],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )  # fmt: skip


def test_kg_query_stops_at_its_time_limit(seeds_build: Written) -> None:
    proc = kg_query(seeds_build.turtle, "--timeout", "2")
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 5 and b"time limit (2 s" in err


def test_ctrl_c_stops_a_running_query(seeds_build: Written) -> None:
    proc = kg_query(seeds_build.turtle)  # 30 s by default: Ctrl-C comes first
    time.sleep(4)
    tree = psutil.Process(proc.pid).children(recursive=True)
    assert tree, "the query runs in a child process"
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=20)
    assert proc.returncode == 130 and b"interrupted" in err
    _, alive = psutil.wait_procs(tree, timeout=10)
    assert not alive
