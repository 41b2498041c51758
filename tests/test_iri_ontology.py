import pytest
from rdflib import OWL, RDF, RDFS, SKOS, URIRef
from rdflib.namespace import DCTERMS, PROV, Namespace

from kg.errors import KGError, OntologyError
from kg.ontology import KG
from kg.rdf.iri import entity_iri, mint, slug

SDO = Namespace("https://schema.org/")  # a plain Namespace: pytest trips over the closed SDO

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


ONTOLOGY = URIRef("https://w3id.org/kg-news/ontology")


def test_ontology_header_has_version_iri_and_licence() -> None:
    assert (ONTOLOGY, RDF.type, OWL.Ontology) in KG.graph
    assert str(KG.graph.value(ONTOLOGY, OWL.versionIRI)).startswith(str(ONTOLOGY) + "/")
    assert KG.graph.value(ONTOLOGY, DCTERMS.license) is not None


@pytest.mark.parametrize("name", sorted(KG.terms))
def test_every_term_is_labelled_and_explained_in_english_and_dutch(name: str) -> None:
    term = KG.term(name)
    for prop in (RDFS.label, RDFS.comment):
        langs = {v.language for v in KG.graph.objects(term, prop)}  # type: ignore[attr-defined]
        assert {"en", "nl"} <= langs, (name, prop)


@pytest.mark.parametrize(
    ("name", "aligned"),
    [("Person", SDO.Person), ("Organization", SDO.Organization), ("Place", SDO.Place),
     ("Country", SDO.Country), ("Event", SDO.Event), ("Article", SDO.NewsArticle),
     ("Agent", PROV.Agent), ("Article", PROV.Entity)],
)  # fmt: skip
def test_classes_are_aligned_to_schema_org_and_prov(name: str, aligned: URIRef) -> None:
    assert aligned in KG.aligned_types(name)


@pytest.mark.parametrize(
    ("name", "prop", "other"),
    [("memberOf", RDFS.subPropertyOf, SDO.memberOf),
     ("locatedIn", RDFS.subPropertyOf, SDO.containedInPlace),
     ("occurredIn", RDFS.subPropertyOf, SDO.location),
     ("mentionedIn", OWL.inverseOf, SDO.mentions),
     ("speaksFor", SKOS.closeMatch, PROV.actedOnBehalfOf),
     ("attributedTo", RDFS.subPropertyOf, PROV.wasAttributedTo),
     ("worksFor", RDFS.subPropertyOf, SDO.worksFor),
     ("subsidiaryOf", RDFS.subPropertyOf, SDO.parentOrganization),
     ("citizenOf", RDFS.subPropertyOf, SDO.nationality),
     ("authorOf", OWL.inverseOf, SDO.author),
     ("condemns", RDFS.subPropertyOf, KG.criticises)],
)  # fmt: skip
def test_properties_are_aligned(name: str, prop: URIRef, other: URIRef) -> None:
    assert (KG.term(name), prop, other) in KG.graph


def test_every_cameo_root_has_a_predicate() -> None:
    """The political-event family covers the CAMEO codebook: roots 01-20 (issue 19)."""
    codes = {p: KG.cameo(p) for p in KG.relations() if KG.cameo(p)}
    assert all(str(c).isdigit() and len(str(c)) in (3, 4) for c in codes.values()), codes
    assert {str(c)[:2] for c in codes.values()} == {f"{n:02d}" for n in range(1, 21)}
    business = {"worksFor", "owns", "acquires", "playsFor", "wins", "basedIn", "citizenOf"}
    assert not business & set(codes)


def test_the_news_ontology_stays_small_and_readable() -> None:
    """40-70 relations, each with an English and a Dutch label and comment."""
    relations = KG.relations()
    assert 40 <= len(relations) <= 70
    for p in relations:
        for lang in ("en", "nl"):
            for prop in (RDFS.label, RDFS.comment):
                values = KG.graph.objects(KG.term(p), prop)
                assert any(getattr(v, "language", None) == lang for v in values), (p, prop, lang)
