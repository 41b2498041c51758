"""Turtle output: golden file (compared as graphs), determinism, atomic writes, Oxigraph."""

import difflib
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Graph
from rdflib.compare import graph_diff, isomorphic, to_isomorphic

from kg.errors import KGError
from kg.files import write_atomic
from kg.model import Article, Entity, EntityType, Modality, Provenance, Triple
from kg.model import Graph as KGraph
from kg.ontology import KG
from kg.rdf.formats import FORMATS, in_memory, serialize
from kg.rdf.graph import to_rdf
from kg.rdf.iri import entity_iri

GOLDEN = Path(__file__).parent / "golden" / "small.ttl"
FIRST, SAID = (
    "Ann Lee, head of Acme, spoke in Zürich.",
    "On Thursday Ann Lee said Acme did not back Zürich.",
)
ARTICLE = Article(
    "0123456789abcdef",
    "news/a.txt",
    "Leaders meet",
    FIRST + " " + SAID,
    "en",
    "0123456789abcdef" + "0" * 48,
    date="2020-02-28",
    author="Bo Smit",
    publisher="Example News",
)
ENTITIES = (
    Entity("name:ann lee", EntityType.PERSON, "Ann Lee", "en", (("Lee", "en"),), (ARTICLE.id,)),
    Entity("name:acme", EntityType.ORGANIZATION, "Acme", "en", (), (ARTICLE.id,)),
    Entity("place:zürich", EntityType.PLACE, "Zürich", "en", (("Zurich", "en"),), (ARTICLE.id,)),
)
TRIPLES = (
    Triple(
        "name:ann lee",
        "leads",
        "name:acme",
        Provenance(ARTICLE.id, FIRST, 0, 39, 0, 20, "title", 0.9),
    ),
    Triple(  # denied, and said by someone: a statement with its speaker, no triple
        "name:acme",
        "supports",
        "place:zürich",
        Provenance(
            ARTICLE.id,
            SAID,
            40,
            90,
            65,
            89,
            "verb:back",
            0.8,
            Modality.NEGATED,
            date="2020-02-27",
            date_text="Thursday",
        ),
        "name:ann lee",
    ),
    Triple(  # stated, but below the floor: a statement, no triple
        "name:ann lee",
        "memberOf",
        "name:acme",
        Provenance(ARTICLE.id, FIRST, 0, 39, 0, 20, "title", 0.4),
    ),
)
SMALL = KGraph((ARTICLE,), ENTITIES, TRIPLES)


def _explain(expected: Graph, actual: Graph) -> str:
    _, only_expected, only_actual = graph_diff(to_isomorphic(expected), to_isomorphic(actual))
    lines = lambda g: sorted(g.serialize(format="nt").splitlines())  # noqa: E731
    return "\n".join(
        difflib.unified_diff(
            lines(only_expected), lines(only_actual), "golden", "actual", lineterm=""
        )
    )


def test_small_graph_matches_golden_file() -> None:
    """The golden file holds the data only; the ontology is written alongside it. Of the
    three statements only the confident, asserted one is also a triple."""
    actual = in_memory(to_rdf(SMALL, 0.5)) - KG.graph
    expected = Graph().parse(GOLDEN, format="turtle")
    assert isomorphic(expected, actual), _explain(expected, actual)


def test_min_confidence_decides_what_is_asserted() -> None:
    ann, acme, zurich = (entity_iri(e.type.value, e.key) for e in ENTITIES)
    assert (ann, KG.memberOf, acme) not in to_rdf(SMALL, 0.5)
    assert (ann, KG.memberOf, acme) in to_rdf(SMALL, 0.4)
    denied = (acme, KG.supports, zurich)
    assert denied not in to_rdf(SMALL, 0.0)  # a denial is never asserted


def test_same_input_same_bytes() -> None:
    assert serialize(to_rdf(SMALL), FORMATS["turtle"]) == serialize(
        to_rdf(SMALL), FORMATS["turtle"]
    )


def test_iris_are_ascii() -> None:
    for term in to_rdf(SMALL).all_nodes():
        if not hasattr(term, "language"):
            assert str(term).isascii(), term


def test_loads_into_oxigraph() -> None:
    store = ox.Store()
    store.load(serialize(to_rdf(SMALL), FORMATS["turtle"]), format=ox.RdfFormat.TURTLE)
    assert len(store) == len(to_rdf(SMALL))


def test_written_file_is_readable_by_others(tmp_path: Path) -> None:
    target = tmp_path / "graph.ttl"
    write_atomic(target, b"data")
    assert target.stat().st_mode & 0o777 == 0o644


def test_failed_write_leaves_old_file_intact(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "graph.ttl"
    target.write_bytes(b"old")

    def broken(*_: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("kg.files.os.replace", broken)
    with pytest.raises(KGError, match="No space left"):
        write_atomic(target, b"new")
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["graph.ttl"]


def test_every_entity_class_and_the_news_statement_terms_make_a_valid_graph() -> None:
    """A Work, a role with its title, a CAMEO code and an intended act: each has its IRI and
    term, and the graph passes the shapes (a build with a WORK_OF_ART once failed to mint)."""
    from kg.rdf.validate import validate

    work = Entity("name:meet the fockers", EntityType.WORK, "Meet the Fockers", "en", (), (ARTICLE.id,))  # fmt: skip
    prov = Provenance(ARTICLE.id, FIRST, 0, 39, 0, 20, "verb:star", 0.9, code="112")
    role = Provenance(ARTICLE.id, FIRST, 0, 39, 0, 20, "title", 0.9, role_title="head")
    meant = Provenance(ARTICLE.id, FIRST, 0, 39, 0, 20, "verb:buy", 0.9, Modality.INTENDED)
    triples = (
        Triple("name:ann lee", "starsIn", "name:meet the fockers", prov),
        Triple("name:ann lee", "holdsRoleAt", "name:acme", role),
        Triple("name:acme", "acquires", "name:meet the fockers", meant),
    )
    for etype in EntityType:
        assert entity_iri(etype.value, f"name:{etype.value}")
    g = to_rdf(KGraph((ARTICLE,), (*ENTITIES, work), triples))
    assert validate(g) == []
    assert (None, KG.term("roleTitle"), None) in g and (None, KG.term("eventCode"), None) in g
    assert (None, KG.modality, KG.term("intended")) in g
    assert (entity_iri("Work", "name:meet the fockers"), None, None) in g
