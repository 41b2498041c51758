"""The interactive HTML view of a graph (pyvis / vis-network), usable with no network: the
JavaScript is inlined and CDN links stripped; the layout is computed here (networkx), so the
browser does not simulate physics and a graph of thousands of nodes opens at once; our own
controls (kg/view/static/view.js) search, filter, focus and switch physics. Every text from the
articles is data, never markup: vis-network shows string tooltips as text, and JSON inside
the page escapes '<'."""

from __future__ import annotations

import html
import re
from importlib.resources import files

import networkx as nx
from pyvis.network import Network
from rdflib import Graph

from kg.ontology import KG
from kg.view import data as view

COLOURS = {
    "Person": "#e15759", "Organization": "#4e79a7", "Country": "#59a14f", "Place": "#9c755f",
    "Group": "#f28e2b", "Event": "#b07aa1", "Work": "#edc948",
    "Award": "#76b7b2", "Product": "#ff9da7",
}  # fmt: skip
SHAPES = {
    "Person": "dot", "Organization": "square", "Country": "diamond", "Place": "triangle",
    "Group": "hexagon", "Event": "star", "Work": "box",
    "Award": "ellipse", "Product": "triangleDown",
}  # fmt: skip
_REMOTE = re.compile(
    r"<link[^>]*href=\"https?://[^>]*>|<script[^>]*src=\"https?://[^>]*>\s*</script>", re.S
)
_MAX_SENTENCES = 3
_SPACING = 110.0  # pixels between neighbouring nodes, roughly
LANGUAGES = {"en": "English", "nl": "Dutch"}


def _static(name: str) -> str:
    return files("kg.view").joinpath("static", name).read_text(encoding="utf-8")


def _node_tip(n: view.Node) -> str:
    names = [f"{name} ({lang})" if lang else name for name, lang in n.names]
    articles = [f"{title} [{lang}]" for title, lang in n.articles[:5]]
    more = [f"... and {len(n.articles) - 5} more articles"] if len(n.articles) > 5 else []
    return "\n".join(
        [n.label, KG.label(n.type), "", "names: " + "; ".join(names), "mentioned in:"]
        + ["  " + a for a in articles]
        + more
        + ["", n.id]
    )


def _edge_tip(e: view.Edge, labels: dict[str, str]) -> str:
    parts = []
    for r in e.relations:
        best = max((s.confidence for s in r.sources), default=1.0)
        lines = [f"{labels[e.source]} {KG.label(r.predicate)} {labels[e.target]}"]
        lines.append(f"confidence {best:.2f}, {len(r.sources)} sentence(s)")
        for s in r.sources[:_MAX_SENTENCES]:
            when = f", {s.when}" if s.when else ""
            lines.append(f"“{s.sentence}”\n  {s.title} [{s.lang}{when}] {s.confidence:.2f}")
        if len(r.sources) > _MAX_SENTENCES:
            lines.append(f"(and {len(r.sources) - _MAX_SENTENCES} more)")
        parts.append("\n".join(lines))
    return "\n\n".join(parts)


def _checkboxes(name: str, items: list[tuple[str, str, str | None]]) -> str:
    boxes = "".join(
        f'<label><input type="checkbox" class="kg-filter" value="{html.escape(value)}" checked>'
        + (f'<span class="swatch" style="background:{colour}"></span>' if colour else "")
        + f"{html.escape(text)}</label>"
        for value, text, colour in items
    )
    return f'<fieldset id="kg-{name}"><legend>{name}</legend>{boxes}</fieldset>'


def _controls(predicates: list[str], langs: list[str]) -> str:
    types = _checkboxes("types", [(t, KG.label(t), COLOURS[t]) for t in view.TYPES])
    preds = _checkboxes("predicates", [(p, KG.label(p), None) for p in predicates])
    options = "".join(
        f'<option value="{html.escape(x)}">{html.escape(LANGUAGES.get(x, x))}</option>'
        for x in langs
    )
    return (
        '<div id="kg-controls">'
        '<input id="kg-search" type="search" placeholder="Find a node by name">'
        '<button id="kg-focus" title="Or double-click a node">Focus on selection</button>'
        '<button id="kg-reset">Show all</button>'
        '<label><input id="kg-physics" type="checkbox"> physics</label>'
        f'<select id="kg-lang" class="kg-filter"><option value="">all languages</option>'
        f"{options}</select>"
        '<label>min. confidence <input id="kg-confidence" class="kg-filter" type="range" '
        'min="0" max="1" step="0.05" value="0"> <span id="kg-confidence-value">0.00</span>'
        '</label><span id="kg-count"></span><br>'
        f"{types}{preds}</div>"
    )


