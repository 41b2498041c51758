"""A persistent Oxigraph store on disk: written by `kg build --store DIR`, queried by
`kg query --store DIR` and served by `kg serve`.

The store holds the dataset (one named graph per article, see kg.rdf.formats); queries see the union
of its graphs as their default graph, so the queries in queries/ work unchanged. A build writes
a new store next to the old one and swaps it in, so a failed build leaves the old store intact.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

import pyoxigraph as ox

from kg.errors import KGError, QueryError
from kg.rdf.query import Result, solutions_result, with_prefixes

MARKER = "kg-store"  # a file in the store folder: we only ever replace folders we made


def oxigraph_cli() -> str:
    """The `oxigraph` command (PyPI package `oxigraph`), next to our Python or on PATH."""
    beside = Path(sys.executable).with_name("oxigraph")
    found = str(beside) if beside.is_file() else shutil.which("oxigraph")
    if not found:
        raise KGError("the oxigraph command is missing; install it with: pip install oxigraph")
    return found


def _check_replaceable(target: Path) -> None:
    ours = (target / MARKER).is_file()
    if target.exists() and not ours and (not target.is_dir() or any(target.iterdir())):
        raise KGError(f"{target} exists and is not a kg store; choose an empty or new folder")


def write_store(target: Path, nquads: bytes) -> None:
    """Bulk-load N-Quads into a fresh store and swap it in place of `target`."""
    _check_replaceable(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    fresh = Path(tempfile.mkdtemp(dir=target.parent, prefix=f".{target.name}.new."))
    fresh.chmod(0o755)  # mkdtemp makes it private
    try:
        store = ox.Store(str(fresh))
        store.bulk_load(nquads, format=ox.RdfFormat.N_QUADS)
        store.flush()
        del store  # closes the database
        (fresh / MARKER).write_text("an Oxigraph store written by kg build\n", encoding="utf-8")
        old = target.with_name(f".{target.name}.old")
        shutil.rmtree(old, ignore_errors=True)
        if target.exists():
            target.rename(old)
        fresh.rename(target)
        shutil.rmtree(old, ignore_errors=True)
    except (OSError, ValueError, SyntaxError) as exc:
        shutil.rmtree(fresh, ignore_errors=True)
        raise KGError(f"cannot write the store {target}: {exc}") from exc


def open_store(location: Path) -> ox.Store:
    if not (location / MARKER).is_file():
        raise KGError(
            f"{location}: no kg store; write one with: kg build seeds/ --store {location}"
        )
    try:
        return ox.Store.read_only(str(location))
    except OSError as exc:
        raise KGError(f"cannot open the store {location}: {exc}") from exc


def query_store(location: Path, sparql: str) -> Result:
    """A SELECT query over the union of the store's graphs."""
    store = open_store(location)
    try:
        solutions = store.query(with_prefixes(sparql), use_default_graph_as_union=True)
    except (SyntaxError, ValueError, OSError) as exc:
        raise QueryError(f"SPARQL error: {exc}") from exc
    return solutions_result(solutions)


def triple_count(location: Path) -> int:
    return len(open_store(location))


def dump_store(location: Path) -> bytes:
    """Every quad of the store, as N-Quads (for its view)."""
    data = open_store(location).dump(format=ox.RdfFormat.N_QUADS)
    return data or b""
