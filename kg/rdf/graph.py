"""The linked graph as RDF, and Turtle written deterministically and atomically.

Relations are plain asserted triples (`acme kg:condemns event`) so that simple SPARQL works.
Provenance rides on standard RDF reification: one `rdf:Statement` per (relation, sentence)
with rdf:subject/predicate/object, `prov:wasDerivedFrom` the kg:Article, the sentence and its
character offsets. We chose rdf:Statement over RDF-star because every triple store and SPARQL
1.1 engine reads it (rdflib included), while quoted triples are not yet portable; its shape
maps one-to-one onto RDF 1.2 `rdf:reifies` when stores catch up.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from pyoxigraph import NamedNode
from rdflib import OWL, RDF, RDFS, SKOS, XSD, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, ORG, PROV, SDO, VANN
from rdflib.term import Node

from kg.lexicon import load_toml
from kg.model import Article, Entity, Triple
from kg.model import Graph as KGraph
from kg.ontology import KG, NAMESPACE
from kg.rdf.iri import BASE, KINDS, entity_iri, mint, statement_iri
from kg.read.dates import iso_date

Triple3 = tuple[URIRef, URIRef, Node]
_WEB = re.compile(r"https?://\S+")


def _is_iri(url: str) -> bool:
    """A web address that is a valid IRI, by the writer's own parser (Oxigraph, RFC 3987)."""
    if not _WEB.fullmatch(url):
        return False
    try:
        NamedNode(url)
    except ValueError:
        return False
    return True


PREFIXES = (
    ("rdf", RDF), ("rdfs", RDFS), ("owl", OWL), ("xsd", XSD), ("skos", SKOS), ("prov", PROV),
    ("dcterms", DCTERMS), ("schema", SDO), ("org", ORG), ("vann", VANN),
)  # fmt: skip


def new_graph() -> Graph:
    """An rdflib Graph on an Oxigraph store (oxrdflib): rdflib's API, Oxigraph's speed. Its
    writers keep the order triples were added in, so to_rdf adds them grouped by subject."""
    g = Graph(store="Oxigraph", bind_namespaces="none")
    g.bind("kg", Namespace(NAMESPACE))
    for prefix, ns in PREFIXES:
        g.bind(prefix, ns)
    for kind in KINDS:
        g.bind(kind, Namespace(f"{BASE}{kind}/"))
    return g


def _article(a: Article) -> Iterator[Triple3]:
    node = mint("article", a.id)
    yield node, RDF.type, KG.Article
    for cls in KG.aligned_types("Article"):
        yield node, RDF.type, cls
    yield node, DCTERMS.title, Literal(a.title, lang=a.lang)
    yield node, DCTERMS.language, Literal(a.lang)
    yield node, KG.sourceFile, Literal(a.source)
    yield node, KG.contentHash, Literal(a.sha256)
    if a.date:
        iso = iso_date(a.date) is not None and re.fullmatch(r"\d{4}-\d{2}-\d{2}", a.date)
        yield node, DCTERMS.date, Literal(a.date, datatype=XSD.date if iso else None)
    if a.author:
        yield node, DCTERMS.creator, Literal(a.author)
    if a.publisher:
        yield node, DCTERMS.publisher, Literal(a.publisher)
    if a.url and _is_iri(a.url):  # else it stays out: no IRI can hold it
        yield node, SDO.url, URIRef(a.url)


def _entity(e: Entity, node: URIRef, facts: list[tuple[URIRef, URIRef]]) -> Iterator[Triple3]:
    """An entity's description and the facts it is the subject of, in one block."""
    yield node, RDF.type, KG.term(e.type.value)
    for cls in KG.aligned_types(e.type.value):  # schema:Person etc., for stores without reasoning
        yield node, RDF.type, cls
    yield node, RDFS.label, Literal(e.label, lang=e.label_lang)
    for name, lang in e.alt_labels:
        yield node, SKOS.altLabel, Literal(name, lang=lang)
    for article_id in e.articles:
        yield node, KG.mentionedIn, mint("article", article_id)
    for p, o in facts:
        yield node, p, o


