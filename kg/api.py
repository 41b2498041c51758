"""The library: everything the CLI does, as plain functions."""

from __future__ import annotations

import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from rdflib import Graph

from kg.evaluate import Outcome, load_cases
from kg.evaluate import run as run_cases
from kg.pipeline import BuildResult, Progress, build_graph
from kg.query import Result, resolve_query, run_oxigraph, run_rdflib
from kg.rdf import load_graph, to_rdf, turtle, write_atomic
from kg.rdf import min_confidence as rdf_min_confidence
from kg.render import render_html


@dataclass(frozen=True)
class Written:
    result: BuildResult
    turtle: Path
    html: Path
    timings: dict[str, float]
    min_confidence: float  # the floor the graph was asserted with


def build(
    paths: Iterable[str | Path], lang: str | None = None, min_confidence: float | None = None
) -> Graph:
    """The knowledge graph (rdflib) of the articles under `paths`. Relations below
    `min_confidence` (default: kg/data/confidence.toml) are kept as statements, not asserted."""
    return to_rdf(build_graph([Path(p) for p in paths], lang).graph, min_confidence)


def build_to(
    paths: Iterable[str | Path],
    out_dir: Path,
    lang: str | None = None,
    progress: Progress | None = None,
    spacy_models: Sequence[str] | None = None,
    min_confidence: float | None = None,
) -> Written:
    """Build and write out_dir/graph.ttl and out_dir/graph.html (each written atomically)."""
    result = build_graph([Path(p) for p in paths], lang, progress, spacy_models)
    timings = dict(result.timings)
    start = time.perf_counter()
    floor = rdf_min_confidence() if min_confidence is None else min_confidence
    g = to_rdf(result.graph, floor)
    data = turtle(g)
    timings["serialisation"] = time.perf_counter() - start
    start = time.perf_counter()
    page = render_html(
        g, title="kg: " + ", ".join(sorted({a.source for a in result.graph.articles}))[:200]
    )
    timings["render"] = time.perf_counter() - start
    ttl, html = out_dir / "graph.ttl", out_dir / "graph.html"
    write_atomic(ttl, data)
    write_atomic(html, page.encode("utf-8"))
    return Written(result, ttl, html, timings, floor)


def evaluate(path: str | Path, min_confidence: float | None = None) -> list[Outcome]:
    """Run the extractor on the hand-checked cases in `path` (see kg.evaluate)."""
    floor = rdf_min_confidence() if min_confidence is None else min_confidence
    return run_cases(load_cases(Path(path)), floor)


def query(
    query_text: str, graph_path: str | Path = "output/graph.ttl", engine: str = "oxigraph"
) -> Result:
    """Run a query (file, name in queries/, or SPARQL) against a Turtle graph."""
    sparql = resolve_query(query_text)
    path = Path(graph_path)
    if engine == "rdflib":
        return run_rdflib(load_graph(path), sparql)
    load_graph(path)  # the same clear error for a missing or broken file
    return run_oxigraph(path.read_bytes(), sparql)


def render(
    graph_path: str | Path = "output/graph.ttl", out: str | Path = "output/graph.html"
) -> Path:
    """Write the HTML view of an existing Turtle graph."""
    target = Path(out)
    write_atomic(target, render_html(load_graph(Path(graph_path))).encode("utf-8"))
    return target
