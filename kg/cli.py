"""The `kg` command: a thin layer over kg.api that prints results and one-line errors."""

from __future__ import annotations

import time
from collections import Counter
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from kg import api
from kg.errors import KGError
from kg.evaluate import Outcome, score
from kg.model import Triple
from kg.query import Result, named_queries, to_csv, to_json

app = typer.Typer(
    help="Turn news articles into a knowledge graph, query it and look at it.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
out = Console()
err = Console(stderr=True)


class Format(StrEnum):
    table = "table"
    csv = "csv"
    json = "json"


class Engine(StrEnum):
    oxigraph = "oxigraph"
    rdflib = "rdflib"


@app.command()
def build(
    paths: Annotated[
        list[Path], typer.Argument(help="Article files (.txt, .md) or folders of them.")
    ],
    output: Annotated[
        Path, typer.Option("-o", "--output", help="Folder for graph.ttl and graph.html.")
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
) -> None:
    """Build the graph of the articles under PATHS into OUTPUT/graph.ttl and graph.html.

    Example: kg build seeds/ -o output/
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
            bar.update(task, advance=1, description=source[-40:])

        written = api.build_to(paths, output, lang, step, model, min_confidence)
    _summary(written, time.perf_counter() - start)


def _counts(counter: Counter[str]) -> str:
    return ", ".join(f"{k} {n}" for k, n in sorted(counter.items()))


def _spo(t: Triple) -> tuple[str, str, str]:
    return t.subject, t.predicate, t.object


def _summary(w: api.Written, wall: float) -> None:
    g = w.result.graph
    langs = Counter(a.lang for a in g.articles)
    out.print(f"articles:  {len(g.articles)} ({_counts(langs)}) -> {w.turtle}, {w.html}")
    for s in w.result.skipped:
        err.print(f"[yellow]skipped[/] {s.source}: {s.reason}", soft_wrap=True, highlight=False)
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
    out.print(f"[bold]{o.case.lang}[/] {o.case.text}", highlight=False)
    for mark, facts in (("[red]+ wrong [/]", wrong), ("[yellow]- missed[/]", missed)):
        for fact in sorted(facts):
            out.print(f"  {mark} {' | '.join(fact)}", highlight=False)


@app.command()
def query(
    query: Annotated[str, typer.Argument(help="A .rq file, a name from queries/, or SPARQL text.")],
    graph: Annotated[Path, typer.Option(help="The Turtle graph to query.")] = Path(
        "output/graph.ttl"
    ),
    format: Annotated[Format, typer.Option("--format", "-f", help="Output format.")] = Format.table,
    engine: Annotated[Engine, typer.Option(help="SPARQL engine.")] = Engine.oxigraph,
) -> None:
    """Run a SPARQL SELECT query on a built graph.

    Example: kg query who-condemned-what   (names: see `kg queries`)
    """
    result = api.query(query, graph, engine.value)
    if format is Format.csv:
        typer.echo(to_csv(result), nl=False)
    elif format is Format.json:
        typer.echo(to_json(result))
    else:
        _table(result)


def _table(result: Result) -> None:
    table = Table(*result.columns)
    for row in result.rows:
        table.add_row(*row)
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
        out.print(f"[bold]{name}[/]  {first}")


@app.command()
def render(
    graph: Annotated[Path, typer.Argument(help="The Turtle graph to draw.")] = Path(
        "output/graph.ttl"
    ),
    output: Annotated[Path, typer.Option("-o", "--output", help="The HTML file to write.")] = Path(
        "output/graph.html"
    ),
) -> None:
    """Write the interactive HTML view (works offline) of an existing graph.

    Example: kg render output/graph.ttl -o output/graph.html
    """
    out.print(f"wrote {api.render(graph, output)}")


def main() -> None:
    try:
        app()
    except KGError as exc:
        err.print(f"[red]error:[/] {exc}", highlight=False, soft_wrap=True)
        raise SystemExit(exc.exit_code) from None


if __name__ == "__main__":
    main()
