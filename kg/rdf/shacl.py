"""SHACL shapes compiled to SPARQL: each constraint of ontology/shapes.ttl becomes one SELECT
query whose solutions are its violations (?this, ?value), run on Oxigraph.

It implements the part of SHACL Core that kg's shapes use, with SHACL's semantics (sh:class
follows rdfs:subClassOf in the data graph, values are compared with sameTerm, an incomparable
value fails a range check, an ill-formed literal fails sh:datatype), plus SPARQL-based
constraints. A shape that uses anything else is refused, never silently skipped;
tests/test_validate.py compares the reports with pySHACL's on broken graphs.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from rdflib import RDF, RDFS, XSD, BNode, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import OWL, SH
from rdflib.term import Node

from kg.errors import KGError

# What a shape may say besides its constraints (documentation, declarations, structure).
_NEUTRAL = {RDF.type, RDFS.label, RDFS.comment, OWL.imports, SH.declare, SH.property, SH.message,
            SH.severity, SH.name, SH.description, SH.targetClass, SH.targetSubjectsOf,
            SH.targetObjectsOf, SH.targetNode, SH.path, SH.flags}  # fmt: skip
_COMPARE = {SH.minInclusive: ">=", SH.maxInclusive: "<=",
            SH.minExclusive: ">", SH.maxExclusive: "<"}  # fmt: skip
_PAIR = {SH.lessThan: "<", SH.lessThanOrEquals: "<="}
_CASTS = {XSD.integer, XSD.decimal, XSD.double, XSD.float, XSD.boolean, XSD.date, XSD.dateTime}
_ILL = "<urn:x-kg:ill-formed>"
# SHACL forbids these in SPARQL-based constraints (they break the pre-binding of $this).
_FORBIDDEN = re.compile(r"\b(MINUS|VALUES|SERVICE)\b", re.IGNORECASE)
_SUPPORTED = {SH.minCount, SH.maxCount, SH["class"], SH.datatype, SH.minLength, SH.maxLength,
              SH["in"], SH.pattern, *_COMPARE, *_PAIR}  # fmt: skip


@dataclass(frozen=True)
class Check:
    """One constraint as a query: its solutions bind ?this (the focus node) and maybe ?value."""

    shape: str  # the IRI of a named shape, "" for a blank (inline) one
    component: str  # the SHACL constraint component, e.g. "MinCountConstraintComponent"
    path: str  # the property path's IRI, "" for a node constraint
    severity: str
    message: str
    query: str
    focus_query: str = ""  # for SPARQL-based constraints: the targets, to keep their rows


def _n3(node: Node) -> str:
    if isinstance(node, BNode):
        raise KGError("a blank node inside a shape's constraint is not supported")
    return str(node.n3())


def _one(shapes: Graph, node: Node, prop: URIRef) -> Node | None:
    values = list(shapes.objects(node, prop))
    if len(values) > 1:
        raise KGError(f"the shape {node} has {len(values)} values for {prop}")
    return values[0] if values else None


def _targets(shapes: Graph, shape: Node) -> str:
    """A SPARQL group binding ?this to each focus node of `shape` once, or "" (no target)."""
    classes = shapes.objects(shape, SH.targetClass)
    parts = [f"?this rdf:type/rdfs:subClassOf* {_n3(c)} ." for c in classes]
    parts += [f"?this {_n3(p)} ?_t ." for p in shapes.objects(shape, SH.targetSubjectsOf)]
    parts += [f"?_t {_n3(p)} ?this ." for p in shapes.objects(shape, SH.targetObjectsOf)]
    parts += [f"VALUES ?this {{ {_n3(n)} }}" for n in shapes.objects(shape, SH.targetNode)]
    if not parts:
        return ""
    union = " UNION ".join(f"{{ {p} }}" for p in sorted(parts))
    return f"{{ SELECT DISTINCT ?this WHERE {{ {union} }} }}"


def _value_filter(constraint: URIRef, arg: Node, shapes: Graph, shape: Node) -> str:
    """The SPARQL (after ?value is bound) that keeps the values breaking one constraint."""
    if constraint == SH["class"]:
        return f"FILTER NOT EXISTS {{ ?value rdf:type/rdfs:subClassOf* {_n3(arg)} }}"
    if constraint == SH.datatype:
        if arg == RDF.langString:
            return 'FILTER (!(isLiteral(?value) && LANG(?value) != ""))'
        cast = f"isLiteral(COALESCE({_n3(arg)}(STR(?value)), {_ILL}))"
        formed = f" && {cast}" if arg in _CASTS else ""
        return f"FILTER (!(isLiteral(?value) && sameTerm(DATATYPE(?value), {_n3(arg)}){formed}))"
    if constraint in (SH.minLength, SH.maxLength):
        op = "<" if constraint == SH.minLength else ">"
        return f"FILTER (isBlank(?value) || STRLEN(STR(?value)) {op} {int(str(arg))})"
    if constraint == SH.pattern:
        flags = _one(shapes, shape, SH.flags)
        extra = f", {_n3(Literal(str(flags)))}" if flags is not None else ""
        return f"FILTER (isBlank(?value) || !REGEX(STR(?value), {_n3(Literal(str(arg)))}{extra}))"
    if constraint == SH["in"]:
        members = [f"sameTerm(?value, {_n3(m)})" for m in Collection(shapes, arg)]
        return f"FILTER (!({' || '.join(members) or 'false'}))"
    if constraint in _COMPARE:
        return f"FILTER (!COALESCE(?value {_COMPARE[constraint]} {_n3(arg)}, false))"
    if constraint in _PAIR:
        op = _PAIR[constraint]
        return f"?this {_n3(arg)} ?_other . FILTER (!COALESCE(?value {op} ?_other, false))"
    raise KGError(f"unsupported SHACL constraint {constraint}")


_DEFAULTS = {
    "MinCountConstraintComponent": "fewer than {arg} values",
    "MaxCountConstraintComponent": "more than {arg} values",
    "ClassConstraintComponent": "the value is not a {arg}",
    "DatatypeConstraintComponent": "the value is not a well-formed {arg} literal",
    "MinLengthConstraintComponent": "the value is shorter than {arg} characters",
    "MaxLengthConstraintComponent": "the value is longer than {arg} characters",
    "PatternConstraintComponent": "the value does not match {arg}",
    "InConstraintComponent": "the value is not one of the allowed values",
}


def _component(constraint: URIRef) -> str:
    name = str(constraint).rsplit("#", 1)[-1]
    return name[0].upper() + name[1:] + "ConstraintComponent"


def _message(shapes: Graph, shape: Node, constraint: URIRef, arg: Node) -> str:
    given = _one(shapes, shape, SH.message)
    if given is not None:
        return str(given)
    component = _component(constraint)
    shown = shapes.namespace_manager.normalizeUri(arg) if isinstance(arg, URIRef) else str(arg)
    local = str(constraint).rsplit("#", 1)[-1]
    default = _DEFAULTS.get(component, f"the value breaks sh:{local} {{arg}}")
    return default.format(arg=shown)


def _severity(shapes: Graph, shape: Node, parent: Node | None = None) -> str:
    given = _one(shapes, shape, SH.severity) or (parent and _one(shapes, parent, SH.severity))
    return str(given).rsplit("#", 1)[-1] if given else "Violation"


def _constraint_query(targets: str, path: Node | None, constraint: URIRef, arg: Node,
                      shapes: Graph, shape: Node) -> str:  # fmt: skip
    if constraint in (SH.minCount, SH.maxCount):
        assert path is not None, "sh:minCount and sh:maxCount need a sh:path"
        n = int(str(arg))
        values = f"?this {_n3(path)} ?value ."
        if constraint == SH.minCount:
            where, having = f"{targets} OPTIONAL {{ {values} }}", f"< {n}"
        else:
            where, having = f"{targets} {values}", f"> {n}"
        grouped = f"GROUP BY ?this HAVING (COUNT(DISTINCT ?value) {having})"
        return f"SELECT ?this WHERE {{ {where} }} {grouped}"
    bind = f"?this {_n3(path)} ?value ." if path is not None else "BIND (?this AS ?value)"
    test = _value_filter(constraint, arg, shapes, shape)
    return f"SELECT DISTINCT ?this ?value WHERE {{ {targets} {bind} {test} }}"


def _checks_of(shapes: Graph, shape: Node, targets: str, path: Node | None,
               parent: Node | None) -> Iterator[Check]:  # fmt: skip
    name = str(shape) if isinstance(shape, URIRef) else ""
    for prop, arg in sorted(shapes.predicate_objects(shape)):
        if prop in _NEUTRAL or (prop == SH.sparql and parent is None):
            continue  # a node shape's SPARQL constraints: see _sparql_checks
        if prop not in _SUPPORTED or not isinstance(prop, URIRef):
            raise KGError(f"the shapes use {prop}, which kg's SHACL validator does not implement")
        yield Check(shape=name, component=_component(prop), path=str(path) if path else "",
                    severity=_severity(shapes, shape, parent),
                    message=_message(shapes, shape, prop, arg),
                    query=_constraint_query(targets, path, prop, arg, shapes, shape))  # fmt: skip


def _sparql_checks(shapes: Graph, shape: Node, targets: str) -> Iterator[Check]:
    for constraint in shapes.objects(shape, SH.sparql):
        select = _one(shapes, constraint, SH.select)
        if select is None:
            raise KGError(f"the SPARQL constraint of {shape} has no sh:select")
        if _FORBIDDEN.search(str(select)):
            raise KGError(f"the SPARQL constraint of {shape} uses MINUS, VALUES or SERVICE")
        prefixes = "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in _declared(shapes, constraint))
        yield Check(shape=str(shape) if isinstance(shape, URIRef) else "",
                    component="SPARQLConstraintComponent", path="",
                    severity=_severity(shapes, constraint, shape),
                    message=str(_one(shapes, constraint, SH.message) or "constraint not met"),
                    query=prefixes + str(select),
                    focus_query=f"SELECT ?this WHERE {{ {targets} }}")  # fmt: skip


def _declared(shapes: Graph, constraint: Node) -> list[tuple[str, str]]:
    found = []
    for owner in shapes.objects(constraint, SH.prefixes):
        for decl in shapes.objects(owner, SH.declare):
            prefix, namespace = _one(shapes, decl, SH.prefix), _one(shapes, decl, SH.namespace)
            found.append((str(prefix), str(namespace)))
    return sorted(found)


def compile_shapes(shapes: Graph) -> tuple[Check, ...]:
    """Every constraint of every shape with a target, as a query (validate sorts the results,
    so the order of the checks does not matter)."""
    checks: list[Check] = []
    for shape in sorted(set(shapes.subjects(RDF.type, SH.NodeShape)), key=str):
        targets = _targets(shapes, shape)
        if not targets:
            continue
        checks += _checks_of(shapes, shape, targets, None, None)
        checks += _sparql_checks(shapes, shape, targets)
        for prop_shape in sorted(shapes.objects(shape, SH.property), key=str):
            path = _one(shapes, prop_shape, SH.path)
            if not isinstance(path, URIRef):
                raise KGError(f"only IRI paths are supported in shapes, not {path}")
            checks += _checks_of(shapes, prop_shape, targets, path, shape)
    return tuple(checks)
