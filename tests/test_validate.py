"""kg's SHACL validator (shapes compiled to SPARQL on Oxigraph) against the reference, pySHACL:
on the seeds' graph broken in every way the shapes can see, both report the same violations
(focus node, path, value, constraint component). Shapes kg cannot check are refused."""

from decimal import Decimal
from pathlib import Path

import pyshacl
import pytest
from rdflib import RDF, RDFS, XSD, BNode, Graph, Literal, URIRef
from rdflib.namespace import SH, SKOS
from rdflib.term import Node

import kg.api
from kg.errors import KGError, ValidationError
from kg.ontology import KG
from kg.rdf.graph import new_graph
from kg.rdf.shacl import compile_shapes
from kg.rdf.validate import _name, shapes, validate

NATO = URIRef("https://w3id.org/kg-news/id/organization/nato")
PROV = "http://www.w3.org/ns/prov#"
DCT = "http://purl.org/dc/terms/"


def _statement(g: Graph, n: int = 0) -> Node:
    return sorted(g.subjects(RDF.type, RDF.Statement))[n]


def _article(g: Graph) -> Node:
    return sorted(g.subjects(RDF.type, KG.Article))[0]


def _entity(g: Graph, n: int) -> Node:
    return sorted(set(g.subjects(KG.mentionedIn, None)))[n]


def _set(g: Graph, node: Node, prop: URIRef, value: Node) -> None:
    g.set((node, prop, value))


# Each breaks one kind of constraint (several break more than one).
BREAKAGES = {
    "no label": lambda g: g.remove((NATO, RDFS.label, None)),
    "two labels": lambda g: g.add((NATO, RDFS.label, Literal("Nato", lang="en"))),
    "label without language": lambda g: _set(g, NATO, RDFS.label, Literal("NATO")),
    "empty alternative name": lambda g: g.add((NATO, SKOS.altLabel, Literal("", lang="en"))),
    "untyped mentioned": lambda g: g.add((URIRef("urn:x:nobody"), KG.mentionedIn, _article(g))),
    "mentioned in a non-article": lambda g: g.add((NATO, KG.mentionedIn, NATO)),
    "relation without statement": lambda g: g.add((NATO, KG.threatens, _entity(g, 1))),
    "wrong domain": lambda g: g.add((_article(g), KG.leads, NATO)),
    "literal object": lambda g: g.add((NATO, KG.supports, Literal("peace"))),
    "confidence above 1": lambda g: _set(g, _statement(g), KG.confidence, Literal(Decimal("1.5"))),
    "confidence a string": lambda g: _set(g, _statement(g), KG.confidence, Literal("high")),
    "span past sentence": lambda g: _set(g, _statement(g), KG.spanEnd, Literal(10**6)),
    "span reversed": lambda g: _set(g, _statement(g, 1), KG.spanStart, Literal(10**5)),
    "negative start": lambda g: _set(g, _statement(g), KG.sentenceStart, Literal(-1)),
    "start a string": lambda g: _set(g, _statement(g), KG.sentenceStart, Literal("0")),
    "no article": lambda g: g.remove((_statement(g), URIRef(PROV + "wasDerivedFrom"), None)),
    "two subjects": lambda g: g.add((_statement(g), RDF.subject, _entity(g, 2))),
    "made-up predicate": lambda g: _set(g, _statement(g), RDF.predicate, URIRef("urn:x:likes")),
    "made-up modality": lambda g: _set(g, _statement(g), KG.modality, KG.term("asserted") + "x"),
    "ill-formed date": lambda g: g.add((_statement(g), KG.eventDate, Literal("2020-13-45", datatype=XSD.date))),
    "empty sentence": lambda g: _set(g, _statement(g), KG.sentenceText, Literal("")),
    "blank sentence": lambda g: _set(g, _statement(g), KG.sentenceText, BNode()),
    "bad hash": lambda g: _set(g, _article(g), KG.contentHash, Literal("xyz")),
    "bad language": lambda g: _set(g, _article(g), URIRef(DCT + "language"), Literal("EN")),
    "title without language": lambda g: _set(g, _article(g), URIRef(DCT + "title"), Literal("T")),
    "two creators": lambda g: g.addN((_article(g), URIRef(DCT + "creator"), Literal(n), g) for n in "ab"),
}  # fmt: skip


