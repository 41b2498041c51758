"""The library: everything the CLI does, as plain functions."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from rdflib import Graph

from kg.evaluate import Outcome, load_cases
from kg.evaluate import run as run_cases
from kg.formats import FORMATS, format_of, get_format, serialize
from kg.pipeline import BuildResult, Progress, Timings, build_graph
from kg.query import Bindings, Result, bind, resolve_query, run_oxigraph, run_rdflib
from kg.rdf import load_graph, to_rdf, write_atomic
from kg.rdf import min_confidence as rdf_min_confidence
from kg.render import render_html
from kg.store import query_store, write_store
from kg.validate import Violation, check, validation_limit
from kg.validate import validate as validate_graph


@dataclass(frozen=True)
class Written:
    result: BuildResult
    files: dict[str, Path]  # format name -> graph file
    html: Path
    timings: dict[str, float]
    min_confidence: float  # the floor the graph was asserted with
    store: Path | None = None
    validated: bool = False  # checked against the SHACL shapes (and conforming)

    @property
    def turtle(self) -> Path:
        return self.files.get("turtle") or next(iter(self.files.values()))


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
    formats: Sequence[str] = ("turtle",),
    store: Path | None = None,
    validate: bool | None = None,
    jobs: int | None = None,
) -> Written:
    """Build and write out_dir/graph.<suffix> per format and out_dir/graph.html (each written
    atomically), and the Oxigraph `store` if given. With `validate` (default: for graphs up to
    kg/data/build.toml's size), the graph is checked against the SHACL shapes first and
    nothing is written if it fails."""
    result = build_graph([Path(p) for p in paths], lang, progress, spacy_models, jobs)
    clock = Timings(dict(result.timings))
    floor = rdf_min_confidence() if min_confidence is None else min_confidence
    with clock.stage("rdf"):
        g = to_rdf(result.graph, floor)
    checked = len(g) <= validation_limit() if validate is None else validate
    if checked:
        with clock.stage("validation"):
            check(g)
    chosen = [get_format(f) for f in dict.fromkeys(formats)]
    with clock.stage("serialisation"):
        data = {f.name: serialize(g, f) for f in chosen}
        nquads = b""
        if store is not None:
            nquads = data.get("nquads") or serialize(g, FORMATS["nquads"])
    with clock.stage("render"):
        title = "kg: " + ", ".join(sorted({a.source for a in result.graph.articles}))[:200]
        page = render_html(g, title=title)
    files = {f.name: out_dir / f"graph.{f.suffix}" for f in chosen}
    for name, path in files.items():
        write_atomic(path, data[name])
    html = out_dir / "graph.html"
    write_atomic(html, page.encode("utf-8"))
    if store is not None:
        with clock.stage("store"):
            write_store(store, nquads)
    return Written(result, files, html, clock.seconds, floor, store, checked)


def export(source: Path, target: Path, fmt: str | None = None) -> Path:
    """Convert a graph file to another of our formats (by `fmt` or by target's suffix)."""
    chosen = get_format(fmt) if fmt else format_of(target)
    write_atomic(target, serialize(load_graph(source), chosen))
    return target


def validate(path: str | Path) -> list[Violation]:
    """The SHACL violations of a graph file (empty: it conforms)."""
    return validate_graph(load_graph(Path(path)))


def evaluate(path: str | Path, min_confidence: float | None = None) -> list[Outcome]:
    """Run the extractor on the hand-checked cases in `path` (see kg.evaluate)."""
    floor = rdf_min_confidence() if min_confidence is None else min_confidence
    return run_cases(load_cases(Path(path)), floor)


def query(
    query_text: str,
    graph_path: str | Path = "output/graph.ttl",
    engine: str = "oxigraph",
    bindings: Bindings | None = None,
    store: str | Path | None = None,
) -> Result:
    """Run a query (file, name in queries/, or SPARQL) against a graph file (any of our
    formats) or, if `store` is given, a kg Oxigraph store; `bindings` fill its parameters."""
    sparql = bind(resolve_query(query_text), bindings or {})
    if store is not None:
        return query_store(Path(store), sparql)
    path = Path(graph_path)
    if engine == "rdflib":
        return run_rdflib(load_graph(path), sparql)
    load_graph(path)  # the same clear error for a missing or broken file
    return run_oxigraph(path.read_bytes(), sparql, format_of(path).name)


def render(
    graph_path: str | Path = "output/graph.ttl", out: str | Path = "output/graph.html"
) -> Path:
    """Write the HTML view of an existing Turtle graph."""
    target = Path(out)
    write_atomic(target, render_html(load_graph(Path(graph_path))).encode("utf-8"))
    return target
