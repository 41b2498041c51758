"""The build: read -> (detect language -> NLP -> extract: the map, kg.pipeline.workers) ->
link (the reduce). The map runs in worker processes; `link` sees all extractions at once.
Articles whose extraction is in the cache (kg.pipeline.cache) skip the map. Timings are kept
per stage for the summary and the benchmark ("map" is wall time; the stages inside it are
summed over workers).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from kg.errors import InputError
from kg.link.entities import link
from kg.model import Extraction, Graph, RawArticle, Skipped
from kg.nlp.backends import NLP
from kg.pipeline.cache import Cache
from kg.pipeline.timings import Timings
from kg.pipeline.workers import Settings, map_articles, to_article
from kg.read.sources import read_inputs

__all__ = [
    "NLP", "BuildResult", "Inputs", "Progress", "Settings", "Timings", "build_graph", "read",
    "to_article",
]  # fmt: skip

Progress = Callable[[str], None]


@dataclass(frozen=True)
class Inputs:
    """What a build reads: the articles, what was skipped on reading, and how long it took."""

    raws: tuple[RawArticle, ...]
    skipped: tuple[Skipped, ...]
    seconds: float
    notes: tuple[Skipped, ...] = ()  # read, but not as they came (bytes replaced): why


@dataclass(frozen=True)
class BuildResult:
    graph: Graph
    skipped: tuple[Skipped, ...]
    timings: dict[str, float]
    cached: int = 0  # articles whose extraction came from the cache
    notes: tuple[Skipped, ...] = ()  # articles built, with something to say of their reading


def _no_article(skipped: Iterable[Skipped]) -> InputError:
    reasons = "; ".join(f"{s.source}: {s.reason}" for s in skipped)
    return InputError(f"no article to build from ({reasons or 'no article files found'})")


def read(paths: Iterable[Path]) -> Inputs:
    """Every article under `paths` (see kg.read)."""
    timings = Timings()
    with timings.stage("read"):
        raws, skipped, notes = read_inputs(paths)
    if not raws:
        raise _no_article(skipped)
    return Inputs(tuple(raws), tuple(skipped), timings.seconds["read"], tuple(notes))


def analyse(
    inputs: Inputs,
    settings: Settings,
    progress: Progress | None = None,
    jobs: int | None = None,
    cache: Cache | None = None,
    reuse: bool = True,
) -> BuildResult:
    """Extract every article (from the cache where it has them, else in `jobs` worker
    processes, default kg.pipeline.workers.default_jobs()) and link them into one graph. New
    extractions go into the cache; with reuse=False none is taken from it."""
    timings = Timings({"read": inputs.seconds})
    done: list[Extraction | Skipped | None] = [
        cache.get(r) if cache and reuse else None for r in inputs.raws
    ]
    todo = [i for i, d in enumerate(done) if d is None]
    for item in done:
        if progress and item is not None:
            progress(item.source if isinstance(item, Skipped) else item.article.source)
    with timings.stage("map"):
        positions = iter(todo)
        for chunk in map_articles([inputs.raws[i] for i in todo], settings, jobs):
            timings.add(chunk.timings)
            for item in chunk.items:
                i = next(positions)
                done[i] = item
                if isinstance(item, Extraction) and cache:
                    cache.put(inputs.raws[i], item)
                if progress:
                    progress(item.source if isinstance(item, Skipped) else item.article.source)
    extractions = [d for d in done if isinstance(d, Extraction)]
    skipped = (*inputs.skipped, *(d for d in done if isinstance(d, Skipped)))
    if not extractions:
        raise _no_article(skipped)
    with timings.stage("linking"):
        graph = link(extractions)
    cached = len(inputs.raws) - len(todo)
    return BuildResult(graph, skipped, timings.seconds, cached, inputs.notes)


def build_graph(
    paths: Iterable[Path],
    lang: str | None = None,
    progress: Progress | None = None,
    spacy_models: Sequence[str] | None = None,
    jobs: int | None = None,
) -> BuildResult:
    """Read, analyse, extract and link every article under `paths` (no cache)."""
    settings = Settings(lang, tuple(spacy_models) if spacy_models else None)
    return analyse(read(paths), settings, progress, jobs)
