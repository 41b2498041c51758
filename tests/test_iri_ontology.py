import pytest
from rdflib import OWL, RDF, RDFS

from kg.errors import KGError, OntologyError
from kg.iri import entity_iri, mint, slug
from kg.ontology import KG

SLUGS = [
    ("Jens Stoltenberg", "jens-stoltenberg"),
    ("Rahmi Doğan", "rahmi-dogan"),
    ("Türkiye", "turkiye"),
    ("U.S.", "u-s"),
    ("  --  ", None),  # nothing readable: a hash
]


@pytest.mark.parametrize(("text", "expected"), SLUGS)
def test_slug(text: str, expected: str | None) -> None:
    result = slug(text)
    assert result.isascii() and " " not in result
    if expected is None:
        assert result.startswith("x") and len(result) == 13
    else:
        assert result == expected


def test_entity_iri_is_readable_ascii() -> None:
    iri = entity_iri("Country", "country:türkiye")
    assert str(iri) == "https://w3id.org/kg-news/id/country/turkiye"


def test_unknown_kind_cannot_be_minted() -> None:
    with pytest.raises(KGError):
        mint("thing", "x")


def test_misspelt_term_fails() -> None:
    with pytest.raises(OntologyError):
        KG.condems  # noqa: B018
    with pytest.raises(OntologyError):
        KG.term("Persn")


REQUIRED_CLASSES = ["Person", "Organization", "Country", "Place", "Group", "Event", "Article"]
REQUIRED_RELATIONS = [
    "speaksFor", "leads", "memberOf", "condemns", "callsOn", "callsFor", "expressesSolidarityWith",
    "expressesCondolencesTo", "supports", "attacks", "kills", "threatens", "locatedIn", "occurredIn",
]  # fmt: skip


@pytest.mark.parametrize("name", REQUIRED_CLASSES)
def test_class_has_english_and_dutch_labels(name: str) -> None:
    term = KG.term(name)
    assert (term, RDF.type, OWL.Class) in KG.graph
    langs = {lbl.language for lbl in KG.graph.objects(term, RDFS.label)}  # type: ignore[attr-defined]
    assert {"en", "nl"} <= langs


@pytest.mark.parametrize("name", REQUIRED_RELATIONS)
def test_relation_has_domain_range_and_labels(name: str) -> None:
    term = KG.term(name)
    assert (term, RDF.type, OWL.ObjectProperty) in KG.graph
    assert KG.graph.value(term, RDFS.domain) is not None
    assert KG.graph.value(term, RDFS.range) is not None
    assert KG.label(name, "nl") != name


ACCEPTS = [
    ("leads", "Person", "Organization", True),
    ("leads", "Person", "Place", False),
    ("speaksFor", "Organization", "Organization", False),
    ("occurredIn", "Event", "Country", True),
    ("condemns", "Country", "Event", True),
    ("locatedIn", "Place", "Country", True),
    ("locatedIn", "Person", "Country", False),
]


@pytest.mark.parametrize(("predicate", "subject", "obj", "ok"), ACCEPTS)
def test_domain_and_range(predicate: str, subject: str, obj: str, ok: bool) -> None:
    assert KG.accepts(predicate, subject, obj) is ok


@pytest.mark.parametrize(
    ("predicate", "code"),
    [("condemns", "111"), ("callsOn", "100"), ("callsFor", "100"), ("attacks", "190"),
     ("expressesCondolencesTo", "018"), ("threatens", "130"), ("leads", None)],
)  # fmt: skip
def test_event_predicates_carry_cameo_codes(predicate: str, code: str | None) -> None:
    assert KG.cameo(predicate) == code


def test_relations_exclude_statement_and_article_terms() -> None:
    assert {"attributedTo", "modality", "mentionedIn"}.isdisjoint(KG.relations())
    assert {"condemns", "speaksFor", "locatedIn"} <= set(KG.relations())