def _component_layout(graph: nx.Graph) -> dict[str, tuple[float, float]]:
    """Positions in a box about sqrt(n) * _SPACING wide, centred on 0."""
    n = graph.number_of_nodes()
    if n == 1:
        return {next(iter(graph.nodes)): (0.0, 0.0)}
    # fewer iterations on big components: ~5 s for 2,000 nodes instead of ~25 s
    iterations = 150 if n <= 300 else max(30, 45_000 // n)
    pos = nx.spring_layout(graph, seed=7, k=2.0 / n**0.5, iterations=iterations)
    size = _SPACING * n**0.5
    return {str(k): (float(x) * size, float(y) * size) for k, (x, y) in pos.items()}


def _component(graph: nx.Graph, part: set[str]) -> nx.Graph:
    """The component as a graph of its own, nodes and edges in sorted order: a subgraph view
    iterates its node set, so its order (and the layout) would change with the hash seed."""
    component = nx.Graph()
    component.add_nodes_from(sorted(part))
    component.add_edges_from(sorted(tuple(sorted(e)) for e in graph.edges(part)))
    return component


def _layout(edges: list[view.Edge]) -> dict[str, tuple[float, float]]:
    """Each connected component laid out on its own, components packed in rows, biggest first."""
    graph = nx.Graph()
    graph.add_edges_from(sorted((e.source, e.target) for e in edges))
    parts = sorted(nx.connected_components(graph), key=lambda c: (-len(c), sorted(c)))
    placed: dict[str, tuple[float, float]] = {}
    x = y = row_height = 0.0
    width = 2 * _SPACING * max(1, graph.number_of_nodes()) ** 0.5
    for part in parts:
        pos = _component_layout(_component(graph, part))
        xs, ys = [p[0] for p in pos.values()], [p[1] for p in pos.values()]
        w, h = max(xs) - min(xs) + _SPACING, max(ys) - min(ys) + _SPACING
        if x > 0 and x + w > width:
            x, y, row_height = 0.0, y + row_height, 0.0
        for node, (px, py) in pos.items():
            placed[node] = (x + px - min(xs), y + py - min(ys))
        x, row_height = x + w, max(row_height, h)
    return dict(sorted(placed.items()))


def _network(nodes: list[view.Node], edges: list[view.Edge]) -> Network:
    net = Network(height="85vh", width="100%", directed=True, cdn_resources="in_line", heading="")
    positions = _layout(edges)
    labels = {n.id: n.label for n in nodes}
    for n in nodes:
        x, y = positions[n.id]
        langs = sorted({lang for _, lang in n.articles})
        net.add_node(
            n.id, label=n.label, title=_node_tip(n), color=COLOURS[n.type],
            shape=SHAPES[n.type], size=10 + 25 * n.rank, x=x, y=y, physics=False,
            kgType=n.type, kgLangs=langs, kgNames=[name for name, _ in n.names],
        )  # fmt: skip
    for e in edges:
        predicates = [r.predicate for r in e.relations]
        label = ", ".join(KG.label(p) for p in predicates)
        count = sum(len(r.sources) for r in e.relations)
        net.add_edge(
            e.source, e.target, label=label if count == 1 else f"{label} ({count})",
            title=_edge_tip(e, labels), arrows="to", smooth=False, width=1 + min(count, 6) / 2,
            kgPredicates=predicates, kgConfidence=e.confidence, kgLangs=list(e.langs),
        )  # fmt: skip
    net.toggle_physics(False)
    return net


def render_html(g: Graph, title: str = "kg") -> str:
    """A self-contained HTML page of the entities that take part in relations."""
    edges = view.edges(g)
    nodes = view.nodes(g, edges)
    page = _REMOTE.sub("", _network(nodes, edges).generate_html(notebook=False))
    if "<title>" in page:
        page = page.replace("<title>", f"<title>{html.escape(title)} ", 1)
    predicates = sorted({r.predicate for e in edges for r in e.relations})
    langs = sorted({lang for e in edges for lang in e.langs})
    page = page.replace("</head>", f"<style>{_static('view.css')}</style>\n</head>", 1)
    page = page.replace("<body>", "<body>\n" + _controls(predicates, langs), 1)
    script = f"<script>{_static('view.js')}</script>\n"
    return page.replace("</body>", script + "</body>", 1)
