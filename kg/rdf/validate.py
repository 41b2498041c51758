"""SHACL validation of a built graph against ontology/shapes.ttl, and violations as plain
one-line descriptions.

The shapes are compiled to SPARQL (kg.rdf.shacl) and run on Oxigraph: on the Oxigraph store the
built graph already lives in, so nothing is copied. About 70 times faster than pySHACL, which
tests/test_validate.py keeps as the reference: both give the same results on broken graphs."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pyoxigraph as ox
from rdflib import RDFS, BNode, Graph, Literal, URIRef
from rdflib.term import Node

from kg.errors import KGError, ValidationError
from kg.ontology import ONTOLOGY_FILE
from kg.rdf.shacl import Check, compile_shapes

SHAPES_FILE = ONTOLOGY_FILE.with_name("shapes.ttl")


@dataclass(frozen=True)
class Violation:
    """One SHACL result: what failed (focus node, path, offending value) and why."""

    severity: str
    focus: str
    path: str
    value: str
    message: str
    shape: str
    component: str = ""  # the SHACL constraint component, e.g. "MinCountConstraintComponent"

    def __str__(self) -> str:
        where = f"{self.focus} {self.path}".rstrip()
        value = f" (value: {self.value})" if self.value and self.value != self.focus else ""
        shape = f" [{self.shape}]" if self.shape else ""
        return f"{self.severity}: {where}: {self.message}{value}{shape}"


@cache
def shapes(path: Path = SHAPES_FILE) -> Graph:
    try:
        return Graph().parse(path, format="turtle")
    except (OSError, SyntaxError, ValueError) as exc:
        raise KGError(f"cannot read the shapes {path}: {exc}") from exc


def _name(g: Graph, node: Node | None) -> str:
    if node is None:
        return ""
    if isinstance(node, URIRef):
        try:
            text = g.namespace_manager.normalizeUri(node)
        except ValueError:
            text = f"<{node}>"
        label = g.value(node, RDFS.label)
        return f"{text} ({label})" if label is not None and not text.startswith("kg:") else text
    return str(node) if not hasattr(node, "n3") else node.n3()


def _shape_name(shape: Node | None) -> str:
    """A named shape's prefixed name; '' for an inline (blank) property shape."""
    return _name(shapes(), shape) if isinstance(shape, URIRef) else ""


_PREFIXES = """PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
"""


@cache
def checks(path: Path = SHAPES_FILE) -> tuple[Check, ...]:
    return compile_shapes(shapes(path))


def _store(g: Graph) -> ox.Store:
    """The Oxigraph store under `g` (an oxrdflib graph), or a copy of `g` in a new one."""
    inner = getattr(g.store, "_inner", None)
    if isinstance(inner, ox.Store):
        return inner
    store = ox.Store()
    store.bulk_load(g.serialize(format="nt", encoding="utf-8"), format=ox.RdfFormat.N_TRIPLES)
    return store


def _term(node: object) -> Node | None:
    if isinstance(node, ox.NamedNode):
        return URIRef(node.value)
    if isinstance(node, ox.BlankNode):
        return BNode(node.value)
    if isinstance(node, ox.Literal):
        lang, dtype = node.language, node.datatype.value
        return Literal(node.value, lang=lang) if lang else Literal(node.value, datatype=dtype)
    return None


def _rows(store: ox.Store, query: str) -> list[dict[str, Node | None]]:
    try:
        found = store.query(_PREFIXES + query, use_default_graph_as_union=True)
    except (SyntaxError, ValueError, OSError) as exc:
        raise KGError(f"a shape compiled to a query Oxigraph refuses: {exc}") from exc
    assert isinstance(found, ox.QuerySolutions)
    names = [v.value for v in found.variables]
    return [{n: _term(row[n]) for n in names} for row in found]


def _run(store: ox.Store, check: Check) -> list[tuple[Node | None, Node | None, Node | None]]:
    """(focus, path, value) of each violation of one check."""
    rows = _rows(store, check.query)
    path = URIRef(check.path) if check.path else None
    if check.focus_query:
        focus = {r["this"] for r in _rows(store, check.focus_query)}
        rows = [r for r in rows if r.get("this") in focus]
    return [(r.get("this"), r.get("path") or path, r.get("value")) for r in rows]


def _violations(g: Graph, store: ox.Store, check: Check) -> list[Violation]:
    return [
        Violation(
            severity=check.severity,
            focus=_name(g, focus),
            path=_name(g, path),
            value=_name(g, value),
            message=check.message,
            shape=_shape_name(URIRef(check.shape)) if check.shape else "",
            component=check.component,
        )
        for focus, path, value in _run(store, check)
    ]


def validate(g: Graph, shapes_path: Path = SHAPES_FILE) -> list[Violation]:
    """The violations of `g` against the shapes, sorted; an empty list means it conforms."""
    store = _store(g)
    found = [v for c in checks(shapes_path) for v in _violations(g, store, c)]
    return sorted(found, key=lambda v: (str(v), v.component))


def check(g: Graph) -> None:
    """Raise ValidationError naming the first violations if `g` does not conform."""
    found = validate(g)
    if found:
        shown = "; ".join(str(v) for v in found[:3])
        more = f" (and {len(found) - 3} more; run kg validate)" if len(found) > 3 else ""
        raise ValidationError(f"the graph breaks {len(found)} SHACL constraint(s): {shown}{more}")