def _statement(t: Triple, nodes: dict[str, URIRef], agents: set[str]) -> Iterator[Triple3]:
    s, p, o = nodes[t.subject], KG.term(t.predicate), nodes[t.object]
    prov = t.provenance
    st = statement_iri(str(s), str(p), str(o), prov.article_id, str(prov.start), str(prov.end))
    yield st, RDF.type, RDF.Statement
    yield st, RDF.subject, s
    yield st, RDF.predicate, p
    yield st, RDF.object, o
    yield st, PROV.wasDerivedFrom, mint("article", prov.article_id)
    yield st, KG.sentenceText, Literal(prov.sentence.strip())
    for term, value in (
        ("sentenceStart", prov.sentence_start),
        ("sentenceEnd", prov.sentence_end),
        ("spanStart", prov.start),
        ("spanEnd", prov.end),
    ):
        yield st, KG.term(term), Literal(value, datatype=XSD.integer)
    yield st, KG.extractionRule, Literal(prov.rule)
    yield st, KG.confidence, Literal(decimal_lexical(prov.confidence), datatype=XSD.decimal)
    yield st, KG.modality, KG.term(prov.modality.value)
    if t.speaker is not None and t.speaker in agents:
        yield st, KG.attributedTo, nodes[t.speaker]
    if prov.date:
        yield st, KG.eventDate, Literal(prov.date, datatype=XSD.date)
    if prov.date_text:
        yield st, KG.dateText, Literal(prov.date_text)
    if prov.code:
        yield st, KG.eventCode, Literal(prov.code)
    if prov.role_title:
        yield st, KG.roleTitle, Literal(prov.role_title)


def decimal_lexical(value: float) -> str:
    """Two places, in the canonical xsd:decimal form every store writes back ('0.9', '1.0'),
    so answers read the same from rdflib and from Oxigraph."""
    text = f"{value:.2f}".rstrip("0")
    return text + "0" if text.endswith(".") else text


def min_confidence() -> float:
    """The default floor below which relations are not asserted (kg/data/confidence.toml)."""
    return float(load_toml("confidence.toml")["build"]["min_confidence"])


def to_rdf(graph: KGraph, floor: float | None = None) -> Graph:
    """The rdflib Graph of a linked graph, with the ontology in it (labels of classes and
    predicates in English and Dutch travel with the data into any triple store).

    Every relation gets its rdf:Statement (provenance, confidence, modality, speaker); only
    those stated as facts with confidence >= `floor` are also asserted as triples. Triples are
    added subject by subject in a fixed order, which the writers keep (see new_graph)."""
    floor = min_confidence() if floor is None else floor
    nodes = {e.key: entity_iri(e.type.value, e.key) for e in graph.entities}
    agents = {e.key for e in graph.entities if KG.is_a(e.type.value, "Agent")}
    facts: dict[str, dict[tuple[URIRef, URIRef], None]] = {e.key: {} for e in graph.entities}
    for t in graph.triples:
        if t.holds(floor):
            facts[t.subject][(KG.term(t.predicate), nodes[t.object])] = None
    for left, right in graph.close_matches:  # weak cross-article matches, not merged
        facts[left][(SKOS.closeMatch, nodes[right])] = None
    triples: list[Triple3] = sorted(KG.graph)  # type: ignore[arg-type]
    for a in graph.articles:
        triples += _article(a)
    for e in graph.entities:
        triples += _entity(e, nodes[e.key], list(facts[e.key]))
    for t in graph.triples:
        triples += _statement(t, nodes, agents)
    g = new_graph()
    # Oxigraph's in-memory store writes the triples last-added first: add them backwards
    g.addN((s, p, o, g) for s, p, o in reversed(triples))
    return g
