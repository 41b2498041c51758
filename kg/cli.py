"""The `kg` command: a thin layer over kg.api that prints results and one-line errors."""

from __future__ import annotations

import signal
import time
from collections import Counter
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table
from rich.text import Text

from kg import api
from kg.errors import KGError, ValidationError
from kg.model import Skipped, Triple
from kg.pipeline.evaluate import Outcome, score
from kg.rdf.formats import load_graph
from kg.rdf.query import Result, named_queries, parse_bindings, to_csv, to_json
from kg.rdf.serve import DEFAULT_TIMEOUT, serving, wait_forever
from kg.rdf.timed import run_limited

app = typer.Typer(
    help="Turn news articles into a knowledge graph, query it and look at it.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
# Nothing kg prints is read as Rich markup (a path or a name may hold "[/"); the few styled
# lines ask for markup and escape what they interpolate.
out = Console(markup=False)
err = Console(stderr=True, markup=False)


INTERRUPTED = 130  # exit code after Ctrl-C, as shells report it (128 + SIGINT)
TERMINATED = 143  # after SIGTERM (128 + SIGTERM)
SKIPPED = 10  # exit code of a build that wrote its graph but skipped some inputs (listed)


class Terminated(KeyboardInterrupt):
    """SIGTERM, handled as Ctrl-C is: servers stopped, no output file changed."""


def _terminate(signum: int, frame: object) -> None:
    raise Terminated


class Format(StrEnum):
    table = "table"
    csv = "csv"
    json = "json"


class RdfFormat(StrEnum):
    turtle = "turtle"
    ntriples = "ntriples"
    nquads = "nquads"
    trig = "trig"
    jsonld = "jsonld"


class Engine(StrEnum):
    oxigraph = "oxigraph"
    rdflib = "rdflib"


@app.command()
def build(
    paths: Annotated[
        list[Path],
        typer.Argument(
            help="Article files (.txt, .md, .html, .jsonl) or folders of them (recursively)."
        ),
    ],
    output: Annotated[
        Path, typer.Option("-o", "--output", help="Folder for graph.ttl (etc.) and graph.html.")
    ] = Path("output"),
    lang: Annotated[
        str | None, typer.Option(help="Language of every article (en, nl); detected if not given.")
    ] = None,
    model: Annotated[
        list[str] | None, typer.Option(help="spaCy pipeline name to try (repeatable).")
    ] = None,
    min_confidence: Annotated[
        float | None,
        typer.Option(
            min=0.0,
            max=1.0,
            help="Assert only relations at least this confident (0-1; weaker ones stay as "
            "statements). Default: kg/data/confidence.toml.",
        ),
    ] = None,
    rdf_format: Annotated[
        list[RdfFormat] | None,
        typer.Option(
            "--format",
            "-f",
            help="Graph file format (repeatable): turtle (default), ntriples, nquads, trig, "
            "jsonld. nquads and trig hold one named graph per article.",
        ),
    ] = None,
    store: Annotated[
        Path | None,
        typer.Option(help="Also write the graph into this Oxigraph store folder (kg query/serve)."),
    ] = None,
    jobs: Annotated[
        int | None,
        typer.Option(
            min=1,
            help="Worker processes for reading, NLP and extraction. Default: the cores, at most 2.",
            show_default=False,
        ),
    ] = None,
    validate: Annotated[
        bool | None,
        typer.Option(
            help="Check the graph against ontology/shapes.ttl before writing it (about 2 s per "
            "100,000 triples). Default: --validate.",
            show_default=False,
        ),
    ] = None,
    rebuild: Annotated[
        bool,
        typer.Option("--rebuild", help="Analyse every article again, whatever the cache holds."),
    ] = False,
    cache: Annotated[
        Path | None,
        typer.Option(
            help="Folder of the build cache (each article's extraction, kept between builds so "
            "that only new and changed articles are analysed). Default: OUTPUT/.kg-cache.",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Build the graph of the articles under PATHS into OUTPUT/graph.ttl and graph.html.

    Inputs it cannot use are listed with the reason and skipped; the exit code is then 10.
    A second build over the same inputs does nothing; after adding, changing or removing
    articles only those are analysed (--rebuild: all of them).

    Example: kg build seeds/ -o output/ --format turtle --format trig --store output/store
    """
    start = time.perf_counter()
    with Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=err,
        transient=True,
    ) as bar:
        task = bar.add_task("articles", total=None)

        def step(source: str) -> None:
            bar.update(task, advance=1, description=escape(source[-40:]))

        formats = [f.value for f in rdf_format or [RdfFormat.turtle]]
        try:
            written = api.build_to(
                paths, output, lang, step, model, min_confidence, formats, store, validate,
                jobs, cache or True, rebuild,
            )  # fmt: skip
        except KeyboardInterrupt as exc:  # files are written whole or not at all (kg.files)
            bar.stop()
            err.print("interrupted: no output file was changed", highlight=False)
            raise typer.Exit(TERMINATED if isinstance(exc, Terminated) else INTERRUPTED) from None
    if isinstance(written, api.UpToDate):
        _up_to_date(written)
    else:
        _summary(written, time.perf_counter() - start)
    if written.skipped:
        raise typer.Exit(SKIPPED)


def _counts(counter: Counter[str]) -> str:
    return ", ".join(f"{k} {n}" for k, n in sorted(counter.items()))


def _spo(t: Triple) -> tuple[str, str, str]:
    return t.subject, t.predicate, t.object


def _skipped(skipped: tuple[Skipped, ...]) -> None:
    for s in skipped:
        err.print(
            f"[yellow]skipped[/] {escape(s.source)}: {escape(s.reason)}",
            soft_wrap=True, highlight=False, markup=True,
        )  # fmt: skip


def _up_to_date(u: api.UpToDate) -> None:
    files = ", ".join(str(p) for p in u.files)
    out.print(f"up to date: {u.articles} articles, nothing changed since {files}", highlight=False)
    _skipped(u.skipped)


def _summary(w: api.Written, wall: float) -> None:
    g = w.result.graph
    langs = Counter(a.lang for a in g.articles)
    files = ", ".join(str(p) for p in [*w.files.values(), w.html, *([w.store] if w.store else [])])
    cached = f", {w.result.cached} from the cache" if w.result.cached else ""
    out.print(
        f"articles:  {len(g.articles)} ({_counts(langs)}{cached}) -> {files}", highlight=False
    )
    _skipped(w.result.skipped)
    for note in w.result.notes:
        err.print(f"note: {note.source}: {note.reason}", soft_wrap=True, highlight=False)
    out.print("entities:  " + _counts(Counter(e.type.value for e in g.entities)))
    held = [t for t in g.triples if t.holds(w.min_confidence)]
    out.print("relations: " + _counts(Counter(p for _, p, _ in {_spo(t) for t in held})))
    dropped = Counter(
        t.provenance.modality.value if not t.holds(0.0) else f"below {w.min_confidence:g}"
        for t in g.triples
        if not t.holds(w.min_confidence)
    )
    out.print(
        f"statements: {len(g.triples)} ({len(g.triples) - len(held)} not asserted: "
        f"{_counts(dropped) or 'none'})"
    )
    if not w.validated:
        out.print(f"not validated against the shapes; check with: kg validate {w.turtle}")
    stages = ", ".join(f"{k} {v:.2f}" for k, v in w.timings.items())
    out.print(f"time: {wall:.1f} s ({stages})")


@app.command("eval")
def evaluate(
    path: Annotated[
        Path, typer.Argument(help="An evaluation file (TOML) or a folder of them.")
    ] = Path("tests/eval"),
    min_confidence: Annotated[
        float | None, typer.Option(min=0.0, max=1.0, help="As for kg build.")
    ] = None,
    verbose: Annotated[
        bool, typer.Option("--verbose", "-v", help="Show each case's missed and wrong triples.")
    ] = False,
) -> None:
    """Precision and recall of the extractor on hand-checked sentences.

    Example: kg eval tests/eval -v
    """
    outcomes = api.evaluate(path, min_confidence)
    if verbose:
        for o in outcomes:
            _show_case(o)
    table = Table(
        "language", "cases", "found", "correct", "expected", "recalled", "precision", "recall"
    )
    for lang in [*sorted({o.case.lang for o in outcomes}), "all"]:
        sc = score(o for o in outcomes if lang in ("all", o.case.lang))
        table.add_row(
            lang, *map(str, (sc.cases, sc.found, sc.correct, sc.expected, sc.recalled)),
            f"{sc.precision:.1%}", f"{sc.recall:.1%}",
        )  # fmt: skip
    out.print(table)


def _show_case(o: Outcome) -> None:
    wrong, missed = o.found - o.correct, o.case.expected - o.recalled
    if not wrong and not missed:
        return
    out.print(f"[bold]{o.case.lang}[/] {escape(o.case.text)}", highlight=False, markup=True)
    for mark, facts in (("[red]+ wrong [/]", wrong), ("[yellow]- missed[/]", missed)):
        for fact in sorted(facts):
            out.print(f"  {mark} {escape(' | '.join(fact))}", highlight=False, markup=True)


@app.command()
def query(
    query: Annotated[str, typer.Argument(help="A .rq file, a name from queries/, or SPARQL text.")],
    graph: Annotated[
        Path, typer.Option(help="The graph file to query (.ttl, .nt, .nq, .trig, .jsonld).")
    ] = Path("output/graph.ttl"),
    store: Annotated[
        Path | None, typer.Option(help="Query this Oxigraph store (kg build --store) instead.")
    ] = None,
    bind: Annotated[
        list[str] | None,
        typer.Option(
            help="Give a query parameter a value, NAME=VALUE (repeatable); <...> is an IRI."
        ),
    ] = None,
    format: Annotated[Format, typer.Option("--format", "-f", help="Output format.")] = Format.table,
    engine: Annotated[
        Engine, typer.Option(help="SPARQL engine for a graph file.")
    ] = Engine.oxigraph,
    timeout: Annotated[
        float, typer.Option(min=0.1, help="Seconds the query may run before it is stopped.")
    ] = DEFAULT_TIMEOUT,
) -> None:
    """Run a SPARQL SELECT query on a built graph or store (stopped after --timeout seconds,
    or by Ctrl-C).

    Example: kg query facts-about --bind entity=AU   (names: see `kg queries`)
    """
    bindings = parse_bindings(bind or [])
    try:
        args = (query, graph, engine.value, bindings, store)
        result = run_limited(api.query, args, timeout)
    except KeyboardInterrupt:
        err.print("interrupted: the query was stopped", highlight=False)
        raise typer.Exit(INTERRUPTED) from None
    if format is Format.csv:
        typer.echo(to_csv(result), nl=False)
    elif format is Format.json:
        typer.echo(to_json(result))
    else:
        _table(result)


@app.command()
def export(
    graph: Annotated[Path, typer.Argument(help="A graph file (.ttl, .nt, .nq, .trig, .jsonld).")],
    output: Annotated[
        Path, typer.Option("-o", "--output", help="The file to write; its suffix picks the format.")
    ],
    rdf_format: Annotated[
        RdfFormat | None, typer.Option("--format", "-f", help="Format, if not the suffix's.")
    ] = None,
) -> None:
    """Write a graph in another serialisation (deterministic; trig and nquads get one named
    graph per article).

    Example: kg export output/graph.ttl -o output/graph.trig
    """
    target = api.export(graph, output, rdf_format.value if rdf_format else None)
    out.print(f"wrote {target}", highlight=False)


@app.command("validate")
def validate_command(
    graph: Annotated[Path, typer.Argument(help="A graph file to check.")] = Path(
        "output/graph.ttl"
    ),
) -> None:
    """Check a graph against the SHACL shapes (ontology/shapes.ttl); list every violation.

    Example: kg validate output/graph.ttl
    """
    found = api.validate(graph)
    for violation in found:
        out.print(str(violation), highlight=False, soft_wrap=True)
    if found:
        raise ValidationError(f"{graph}: {len(found)} violation(s) of the shapes")
    out.print(f"{graph} conforms to the shapes", highlight=False)


@app.command()
def serve(
    graph: Annotated[
        Path | None, typer.Argument(help="A graph file to serve (loaded with oxigraph load).")
    ] = None,
    store: Annotated[Path | None, typer.Option(help="Serve this store (kg build --store).")] = None,
    port: Annotated[
        int, typer.Option(help="Port of the SPARQL endpoint; the view is on +1.")
    ] = 7878,
    allow_updates: Annotated[
        bool, typer.Option(help="Accept SPARQL updates at /update (read-only otherwise).")
    ] = False,
    html: Annotated[
        Path | None, typer.Option(help="The HTML view to serve (default: drawn from the graph).")
    ] = None,
    timeout: Annotated[
        float, typer.Option(min=0.1, help="Seconds a query may run before it is stopped.")
    ] = DEFAULT_TIMEOUT,
) -> None:
    """Serve a graph over the SPARQL 1.1 Protocol (Oxigraph's server) until Ctrl-C.

    A graph file is bulk-loaded into a temporary store, so updates to it (--allow-updates)
    last as long as the server; serve a store (kg build --store) to keep them. Updates need
    the token printed at start; the view on the next port is the view of the graph served.

    Example: kg serve output/graph.ttl --port 7878
    """
    if graph is None and store is None:
        graph = Path("output/graph.ttl")
    if graph is not None:
        load_graph(graph)  # a clear error before any server starts
    page = api.view_page(graph, store, html)
    with serving(store, graph, port, allow_updates, page, timeout) as endpoint:
        out.print(f"SPARQL endpoint: {endpoint.query_url}", highlight=False)
        if endpoint.update_url:
            out.print(f"updates:         {endpoint.update_url}", highlight=False)
        if endpoint.html_url:
            out.print(f"graph view:      {endpoint.html_url}", highlight=False)
        out.print("Ctrl-C stops it.")
        wait_forever()


def _table(result: Result) -> None:
    table = Table(*result.columns)
    for row in result.rows:
        table.add_row(*(Text(cell) for cell in row))
    out.print(table)
    out.print(f"{len(result.rows)} rows")


@app.command()
def queries() -> None:
    """List the named queries in queries/ with their first comment line.

    Example: kg queries
    """
    for name, path in named_queries().items():
        first = next(
            (ln[1:].strip() for ln in path.read_text().splitlines() if ln.startswith("#")), ""
        )
        out.print(f"[bold]{escape(name)}[/]  {escape(first)}", markup=True)


@app.command()
def render(
    graph: Annotated[Path, typer.Argument(help="The graph to draw (any of our formats).")] = Path(
        "output/graph.ttl"
    ),
    output: Annotated[
        Path | None,
        typer.Option("-o", "--output", help="The HTML file to write (default: next to GRAPH)."),
    ] = None,
) -> None:
    """Write the interactive HTML view (works offline) of an existing graph.

    Example: kg render output/graph.ttl -o output/graph.html
    """
    out.print(f"wrote {api.render(graph, output or graph.with_suffix('.html'))}")


def main() -> None:
    signal.signal(signal.SIGTERM, _terminate)
    try:
        app()
    except KGError as exc:
        err.print(
            f"[red]error:[/] {escape(str(exc))}", highlight=False, soft_wrap=True, markup=True
        )
        raise SystemExit(exc.exit_code) from None


if __name__ == "__main__":
    main()
