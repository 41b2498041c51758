"""The build: read -> (detect language -> NLP -> extract: the map, kg.workers) -> link (the
reduce). The map runs in worker processes; `link` sees all extractions at once. Timings are kept
per stage for the summary and the benchmark ("map" is wall time; the stages inside it are
summed over workers).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from kg.errors import KGError
from kg.link import link
from kg.model import Extraction, Graph
from kg.nlp.backends import NLP, Timings
from kg.reader import Skipped, read_articles
from kg.workers import Settings, map_articles, to_article

__all__ = ["NLP", "BuildResult", "Progress", "Timings", "build_graph", "to_article"]

Progress = Callable[[str], None]


@dataclass(frozen=True)
class BuildResult:
    graph: Graph
    skipped: tuple[Skipped, ...]
    timings: dict[str, float]


def build_graph(
    paths: Iterable[Path],
    lang: str | None = None,
    progress: Progress | None = None,
    spacy_models: Sequence[str] | None = None,
    jobs: int | None = None,
) -> BuildResult:
    """Read, analyse, extract and link every article under `paths`, the per-article work in
    `jobs` worker processes (default: kg.workers.default_jobs())."""
    timings = Timings()
    with timings.stage("read"):
        raws, skipped = read_articles(paths)
    if not raws:
        reasons = "; ".join(f"{s.source}: {s.reason}" for s in skipped)
        raise KGError(f"no article to build from ({reasons or 'no .txt or .md files found'})")
    settings = Settings(lang, tuple(spacy_models) if spacy_models else None)
    extractions: list[Extraction] = []
    with timings.stage("map"):
        for chunk in map_articles(raws, settings, jobs):
            timings.add(chunk.timings)
            for item in chunk.items:
                if isinstance(item, Skipped):
                    skipped.append(item)
                else:
                    extractions.append(item)
                if progress:
                    progress(item.source if isinstance(item, Skipped) else item.article.source)
    if not extractions:
        reasons = "; ".join(f"{s.source}: {s.reason}" for s in skipped)
        raise KGError(f"no article to build from ({reasons})")
    with timings.stage("linking"):
        graph = link(extractions)
    return BuildResult(graph, tuple(skipped), timings.seconds)
