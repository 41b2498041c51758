"""What the HTML view shows, read from a graph: nodes (entities that take part in relations)
with their type, names in every language, articles and importance; edges (one per pair of
nodes, merging the relations between them) with predicates, confidence, languages and the
sentences they were read from. Plain data: kg.view.render turns it into the page."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

import networkx as nx
from rdflib import RDF, RDFS, SKOS, Graph, URIRef
from rdflib.namespace import DCTERMS, PROV
from rdflib.term import Node as RdfNode

from kg.ontology import KG, NAMESPACE

TYPES = ("Person", "Organization", "Country", "Place", "Group", "Event", "Work", "Award", "Product")


@dataclass(frozen=True)
class Source:
    """One sentence a relation was read from."""

    sentence: str
    confidence: float
    title: str  # of the article
    lang: str
    when: str = ""  # the event's day ('2020-02-27') or its date as written ('Thursday')


@dataclass(frozen=True)
class Relation:
    predicate: str
    sources: tuple[Source, ...]


@dataclass(frozen=True)
class Node:
    id: str
    label: str
    type: str
    names: tuple[tuple[str, str], ...]  # (name, language), label first
    articles: tuple[tuple[str, str], ...]  # (title, language)
    rank: float  # PageRank in [0, 1], 1 for the most central node


@dataclass(frozen=True)
class Edge:
    source: str
    target: str
    relations: tuple[Relation, ...]

    @property
    def confidence(self) -> float:
        return max((s.confidence for r in self.relations for s in r.sources), default=1.0)

    @property
    def langs(self) -> tuple[str, ...]:
        return tuple(sorted({s.lang for r in self.relations for s in r.sources}))


def _article(g: Graph, article: RdfNode | None) -> tuple[str, str]:
    title = g.value(article, DCTERMS.title)
    lang = g.value(article, DCTERMS.language)
    return str(title or ""), str(lang or "")


def _sources(g: Graph) -> dict[tuple[str, str, str], list[Source]]:
    found: dict[tuple[str, str, str], list[Source]] = defaultdict(list)
    for st in g.subjects(RDF.type, RDF.Statement):
        key = tuple(str(g.value(st, p)) for p in (RDF.subject, RDF.predicate, RDF.object))
        title, lang = _article(g, g.value(st, PROV.wasDerivedFrom))
        conf = g.value(st, KG.confidence)
        text = str(g.value(st, KG.sentenceText) or "")
        when = g.value(st, KG.eventDate) or g.value(st, KG.dateText) or ""
        score = float(str(conf)) if conf is not None else 1.0
        source = Source(text, score, title, lang, str(when))
        found[(key[0], key[1], key[2])].append(source)
    return found


def _surest_first(s: Source) -> tuple[float, str, str, str, str]:
    """The surest sentence first; ties in a fixed order (a set's order depends on the hash
    seed, and the page must not)."""
    return (-s.confidence, s.sentence, s.title, s.lang, s.when)


def edges(g: Graph) -> list[Edge]:
    """The asserted relations between entities, one Edge per (subject, object) pair."""
    predicates = {KG.term(p) for p in KG.relations()}
    sources = _sources(g)
    pairs: dict[tuple[str, str], list[Relation]] = defaultdict(list)
    for s, p, o in sorted(g.triples((None, None, None))):
        if p in predicates and isinstance(s, URIRef) and isinstance(o, URIRef):
            found = sorted(set(sources[(str(s), str(p), str(o))]), key=_surest_first)
            pairs[(str(s), str(o))].append(Relation(str(p)[len(NAMESPACE) :], tuple(found)))
    return [Edge(s, o, tuple(rels)) for (s, o), rels in sorted(pairs.items())]


def _names(g: Graph, node: URIRef) -> tuple[tuple[str, str], ...]:
    def pairs(prop: URIRef) -> list[tuple[str, str]]:
        return sorted((str(v), getattr(v, "language", None) or "") for v in g.objects(node, prop))

    labels = sorted(pairs(RDFS.label), key=lambda x: (x[1] != "en", x))
    return tuple(labels + [n for n in pairs(SKOS.altLabel) if n not in labels])


def _type(g: Graph, node: URIRef) -> str:
    names = {str(t)[len(NAMESPACE) :] for t in g.objects(node, RDF.type)}
    return next((t for t in TYPES if t in names), "Event")


def _ranks(edge_list: list[Edge]) -> dict[str, float]:
    graph = nx.DiGraph()
    graph.add_edges_from((e.source, e.target) for e in edge_list)
    if graph.number_of_nodes() == 0:
        return {}
    rank = nx.pagerank(graph.to_undirected())
    top = max(rank.values())
    return {n: v / top for n, v in rank.items()}


def nodes(g: Graph, edge_list: list[Edge]) -> list[Node]:
    """Every entity at an end of an edge, sorted by IRI."""
    ranks = _ranks(edge_list)
    found = []
    for node in sorted({e.source for e in edge_list} | {e.target for e in edge_list}):
        ref = URIRef(node)
        names = _names(g, ref) or ((node.rsplit("/", 1)[-1], ""),)
        articles = tuple(sorted(_article(g, a) for a in g.objects(ref, KG.mentionedIn)))
        found.append(Node(node, names[0][0], _type(g, ref), names, articles, ranks[node]))
    return found
