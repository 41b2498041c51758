"""The serialisations a built graph is written in, each deterministic (same graph, same bytes).

Turtle (the default, with readable prefixes), N-Triples and JSON-LD hold the whole graph.
N-Quads and TriG hold it as a dataset: one named graph per article, named by the article's IRI,
holding what that article says: its metadata, which entities it mentions, and its statements
with their provenance (sentence, offsets, confidence, modality, speaker). The default graph
holds what articles share: the ontology, the entities' names and types, and the asserted
triples, a layer derived from the statements (a triple is asserted when some statement states
it as a fact with enough confidence). No triple is in two graphs, so a store that reads the
union of the graphs (Oxigraph's union default graph) sees each once. To retract an article,
drop its graph and delete the asserted triples no remaining statement supports; to re-extract
it, replace its graph the same way.
"""

from __future__ import annotations

import io
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from oxrdflib.store import OxigraphStore
from rdflib import RDF, XSD, Dataset, Graph, Literal, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
from rdflib.namespace import PROV
from rdflib.plugins.serializers.trig import TrigSerializer

from kg.errors import KGError
from kg.ontology import KG, ONTOLOGY_FILE

CONTEXT_FILE = ONTOLOGY_FILE.with_name("context.jsonld")
CONTEXT_URL = "https://w3id.org/kg-news/context.jsonld"


@dataclass(frozen=True)
class Format:
    """A serialisation: its name on the command line, file suffix, rdflib format name, and
    whether it holds a dataset (named graphs) rather than one graph."""

    name: str
    suffix: str
    rdflib: str
    quads: bool


FORMATS = {
    f.name: f
    for f in (
        Format("turtle", "ttl", "turtle", False),
        Format("ntriples", "nt", "nt", False),
        Format("nquads", "nq", "nquads", True),
        Format("trig", "trig", "trig", True),
        Format("jsonld", "jsonld", "json-ld", False),
    )
}
_BY_SUFFIX = {f.suffix: f for f in FORMATS.values()} | {"json": FORMATS["jsonld"]}


def get_format(name: str) -> Format:
    if name in FORMATS:
        return FORMATS[name]
    if name in _BY_SUFFIX:
        return _BY_SUFFIX[name]
    raise KGError(f"unknown format '{name}'; choose one of: {', '.join(FORMATS)}")


def format_of(path: Path) -> Format:
    """The format a file's suffix names (graph.trig -> trig)."""
    suffix = path.suffix.lstrip(".").lower()
    if suffix not in _BY_SUFFIX:
        raise KGError(
            f"{path}: cannot tell the RDF format from '.{suffix}'; use one of "
            f"{', '.join('.' + s for s in _BY_SUFFIX)}"
        )
    return _BY_SUFFIX[suffix]


def context() -> dict[str, Any]:
    """The published JSON-LD @context (ontology/context.jsonld)."""
    data: dict[str, Any] = json.loads(CONTEXT_FILE.read_text(encoding="utf-8"))
    return dict(data["@context"])


def by_article(g: Graph) -> Dataset:
    """The graph as a dataset with one named graph per article (see the module's docstring).
    No triple is in two graphs, so the union of the graphs has no duplicates."""
    articles = set(g.subjects(RDF.type, KG.Article))
    home = {st: a for st, a in g.subject_objects(PROV.wasDerivedFrom) if a in articles}
    ds = Dataset()
    for prefix, namespace in g.namespaces():
        ds.bind(prefix, namespace, replace=True)
    default = ds.default_graph
    for s, p, o in g:
        if s in articles:
            target = s
        elif p == KG.mentionedIn and o in articles:
            target = o
        elif s in home:
            target = home[s]
        else:
            default.add((s, p, o))
            continue
        ds.graph(URIRef(str(target))).add((s, p, o))
    return ds


def _sorted_lines(data: bytes) -> bytes:
    lines = sorted({line for line in data.splitlines() if line.strip()})
    return b"\n".join(lines) + b"\n"


def _keep(items: list[Any]) -> list[Any]:
    """An RDF list: its order is its meaning."""
    return [_canonical(v) for v in items]


