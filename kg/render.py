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
# Tooltips are plain text with line breaks: keep the breaks, wrap long sentences.
_STYLE = "<style>div.vis-tooltip { white-space: pre-wrap; max-width: 520px; }</style>\n"
_SPACING = 110.0  # pixels between neighbouring nodes, roughly


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
    predicates = {KG.term(p) for p in KG.relations()}
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
    """Plain text: vis-network shows a string title as text, never as HTML (article text is
    untrusted), and the page's CSS keeps its line breaks."""
    said = f"{s_label} {KG.label(edge.predicate)} {o_label}"
    quotes = [f"“{t}”" for t in edge.sentences[:_MAX_SENTENCES]]
    more = len(edge.sentences) - _MAX_SENTENCES
    return "\n".join([said, *quotes, *([f"(and {more} more)"] if more > 0 else [])])


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


def _component_layout(graph: nx.Graph) -> dict[str, tuple[float, float]]:
    """Positions in a box about sqrt(n) * _SPACING wide, centred on 0."""
    n = graph.number_of_nodes()
    if n == 1:
        return {next(iter(graph.nodes)): (0.0, 0.0)}
    pos = nx.spring_layout(graph, seed=7, k=2.0 / n**0.5, iterations=150)
    size = _SPACING * n**0.5
    return {str(k): (float(x) * size, float(y) * size) for k, (x, y) in pos.items()}


def _layout(edges: list[Edge]) -> dict[str, tuple[float, float]]:
    """Each connected component laid out on its own, components packed in rows, biggest first."""
    graph = nx.Graph()
    graph.add_edges_from(sorted((e.source, e.target) for e in edges))
    parts = sorted(nx.connected_components(graph), key=lambda c: (-len(c), sorted(c)))
    placed: dict[str, tuple[float, float]] = {}
    x = y = row_height = 0.0
    width = 2 * _SPACING * max(1, graph.number_of_nodes()) ** 0.5
    for part in parts:
        pos = _component_layout(graph.subgraph(sorted(part)).copy())
        xs, ys = [p[0] for p in pos.values()], [p[1] for p in pos.values()]
        w, h = max(xs) - min(xs) + _SPACING, max(ys) - min(ys) + _SPACING
        if x > 0 and x + w > width:
            x, y, row_height = 0.0, y + row_height, 0.0
        for node, (px, py) in pos.items():
            placed[node] = (x + px - min(xs), y + py - min(ys))
        x, row_height = x + w, max(row_height, h)
    return dict(sorted(placed.items()))


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
        tip = "\n".join(parts)
        net.add_node(
            node, label=labels[node], title=tip, color=COLOURS[cls], x=x, y=y, physics=False
        )
    pairs: dict[tuple[str, str], list[Edge]] = defaultdict(list)
    for e in edges:  # one arrow per pair: 'leads, speaks for' rather than two on top of each other
        pairs[(e.source, e.target)].append(e)
    for (source, target), group in pairs.items():
        label = ", ".join(KG.label(e.predicate) for e in group)
        tip = "\n\n".join(_tooltip(e, labels[source], labels[target]) for e in group)
        net.add_edge(source, target, label=label, title=tip, arrows="to", smooth=False)
    net.toggle_physics(False)
    page = _REMOTE.sub("", net.generate_html(notebook=False))
    page = (
        page.replace("<title>", f"<title>{html.escape(title)} ", 1) if "<title>" in page else page
    )
    page = page.replace("</head>", _STYLE + "</head>", 1)
    return page.replace("<body>", "<body>\n" + _legend(), 1)
