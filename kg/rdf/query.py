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

QUERIES_DIR = Path(__file__).resolve().parents[2] / "queries"
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


Bindings = dict[str, str]  # variable -> value: '<iri>' or a plain literal


def parse_bindings(pairs: list[str]) -> Bindings:
    """`name=value` pairs (kg query --bind) to pre-bind query variables."""
    found: Bindings = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        if not sep or not re.fullmatch(r"\w+", name.lstrip("?$")):
            raise QueryError(f"--bind {pair!r}: write NAME=VALUE, e.g. --bind entity=AU")
        found[name.lstrip("?$")] = value
    return found


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


def solutions_result(solutions: object) -> Result:
    if not isinstance(solutions, ox.QuerySolutions):
        raise QueryError("only SELECT queries are supported here")
    columns = tuple(v.value for v in solutions.variables)
    rows = tuple(tuple(_term(s[c]) for c in columns) for s in solutions)
    return Result(columns, rows)


def _sparql_term(value: str) -> str:
    """A bound value as SPARQL: '<iri>' stays an IRI, a number a number, the rest a string."""
    if value.startswith("<") and value.endswith(">"):
        return str(ox.NamedNode(value[1:-1]))
    if re.fullmatch(r"-?\d+(\.\d+)?", value):
        return value
    return str(ox.Literal(value))


def bind(sparql: str, bindings: Bindings) -> str:
    """Give a query's parameters values. A parameter is declared in the query as inline data
    with no value, `VALUES ?name { UNDEF }`, so the query runs unchanged in any SPARQL engine
    (meaning: no restriction) and a value replaces UNDEF here."""
    for name, value in bindings.items():
        pattern = re.compile(rf"(VALUES\s+\?{re.escape(name)}\s*\{{)\s*UNDEF\s*(\}})", re.I)
        if not pattern.search(sparql):
            raise QueryError(f"the query has no parameter ?{name} (VALUES ?{name} {{ UNDEF }})")
        term = _sparql_term(value).replace("\\", "\\\\")  # a replacement template
        sparql = pattern.sub(rf"\g<1> {term} \g<2>", sparql)
    return sparql


OX_FORMATS = {
    "turtle": ox.RdfFormat.TURTLE,
    "ntriples": ox.RdfFormat.N_TRIPLES,
    "nquads": ox.RdfFormat.N_QUADS,
    "trig": ox.RdfFormat.TRIG,
    "jsonld": ox.RdfFormat.JSON_LD,
}


def run_oxigraph(data: bytes, sparql: str, fmt: str = "turtle") -> Result:
    """A SELECT query over a graph file's bytes (named graphs, if any, seen as one graph)."""
    store = ox.Store()
    store.load(data, format=OX_FORMATS[fmt])
    try:
        solutions = store.query(with_prefixes(sparql), use_default_graph_as_union=True)
    except (SyntaxError, ValueError, OSError) as exc:
        raise QueryError(f"SPARQL error: {exc}") from exc
    return solutions_result(solutions)


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
