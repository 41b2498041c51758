"""The interactive HTML view of a graph (pyvis / vis-network), usable with no network:
the JavaScript is inlined, CDN links are stripped, the layout is computed here (networkx)
so the browser does not have to simulate physics, and every text shown is HTML-escaped."""

from __future__ import annotations

import html
import re
from collections import defaultdict
from dataclasses import dataclass

import networkx as nx
from pyvis.network import Network
from rdflib import RDF, RDFS, Graph, URIRef

from kg.ontology import KG, NAMESPACE

COLOURS = {
    "Person": "#e15759", "Organization": "#4e79a7", "Country": "#59a14f", "Place": "#9c755f",
    "Group": "#f28e2b", "Event": "#b07aa1",
}  # fmt: skip
_REMOTE = re.compile(
    r"<link[^>]*href=\"https?://[^>]*>|<script[^>]*src=\"https?://[^>]*>\s*</script>", re.S
)
_MAX_SENTENCES = 3


@dataclass(frozen=True)
class Edge:
    source: str
    target: str
    predicate: str
    sentences: tuple[str, ...]


def _label(g: Graph, node: URIRef) -> str:
    labels = sorted(
        g.objects(node, RDFS.label), key=lambda v: (getattr(v, "language", "") != "en", str(v))
    )
    return str(labels[0]) if labels else str(node).rsplit("/", 1)[-1]


def _class(g: Graph, node: URIRef) -> str | None:
    names = sorted(
        str(t)[len(NAMESPACE) :] for t in g.objects(node, RDF.type) if str(t).startswith(NAMESPACE)
    )
    return next((n for n in names if n in COLOURS), None)


def _edges(g: Graph) -> list[Edge]:
    predicates = {KG.term(p) for p in KG.object_properties() if p != "mentionedIn"}
    sentences: dict[tuple[str, str, str], list[str]] = defaultdict(list)
    for st in g.subjects(RDF.type, RDF.Statement):
        key = (
            str(g.value(st, RDF.subject)),
            str(g.value(st, RDF.predicate)),
            str(g.value(st, RDF.object)),
        )
        sentences[key].append(str(g.value(st, KG.sentenceText) or ""))
    edges = []
    for s, p, o in sorted(g.triples((None, None, None))):
        if p in predicates and isinstance(s, URIRef) and isinstance(o, URIRef):
            found = tuple(sorted(set(sentences[(str(s), str(p), str(o))])))
            edges.append(Edge(str(s), str(o), str(p)[len(NAMESPACE) :], found))
    return edges


def _tooltip(edge: Edge, s_label: str, o_label: str) -> str:
    said = f"{s_label} {KG.label(edge.predicate)} {o_label}"
    head = f"<b>{html.escape(said)}</b>"
    quotes = [f"“{html.escape(t)}”" for t in edge.sentences[:_MAX_SENTENCES]]
    more = len(edge.sentences) - _MAX_SENTENCES
    return "<br>".join([head, *quotes, *([f"(and {more} more)"] if more > 0 else [])])


def _legend() -> str:
    items = "".join(
        f'<span style="display:inline-block;margin-right:12px"><span style="display:inline-block;'
        f'width:12px;height:12px;border-radius:6px;background:{c};margin-right:4px"></span>'
        f"{html.escape(KG.label(name))}</span>"
        for name, c in COLOURS.items()
    )
    note = "Hover an edge for the sentences it was read from; drag to move, scroll to zoom."
    return (
        f'<div id="kg-legend" style="font-family:sans-serif;font-size:14px;padding:6px">'
        f"{items}<br><small>{note}</small></div>"
    )


def _layout(edges: list[Edge]) -> dict[str, tuple[float, float]]:
    graph = nx.Graph()
    graph.add_edges_from(sorted((e.source, e.target) for e in edges))
    pos = nx.spring_layout(graph, seed=7, k=2.0 / max(1, len(graph)) ** 0.5, iterations=200)
    scale = 150 * max(1, len(graph)) ** 0.5
    return {n: (float(x) * scale, float(y) * scale) for n, (x, y) in sorted(pos.items())}


def render_html(g: Graph, title: str = "kg") -> str:
    """A self-contained HTML page showing the entities that take part in relations."""
    edges = _edges(g)
    net = Network(height="90vh", width="100%", directed=True, cdn_resources="in_line", heading="")
    labels = {}
    for node, (x, y) in _layout(edges).items():
        ref = URIRef(node)
        cls = _class(g, ref) or "Event"
        labels[node] = _label(g, ref)
        parts = (labels[node], KG.label(cls), node)
        tip = "<b>{}</b><br>{}<br>{}".format(*map(html.escape, parts))
        net.add_node(
            node, label=labels[node], title=tip, color=COLOURS[cls], x=x, y=y, physics=False
        )
    for e in edges:
        net.add_edge(
            e.source,
            e.target,
            label=KG.label(e.predicate),
            title=_tooltip(e, labels[e.source], labels[e.target]),
            arrows="to",
            smooth=False,
        )
    net.toggle_physics(False)
    page = _REMOTE.sub("", net.generate_html(notebook=False))
    page = (
        page.replace("<title>", f"<title>{html.escape(title)} ", 1) if "<title>" in page else page
    )
    return page.replace("<body>", "<body>\n" + _legend(), 1)
