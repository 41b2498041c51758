"""The graph in real triple stores: a kg Oxigraph store written by the build, Oxigraph's own
bulk loader and query command, and Oxigraph's SPARQL 1.1 Protocol server queried over HTTP
with SPARQLWrapper. Every query in queries/ answers the same everywhere as in rdflib."""

from __future__ import annotations

import csv
import io
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from SPARQLWrapper import JSON, SPARQLWrapper
from typer.testing import CliRunner

from kg.api import Written
from kg.cli import app
from kg.errors import KGError
from kg.jail import free_port
from kg.rdf.formats import FORMATS, load_graph, serialize
from kg.rdf.query import Result, named_queries, run_rdflib, with_prefixes
from kg.rdf.serve import Endpoint, serving
from kg.rdf.store import oxigraph_cli, query_store, triple_count, write_store
from tests.test_queries import canonical

QUERIES = sorted(named_queries())


@pytest.fixture(scope="module")
def expected(seeds_build: Written) -> dict[str, Result]:
    graph = load_graph(seeds_build.turtle)
    return {name: run_rdflib(graph, named_queries()[name].read_text()) for name in QUERIES}


@pytest.fixture(scope="module")
def store(seeds_build: Written, tmp_path_factory: pytest.TempPathFactory) -> Path:
    location = tmp_path_factory.mktemp("store") / "store"
    write_store(location, serialize(load_graph(seeds_build.turtle), FORMATS["nquads"]))
    return location


@pytest.mark.parametrize("name", QUERIES)
def test_store_answers_like_rdflib(store: Path, expected: dict[str, Result], name: str) -> None:
    got = query_store(store, named_queries()[name].read_text())
    assert got.columns == expected[name].columns
    assert canonical(got.rows) == canonical(expected[name].rows)


def test_store_holds_every_triple_in_named_graphs(store: Path, seeds_build: Written) -> None:
    assert triple_count(store) >= len(load_graph(seeds_build.turtle))


def test_rebuilding_the_store_replaces_it(store: Path, seeds_build: Written) -> None:
    before = triple_count(store)
    write_store(store, serialize(load_graph(seeds_build.turtle), FORMATS["nquads"]))
    assert triple_count(store) == before


def test_store_never_replaces_a_folder_that_is_not_one(tmp_path: Path) -> None:
    (tmp_path / "precious.txt").write_text("keep me", encoding="utf-8")
    with pytest.raises(KGError, match="not a kg store"):
        write_store(tmp_path, b"")
    assert (tmp_path / "precious.txt").read_text(encoding="utf-8") == "keep me"


def test_kg_build_store_then_kg_query_store(tmp_path: Path) -> None:
    from tests.conftest import SEEDS

    runner = CliRunner()
    location = tmp_path / "store"
    built = runner.invoke(app, ["build", str(SEEDS), "-o", str(tmp_path), "--store", str(location)])
    assert built.exit_code == 0, built.output
    args = ["query", "facts-about", "--store", str(location), "--bind", "entity=NAVO", "-f", "csv"]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    assert "NATO,condemns,airstrike" in result.output


@pytest.fixture(scope="module")
def bulk_loaded(seeds_build: Written, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The Turtle file loaded by Oxigraph's own bulk loader (`oxigraph load`)."""
    location = tmp_path_factory.mktemp("bulk") / "store"
    cmd = [oxigraph_cli(), "load", "--location", str(location), "--file", str(seeds_build.turtle)]
    subprocess.run(cmd, check=True, capture_output=True)
    return location


@pytest.mark.parametrize("name", QUERIES)
def test_oxigraph_bulk_load_and_query_command(
    bulk_loaded: Path, expected: dict[str, Result], name: str
) -> None:
    sparql = with_prefixes(named_queries()[name].read_text())
    cmd = [oxigraph_cli(), "query", "--location", str(bulk_loaded), "--query", sparql]
    done = subprocess.run([*cmd, "--results-format", "csv"], check=True, capture_output=True)
    table = list(csv.reader(io.StringIO(done.stdout.decode("utf-8"))))
    assert tuple(table[0]) == expected[name].columns
    assert canonical(tuple(tuple(r) for r in table[1:])) == canonical(expected[name].rows)


@pytest.fixture(scope="module")
def endpoint(seeds_build: Written) -> Iterator[Endpoint]:
    """kg serve on a free port, stopped however the tests end."""
    page = seeds_build.html.read_bytes()
    with serving(graph=seeds_build.turtle, port=free_port(), page=page) as running:
        yield running


def _over_http(url: str, sparql: str) -> Result:
    client = SPARQLWrapper(url)
    client.setQuery(with_prefixes(sparql))
    client.setReturnFormat(JSON)
    data = client.queryAndConvert()
    assert isinstance(data, dict)
    columns = tuple(data["head"]["vars"])
    rows = tuple(
        tuple(b[c]["value"] if c in b else "" for c in columns) for b in data["results"]["bindings"]
    )
    return Result(columns, rows)


@pytest.mark.parametrize("name", QUERIES)
def test_sparql_protocol_answers_like_rdflib(
    endpoint: Endpoint, expected: dict[str, Result], name: str
) -> None:
    got = _over_http(endpoint.query_url, named_queries()[name].read_text())
    assert got.columns == expected[name].columns
    assert canonical(got.rows) == canonical(expected[name].rows)


def test_endpoint_is_read_only_and_serves_the_view(endpoint: Endpoint) -> None:
    import urllib.error
    import urllib.request

    assert endpoint.update_url is None
    base = endpoint.query_url.rsplit("/", 1)[0]
    request = urllib.request.Request(base + "/update", data=b"update=CLEAR%20ALL", method="POST")
    request.add_header("Content-Type", "application/x-www-form-urlencoded")
    with pytest.raises(urllib.error.HTTPError):
        urllib.request.urlopen(request, timeout=10)
    assert endpoint.html_url is not None
    with urllib.request.urlopen(endpoint.html_url, timeout=10) as page:
        assert b"<html" in page.read().lower()


def test_server_is_stopped_after_an_error(seeds_build: Written) -> None:
    port = free_port()
    with pytest.raises(RuntimeError), serving(graph=seeds_build.turtle, port=port):
        raise RuntimeError("a failing test")
    with serving(graph=seeds_build.turtle, port=port) as again:  # the port is free again
        assert _over_http(again.query_url, "SELECT * WHERE { ?s ?p ?o } LIMIT 1").rows
