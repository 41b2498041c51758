"""The linked graph as RDF, and Turtle written deterministically and atomically.

Relations are plain asserted triples (`nato kg:condemns event`) so that simple SPARQL works.
Provenance rides on standard RDF reification: one `rdf:Statement` per (relation, sentence)
with rdf:subject/predicate/object, `prov:wasDerivedFrom` the kg:Article, the sentence and its
character offsets. We chose rdf:Statement over RDF-star because every triple store and SPARQL
1.1 engine reads it (rdflib included), while quoted triples are not yet portable; its shape
maps one-to-one onto RDF 1.2 `rdf:reifies` when stores catch up.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from rdflib import RDF, RDFS, SKOS, XSD, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, PROV, SDO

from kg.errors import KGError
from kg.formats import format_of, parse, union
from kg.iri import BASE, KINDS, entity_iri, mint, statement_iri
from kg.lexicon import load_toml
from kg.model import Article, Entity, Triple
from kg.model import Graph as KGraph
from kg.ontology import KG, NAMESPACE


def new_graph() -> Graph:
    g = Graph()
    g.bind("kg", Namespace(NAMESPACE))
    for prefix, ns in (
        ("rdfs", RDFS),
        ("skos", SKOS),
        ("prov", PROV),
        ("dcterms", DCTERMS),
        ("xsd", XSD),
        ("schema", SDO),
    ):
        g.bind(prefix, ns)
    for kind in KINDS:
        g.bind(kind, Namespace(f"{BASE}{kind}/"))
    return g


def _article(g: Graph, a: Article) -> URIRef:
    node = mint("article", a.id)
    g.add((node, RDF.type, KG.Article))
    for cls in KG.aligned_types("Article"):
        g.add((node, RDF.type, cls))
    g.add((node, DCTERMS.title, Literal(a.title, lang=a.lang)))
    g.add((node, DCTERMS.language, Literal(a.lang)))
    g.add((node, KG.sourceFile, Literal(a.source)))
    g.add((node, KG.contentHash, Literal(a.sha256)))
    return node


def _entity(g: Graph, e: Entity) -> URIRef:
    node = entity_iri(e.type.value, e.key)
    g.add((node, RDF.type, KG.term(e.type.value)))
    for cls in KG.aligned_types(e.type.value):  # schema:Person etc., for stores without reasoning
        g.add((node, RDF.type, cls))
    g.add((node, RDFS.label, Literal(e.label, lang=e.label_lang)))
    for name, lang in e.alt_labels:
        g.add((node, SKOS.altLabel, Literal(name, lang=lang)))
    for article_id in e.articles:
        g.add((node, KG.mentionedIn, mint("article", article_id)))
    return node


def _triple(g: Graph, t: Triple, nodes: dict[str, URIRef], agents: set[str], floor: float) -> None:
    s, p, o = nodes[t.subject], KG.term(t.predicate), nodes[t.object]
    if t.holds(floor):
        g.add((s, p, o))
    prov = t.provenance
    st = statement_iri(str(s), str(p), str(o), prov.article_id, str(prov.start), str(prov.end))
    g.add((st, RDF.type, RDF.Statement))
    g.add((st, RDF.subject, s))
    g.add((st, RDF.predicate, p))
    g.add((st, RDF.object, o))
    g.add((st, PROV.wasDerivedFrom, mint("article", prov.article_id)))
    g.add((st, KG.sentenceText, Literal(prov.sentence.strip())))
    for term, value in (
        ("sentenceStart", prov.sentence_start),
        ("sentenceEnd", prov.sentence_end),
        ("spanStart", prov.start),
        ("spanEnd", prov.end),
    ):
        g.add((st, KG.term(term), Literal(value, datatype=XSD.integer)))
    g.add((st, KG.extractionRule, Literal(prov.rule)))
    g.add((st, KG.confidence, Literal(decimal_lexical(prov.confidence), datatype=XSD.decimal)))
    g.add((st, KG.modality, KG.term(prov.modality.value)))
    if t.speaker is not None and t.speaker in agents:
        g.add((st, KG.attributedTo, nodes[t.speaker]))


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
    those stated as facts with confidence >= `floor` are also asserted as triples."""
    g = new_graph()
    g += KG.graph
    for a in graph.articles:
        _article(g, a)
    nodes = {e.key: _entity(g, e) for e in graph.entities}
    agents = {e.key for e in graph.entities if KG.is_a(e.type.value, "Agent")}
    floor = min_confidence() if floor is None else floor
    for t in graph.triples:
        _triple(g, t, nodes, agents, floor)
    for left, right in graph.close_matches:  # weak cross-article matches, not merged
        g.add((nodes[left], SKOS.closeMatch, nodes[right]))
    return g


def write_atomic(path: Path, data: bytes) -> None:
    """Write via a temporary file and rename: a failed write never leaves half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        # mkstemp makes the file private (0600); give it the old file's mode, else rw-r--r--
        os.chmod(tmp, path.stat().st_mode & 0o777 if path.exists() else 0o644)
        os.replace(tmp, path)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise KGError(f"cannot write {path}: {exc.strerror}") from exc


def load_graph(path: Path) -> Graph:
    """A graph file in any of our formats (by suffix), named graphs merged into one."""
    if not path.is_file():
        raise KGError(f"{path}: no such graph; build one first with: kg build seeds/")
    fmt = format_of(path)
    try:
        return union(parse(path.read_bytes(), fmt))
    except KGError as exc:
        raise KGError(f"{path}: {exc}") from exc