def _reference(g: Graph) -> set[tuple[str, str, str, str]]:
    """pySHACL's report as (focus, path, value, component), named as kg names them."""
    _, report, _ = pyshacl.validate(
        g, shacl_graph=shapes(), inference="none", advanced=True, allow_warnings=True
    )
    assert isinstance(report, Graph)
    found = set()
    for r in report.subjects(RDF.type, SH.ValidationResult):
        component = str(report.value(r, SH.sourceConstraintComponent)).rsplit("#", 1)[-1]
        focus, path = report.value(r, SH.focusNode), report.value(r, SH.resultPath)
        value = report.value(r, SH.value)
        if component in ("MinCountConstraintComponent", "MaxCountConstraintComponent"):
            value = None  # pySHACL names no value for a count
        found.add((_name(g, focus), _name(g, path), _name(g, value), component))
    return found


def _ours(g: Graph) -> set[tuple[str, str, str, str]]:
    return {(v.focus, v.path, v.value, v.component) for v in validate(g)}


def _copy(seeds_graph: Graph) -> Graph:
    g = new_graph()
    g += seeds_graph
    return g


@pytest.mark.parametrize("case", sorted(BREAKAGES))
def test_same_violations_as_pyshacl(seeds_graph: Graph, case: str) -> None:
    g = _copy(seeds_graph)
    BREAKAGES[case](g)
    ours = _ours(g)
    assert ours, f"{case}: nothing found"
    assert ours == _reference(g)


def test_all_breakages_at_once(seeds_graph: Graph) -> None:
    g = _copy(seeds_graph)
    for breaks in BREAKAGES.values():
        breaks(g)
    assert _ours(g) == _reference(g)


def test_a_plain_rdflib_graph_is_checked_too(seeds_graph: Graph) -> None:
    g = Graph() + seeds_graph
    g.remove((NATO, RDFS.label, None))
    assert _ours(g) == _reference(g) != set()


def test_each_violation_reads_as_one_line(seeds_graph: Graph) -> None:
    g = _copy(seeds_graph)
    BREAKAGES["ill-formed date"](g)
    (line,) = [str(v) for v in validate(g)]
    assert line.startswith("Violation: ") and "kg:eventDate" in line and "2020-13-45" in line


SHAPE = """@prefix sh: <http://www.w3.org/ns/shacl#> . @prefix ex: <urn:x:> .
ex:S a sh:NodeShape ; sh:targetClass ex:C ; sh:property [ sh:path ex:p ; {} ] ."""


@pytest.mark.parametrize(
    "constraint",
    ["sh:uniqueLang true", "sh:node ex:T", "sh:qualifiedMinCount 1", "sh:hasValue ex:v"],
)
def test_a_shape_kg_cannot_check_is_refused(constraint: str) -> None:
    shape = Graph().parse(data=SHAPE.replace("{}", constraint), format="turtle")
    with pytest.raises(KGError, match="does not implement"):
        compile_shapes(shape)


def test_a_path_expression_is_refused() -> None:
    shape = Graph().parse(data=SHAPE.replace("sh:path ex:p ; {}", "sh:path [ sh:inversePath ex:p ]"), format="turtle")  # fmt: skip
    with pytest.raises(KGError, match="only IRI paths"):
        compile_shapes(shape)


def test_a_build_checks_a_large_graph_by_default(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No size limit: a graph of 30,000 triples with one entity left unlabelled is refused."""
    from tests.conftest import SEEDS

    real = kg.api.to_rdf

    def large_and_broken(*args, **kwargs):  # type: ignore[no-untyped-def]
        g = real(*args, **kwargs)
        g.addN((NATO, RDFS.comment, Literal(f"note {i}"), g) for i in range(30_000))
        g.remove((NATO, RDFS.label, None))
        return g

    monkeypatch.setattr(kg.api, "to_rdf", large_and_broken)
    with pytest.raises(ValidationError, match="rdfs:label"):
        kg.api.build_to([SEEDS], tmp_path)
    assert not (tmp_path / "graph.ttl").exists()


def test_a_sparql_constraint_with_minus_is_refused() -> None:
    shape = Graph().parse(
        data="""@prefix sh: <http://www.w3.org/ns/shacl#> . @prefix ex: <urn:x:> .
        ex:S a sh:NodeShape ; sh:targetClass ex:C ; sh:sparql [ sh:select
        "SELECT $this WHERE { $this ex:p ?o MINUS { $this ex:q ?o } }" ] .""",
        format="turtle",
    )
    with pytest.raises(KGError, match="MINUS"):
        compile_shapes(shape)