def _canonical(node: Any) -> Any:
    """JSON-LD with keys and arrays in a stable order."""
    if isinstance(node, dict):
        return {k: _keep(v) if k == "@list" else _canonical(v) for k, v in sorted(node.items())}
    if isinstance(node, list):
        items = [_canonical(v) for v in node]
        return sorted(items, key=lambda v: json.dumps(v, sort_keys=True, ensure_ascii=False))
    return node


def _jsonld(g: Graph) -> bytes:
    ctx = context()
    raw = g.serialize(format="json-ld", context=ctx, auto_compact=True)
    doc = json.loads(raw)
    doc["@context"] = ctx  # the published context, inline so the file reads offline
    text = json.dumps(_canonical(doc), ensure_ascii=False, indent=1, sort_keys=True)
    return (text + "\n").encode("utf-8")


def in_memory(g: Graph) -> Graph:
    """A copy in rdflib's own store, for rdflib's writers. Oxigraph gives back simple literals
    typed xsd:string (the same in RDF 1.1); rdflib tells them apart, so they become plain."""
    copy = Graph()
    for prefix, namespace in g.namespaces():
        copy.bind(prefix, namespace, replace=True)
    for s, p, o in g:
        if isinstance(o, Literal) and o.datatype == XSD.string:
            o = Literal(str(o))
        copy.add((s, p, o))
    return copy


def _trig(ds: Dataset) -> bytes:
    """TriG with the default graph first, then the articles' graphs by IRI (rdflib's writer
    sorts subjects within a graph but takes graphs in the store's hash order)."""
    writer = TrigSerializer(ds)
    writer.contexts.sort(key=lambda c: (c.identifier != DATASET_DEFAULT_GRAPH_ID, c.identifier))
    out = io.BytesIO()
    writer.serialize(out, encoding="utf-8")
    return out.getvalue()


def serialize(g: Graph, fmt: Format) -> bytes:
    """`g` in `fmt`, deterministically. A graph made by kg.rdf.graph.to_rdf (on an Oxigraph
    store) is written by Oxigraph in the fixed order it was built in; other graphs by rdflib,
    sorted (rdflib sorts Turtle and TriG; line-based formats are sorted here). JSON-LD gets
    sorted keys and arrays."""
    if isinstance(g.store, OxigraphStore):
        if fmt.name in ("turtle", "ntriples"):
            # Oxigraph's writers (~1M triples/s), in the order to_rdf added the triples
            out = g.serialize(format="ox-" + fmt.rdflib, encoding="utf-8")
            return out if isinstance(out, bytes) else out.encode("utf-8")
        g = in_memory(g)
    if fmt.name == "jsonld":
        return _jsonld(g)
    if fmt.name == "trig":
        return _trig(by_article(g))
    source: Graph = by_article(g) if fmt.quads else g
    data = source.serialize(format=fmt.rdflib, encoding="utf-8")
    if fmt.name in ("ntriples", "nquads"):
        return _sorted_lines(data)
    return data


def parse(data: bytes, fmt: Format) -> Dataset:
    """Read any of our formats back (as a dataset; a plain graph lands in the default graph)."""
    ds = Dataset()
    try:
        ds.parse(data=data, format=fmt.rdflib)
    except Exception as exc:  # rdflib's parsers raise many kinds
        raise KGError(f"not readable as {fmt.name} ({type(exc).__name__}: {exc})") from exc
    return ds


def union(ds: Dataset) -> Graph:
    """All triples of a dataset's graphs as one graph."""
    g = Graph()
    for prefix, namespace in ds.namespaces():
        g.bind(prefix, namespace, replace=True)
    for s, p, o, _ in ds.quads((None, None, None, None)):
        g.add((s, p, o))
    return g


def load_graph(path: Path) -> Graph:
    """A graph file in any of our formats (by suffix), named graphs merged into one."""
    if not path.is_file():
        raise KGError(f"{path}: no such graph; build one first with: kg build seeds/")
    fmt = format_of(path)
    try:
        return union(parse(path.read_bytes(), fmt))
    except KGError as exc:
        raise KGError(f"{path}: {exc}") from exc
