"""The SHACL shapes: the seeds' graph conforms; each kind of breakage is caught and described;
the relation shapes say what the ontology says; kg build refuses to write a broken graph."""

from decimal import Decimal
from pathlib import Path

import pytest
from rdflib import RDF, RDFS, XSD, Graph, Literal, URIRef
from rdflib.namespace import SH
from typer.testing import CliRunner

import kg.api
from kg.api import Written
from kg.cli import app
from kg.errors import ValidationError
from kg.ontology import KG
from kg.rdf.formats import FORMATS, serialize
from kg.rdf.validate import shapes, validate

NATO = URIRef("https://w3id.org/kg-news/id/organization/nato")
NOBODY = URIRef("https://w3id.org/kg-news/id/person/nobody")


def test_seeds_graph_conforms(seeds_graph: Graph) -> None:
    assert validate(seeds_graph) == []


def _statement(g: Graph) -> URIRef:
    return sorted(g.subjects(RDF.type, RDF.Statement))[0]  # type: ignore[return-value]


def _article(g: Graph) -> URIRef:
    return sorted(g.subjects(RDF.type, KG.Article))[0]  # type: ignore[return-value]


BREAKAGES = {
    "entity without a label": (lambda g: g.remove((NATO, RDFS.label, None)), "organization:nato rdfs:label", "exactly one non-empty rdfs:label"),
    "untyped entity": (lambda g: g.add((NOBODY, KG.mentionedIn, _article(g))), "person:nobody", "not typed"),
    "event that condemns": (lambda g: g.add((URIRef("https://w3id.org/kg-news/id/event/ec7a58c0ca6039f0-airstrike"), KG.condemns, NATO)), "airstrike", "kg:Agent"),
    "relation without provenance": (lambda g: g.add((NATO, KG.threatens, NATO)), "kg:threatens", "no rdf:Statement"),
    "confidence above 1": (lambda g: g.set((_statement(g), KG.confidence, Literal(Decimal("1.5"), datatype=XSD.decimal))), "kg:confidence", "[0, 1]"),
    "span past the sentence": (lambda g: g.set((_statement(g), KG.spanEnd, Literal(10**6, datatype=XSD.integer))), "kg:spanEnd", "within the sentence"),
    "statement without article": (lambda g: g.remove((_statement(g), URIRef("http://www.w3.org/ns/prov#wasDerivedFrom"), None)), "prov:wasDerivedFrom", "exactly one kg:Article"),
    "made-up predicate": (lambda g: g.set((_statement(g), RDF.predicate, URIRef("https://example.org/likes"))), "rdf:predicate", "not a relation"),
    "bad content hash": (lambda g: g.set((_article(g), KG.contentHash, Literal("xyz"))), "kg:contentHash", "hex SHA-256"),
}  # fmt: skip


@pytest.mark.parametrize("case", sorted(BREAKAGES))
def test_each_breakage_is_reported(seeds_graph: Graph, case: str) -> None:
    g = Graph() + seeds_graph
    for prefix, namespace in seeds_graph.namespaces():
        g.bind(prefix, namespace, replace=True)
    breaks, where, why = BREAKAGES[case]
    breaks(g)
    found = [str(v) for v in validate(g)]
    assert any(where in line and why in line for line in found), found


def test_relation_shapes_follow_the_ontology() -> None:
    s = shapes()
    for predicate in KG.relations():
        shape = URIRef(f"https://w3id.org/kg-news/shapes#{predicate}")
        assert (shape, SH.targetSubjectsOf, KG.term(predicate)) in s, predicate
        assert s.value(shape, SH["class"]) == KG.graph.value(KG.term(predicate), RDFS.domain)
        prop = s.value(shape, SH.property)
        assert s.value(prop, SH.path) == KG.term(predicate)
        assert s.value(prop, SH["class"]) == KG.graph.value(KG.term(predicate), RDFS.range)


def test_kg_validate_lists_violations_and_fails(seeds_graph: Graph, tmp_path: Path) -> None:
    g = Graph() + seeds_graph
    g.remove((NATO, RDFS.label, None))
    broken = tmp_path / "broken.ttl"
    broken.write_bytes(serialize(g, FORMATS["turtle"]))
    result = CliRunner().invoke(app, ["validate", str(broken)])
    assert isinstance(result.exception, ValidationError)
    assert "rdfs:label" in result.output


def test_kg_validate_passes_the_seeds(seeds_build: Written) -> None:
    result = CliRunner().invoke(app, ["validate", str(seeds_build.turtle)])
    assert result.exit_code == 0 and "conforms" in result.output


def test_build_refuses_to_write_a_broken_graph(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tests.conftest import SEEDS

    real = kg.api.to_rdf

    def broken(*args, **kwargs):  # type: ignore[no-untyped-def]
        g = real(*args, **kwargs)
        g.remove((NATO, RDFS.label, None))
        return g

    monkeypatch.setattr(kg.api, "to_rdf", broken)
    (tmp_path / "graph.ttl").write_text("old", encoding="utf-8")
    with pytest.raises(ValidationError):
        kg.api.build_to([SEEDS], tmp_path)
    assert (tmp_path / "graph.ttl").read_text(encoding="utf-8") == "old"


def test_build_validated_the_seeds(seeds_build: Written) -> None:
    assert seeds_build.validated
