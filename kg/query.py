"""SPARQL over a built graph: named queries from queries/, files, or inline text; run by
Oxigraph (the default, fast) or rdflib; results as a table, CSV or JSON."""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox
from rdflib import Graph

from kg.errors import QueryError

QUERIES_DIR = Path(__file__).resolve().parent.parent / "queries"
PREFIXES = {
    "kg": "https://w3id.org/kg-news/ontology#",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "prov": "http://www.w3.org/ns/prov#",
    "dcterms": "http://purl.org/dc/terms/",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
}
_SPARQL = re.compile(r"\b(SELECT|ASK|CONSTRUCT|DESCRIBE)\b", re.IGNORECASE)


@dataclass(frozen=True)
class Result:
    """A SELECT result: variable names and rows of plain strings ('' for unbound)."""

    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


def named_queries() -> dict[str, Path]:
    return {p.stem: p for p in sorted(QUERIES_DIR.glob("*.rq"))}


def _is_file(path: Path) -> bool:
    try:
        return path.is_file()
    except OSError:  # SPARQL text longer than a file name may be
        return False


def resolve_query(query: str) -> str:
    """QUERY may be a file, the name of a query in queries/, or SPARQL text."""
    path = Path(query)
    if path.suffix == ".rq" or ("\n" not in query and _is_file(path)):
        if not _is_file(path):
            raise QueryError(f"{query}: no such query file")
        return path.read_text(encoding="utf-8")
    if query in named_queries():
        return named_queries()[query].read_text(encoding="utf-8")
    if _SPARQL.search(query):
        return query
    names = ", ".join(named_queries()) or "(none)"
    raise QueryError(f"'{query}' is not a query file, a named query ({names}) or SPARQL")


def with_prefixes(sparql: str) -> str:
    """Declare the usual prefixes the query uses but does not declare."""
    missing = [
        f"PREFIX {p}: <{iri}>"
        for p, iri in PREFIXES.items()
        if re.search(rf"(?<![\w-]){p}:", sparql) and not re.search(rf"PREFIX\s+{p}:", sparql, re.I)
    ]
    return "\n".join([*missing, sparql])


def _term(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, ox.Literal | ox.NamedNode):
        return str(value.value)
    return str(value)


def run_oxigraph(turtle: bytes, sparql: str) -> Result:
    store = ox.Store()
    store.load(turtle, format=ox.RdfFormat.TURTLE)
    try:
        solutions = store.query(with_prefixes(sparql))
    except (SyntaxError, ValueError, OSError) as exc:
        raise QueryError(f"SPARQL error: {exc}") from exc
    if not isinstance(solutions, ox.QuerySolutions):
        raise QueryError("only SELECT queries are supported here")
    columns = tuple(v.value for v in solutions.variables)
    rows = tuple(tuple(_term(s[c]) for c in columns) for s in solutions)
    return Result(columns, rows)


def run_rdflib(graph: Graph, sparql: str) -> Result:
    try:
        result = graph.query(with_prefixes(sparql))
    except Exception as exc:  # pyparsing and rdflib raise many kinds
        raise QueryError(f"SPARQL error: {exc}") from exc
    if result.type != "SELECT" or result.vars is None:
        raise QueryError("only SELECT queries are supported here")
    columns = tuple(str(v) for v in result.vars)
    rows = tuple(tuple("" if x is None else str(x) for x in row) for row in result)  # type: ignore[union-attr]
    return Result(columns, rows)


def to_csv(result: Result) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(result.columns)
    writer.writerows(result.rows)
    return out.getvalue()


def to_json(result: Result) -> str:
    return json.dumps(
        [dict(zip(result.columns, row, strict=True)) for row in result.rows],
        ensure_ascii=False,
        indent=2,
    )
