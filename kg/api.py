"""The library: everything the CLI does, as plain functions."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from rdflib import Graph

from kg.errors import KGError
from kg.files import check_writable, locked, write_all, write_atomic
from kg.lexicon import languages
from kg.model import Skipped
from kg.pipeline.build import BuildResult, Progress, Settings, analyse, build_graph, read
from kg.pipeline.cache import DIRNAME, Cache, pipeline_version
from kg.pipeline.evaluate import Outcome, load_cases
from kg.pipeline.evaluate import run as run_cases
from kg.pipeline.timings import Timings
from kg.rdf.formats import (
    FORMATS,
    Format,
    format_of,
    get_format,
    load_graph,
    parse,
    serialize,
    union,
)  # fmt: skip
from kg.rdf.graph import min_confidence as rdf_min_confidence
from kg.rdf.graph import to_rdf
from kg.rdf.query import Bindings, Result, bind, resolve_query, run_oxigraph, run_rdflib
from kg.rdf.store import MARKER, dump_store, query_store, write_store
from kg.rdf.validate import Violation, check
from kg.rdf.validate import validate as validate_graph
from kg.view.render import render_html


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

    @property
    def skipped(self) -> tuple[Skipped, ...]:
        return self.result.skipped


@dataclass(frozen=True)
class UpToDate:
    """A build that had nothing to do: the same inputs, settings and options as the last build
    into the same folder, whose files are untouched. `skipped`: what that build skipped."""

    files: tuple[Path, ...]
    articles: int
    skipped: tuple[Skipped, ...]


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
    cache: Path | bool = True,
    rebuild: bool = False,
) -> Written | UpToDate:
    """Build and write out_dir/graph.<suffix> per format and out_dir/graph.html, and the
    Oxigraph `store` if given; every file is written in full before any is renamed into place.
    Unless `validate` is False, the graph is checked against the SHACL shapes first and
    nothing is written if it fails.

    `cache` (default out_dir/.kg-cache; False: none) keeps each article's extraction, so only
    new and changed articles are analysed, and when nothing at all changed since the last build
    into out_dir nothing is done (UpToDate). `rebuild` ignores what the cache holds."""
    settings = Settings(lang, tuple(spacy_models) if spacy_models else None)
    floor = rdf_min_confidence() if min_confidence is None else min_confidence
    chosen = [get_format(f) for f in dict.fromkeys(formats)]
    check_writable(out_dir)
    with locked(out_dir):
        return _build_to(paths, out_dir, settings, progress, floor, chosen, store, validate,
                         jobs, cache, rebuild)  # fmt: skip


def _build_to(
    paths: Iterable[str | Path],
    out_dir: Path,
    settings: Settings,
    progress: Progress | None,
    floor: float,
    chosen: list[Format],
    store: Path | None,
    validate: bool | None,
    jobs: int | None,
    cache: Path | bool,
    rebuild: bool,
) -> Written | UpToDate:
    inputs = read([Path(p) for p in paths])
    box = _cache(out_dir, cache, settings)
    options = {"floor": floor, "formats": [f.name for f in chosen], "store": store,
               "validate": validate, "out": out_dir.resolve()}  # fmt: skip
    digest = box.inputs_digest(inputs.raws, inputs.skipped, options) if box else ""
    last = box.up_to_date(digest) if box and not rebuild else None
    if last is not None:
        skipped = tuple(Skipped(s, r) for s, r in last["skipped"])
        return UpToDate(tuple(Path(f) for f in last["files"]), last["articles"], skipped)
    if box:
        box.forget()
    result = analyse(inputs, settings, progress, jobs, box, reuse=not rebuild)
    written = _write(result, out_dir, floor, chosen, store, validate)
    if box:
        box.prune(box.key(r) for r in inputs.raws)
        box.record(digest, _outputs(written), _summary(written))
    return written


def _cache(out_dir: Path, cache: Path | bool, settings: Settings) -> Cache | None:
    if cache is False:
        return None
    root = out_dir / DIRNAME if cache is True else Path(cache)
    models = settings.spacy_models or tuple(languages()["en"]["models"])
    return Cache(root, pipeline_version(models), f"{settings.lang}|{','.join(models)}")


def _write(
    result: BuildResult,
    out_dir: Path,
    floor: float,
    chosen: Sequence[Format],
    store: Path | None,
    validate: bool | None,
) -> Written:
    clock = Timings(dict(result.timings))
    with clock.stage("rdf"):
        g = to_rdf(result.graph, floor)
    checked = validate is not False
    if checked:
        with clock.stage("validation"):
            check(g)
    with clock.stage("serialisation"):
        data = {f.name: serialize(g, f) for f in chosen}
        nquads = b""
        if store is not None:
            nquads = data.get("nquads") or serialize(g, FORMATS["nquads"])
    with clock.stage("render"):
        title = "kg: " + ", ".join(sorted({a.source for a in result.graph.articles}))[:200]
        page = render_html(g, title=title)
    files = {f.name: out_dir / f"graph.{f.suffix}" for f in chosen}
    html = out_dir / "graph.html"
    contents = {path: data[name] for name, path in files.items()}
    write_all({**contents, html: page.encode("utf-8")})
    if store is not None:
        with clock.stage("store"):
            write_store(store, nquads)
    return Written(result, files, html, clock.seconds, floor, store, checked)


def _outputs(w: Written) -> list[Path]:
    return [*w.files.values(), w.html, *([w.store / MARKER] if w.store else [])]


def _summary(w: Written) -> dict[str, object]:
    return {
        "articles": len(w.result.graph.articles),
        "skipped": [[s.source, s.reason] for s in w.result.skipped],
    }


def export(source: Path, target: Path, fmt: str | None = None) -> Path:
    """Convert a graph file to another of our formats (by `fmt` or by target's suffix)."""
    chosen = get_format(fmt) if fmt else format_of(target)
    write_atomic(target, serialize(load_graph(source), chosen))
    return target


def validate(path: str | Path) -> list[Violation]:
    """The SHACL violations of a graph file (empty: it conforms)."""
    return validate_graph(load_graph(Path(path)))


def evaluate(path: str | Path, min_confidence: float | None = None) -> list[Outcome]:
    """Run the extractor on the hand-checked cases in `path` (see kg.pipeline.evaluate)."""
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
    """Write the HTML view of an existing graph. It never overwrites a graph file: neither
    its input nor a file with a graph format's suffix."""
    source, target = Path(graph_path), Path(out)
    if target.resolve() == source.resolve():
        raise KGError(f"{target} is the graph being drawn: give the view another name (-o)")
    if target.suffix.lstrip(".").lower() in {f.suffix for f in FORMATS.values()} | {"json"}:
        raise KGError(f"{target}: a graph file's name; the view is HTML (-o {target.stem}.html)")
    write_atomic(target, render_html(load_graph(source)).encode("utf-8"))
    return target


def view_page(graph: Path | None, store: Path | None = None, html: Path | None = None) -> bytes:
    """The view of what `kg serve` serves: the page `html` if given, else drawn from the graph
    file or the store itself (never another graph's page that happens to be in output/)."""
    if html is not None:
        if not html.is_file():
            raise KGError(f"{html}: no such view")
        return html.read_bytes()
    if store is not None:
        g = union(parse(dump_store(store), FORMATS["nquads"]))
        return render_html(g, title=f"kg: {store}").encode("utf-8")
    assert graph is not None
    return render_html(load_graph(graph), title=f"kg: {graph}").encode("utf-8")
