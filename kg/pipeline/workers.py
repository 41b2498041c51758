"""The map of the build: per article, detect the language, parse and extract, in worker
processes so that both cores work (or in this process with jobs=1; the same code either way).

Each worker keeps its own NLP back ends (a spaCy pipeline, a Frog server once it meets a Dutch
article) for all the chunks it gets: models load once per worker, as on an executor of a
distributed engine. Nothing else is shared: a chunk's result depends only on its articles.
Chunks come back in input order, so the build stays deterministic. Only extractions travel
back to the main process; the Docs are dropped in the worker.
"""

from __future__ import annotations

import math
import multiprocessing
import os
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from functools import partial
from multiprocessing.util import Finalize
from typing import TypeVar

from spacy.tokens import Doc

from kg.errors import KGError
from kg.extract import extract, preload
from kg.jail import die_with_parent
from kg.lexicon import languages, load_toml
from kg.model import Article, Extraction, RawArticle, Skipped
from kg.nlp.backends import NLP
from kg.nlp.frog import ENABLE_COMMAND, frog_available
from kg.pipeline.timings import Timings, time_limit
from kg.read.article import failure
from kg.read.language import detect_language

T = TypeVar("T")
MAX_CHUNK = 64
# Below this many articles one process is faster: starting a worker costs ~1.5 s of imports
# before it loads its models, more than the parallel work saves.
MIN_PARALLEL = 16


@dataclass(frozen=True)
class Settings:
    """What every worker needs to know: a forced language and the spaCy pipelines to try."""

    lang: str | None = None
    spacy_models: tuple[str, ...] | None = None


@dataclass(frozen=True)
class ChunkResult:
    items: tuple[Extraction | Skipped, ...]  # one per input article, in order
    timings: dict[str, float]  # seconds per stage in the worker


def article_seconds() -> float:
    """The longest one article may take in the map (kg/data/build.toml)."""
    return float(load_toml("build.toml")["map"]["article_seconds"])


def to_article(raw: RawArticle, lang: str | None = None) -> Article | Skipped:
    """Give an article its language (`lang` if given, else the one its source declares, else
    detected) or say why it is skipped."""
    code = lang or raw.lang or detect_language(raw.text)
    if code is None:
        return Skipped(raw.source, "cannot tell which language it is in; pass --lang")
    if code not in languages():
        return Skipped(
            raw.source, f"language '{code}' is not supported (supported: {', '.join(languages())})"
        )
    if languages()[code]["nlp"] == "frog" and not frog_available():
        name = languages()[code]["name"]
        return Skipped(raw.source, f"{name} needs Frog; enable it with: {ENABLE_COMMAND}")
    return Article(
        raw.sha256[:16], raw.source, raw.title, raw.text, code, raw.sha256, raw.date, raw.url,
        raw.author, raw.publisher,
    )  # fmt: skip


def analyse(raws: Sequence[RawArticle], settings: Settings, nlp: NLP) -> ChunkResult:
    """The map step for a chunk of articles, with the given back ends. An article that fails
    (any error in its language, NLP or extraction, or over the time limit) is Skipped with the
    reason; the others go on. Only the back ends failing (a KGError: Frog crashed) stop it."""
    timings = Timings()
    nlp.timings = timings
    with timings.stage("language"):
        found = [_guarded(partial(to_article, r, settings.lang), r.source) for r in raws]
    articles = [a for a in found if isinstance(a, Article)]
    nlp.start({a.lang for a in articles})  # Frog loads in the background while spaCy works
    with timings.stage("lexicon load"):  # once per process
        for lang in sorted({a.lang for a in articles}):
            preload(lang)
    docs = _parse_all(articles, nlp)
    items: list[Extraction | Skipped] = []
    for item in found:
        doc = docs.pop(item.id) if isinstance(item, Article) else item
        if isinstance(item, Article) and isinstance(doc, Doc):
            with timings.stage("extraction"):
                items.append(_guarded(partial(extract, item, doc), item.source))
        else:
            assert isinstance(doc, Skipped)
            items.append(doc)
    return ChunkResult(tuple(items), timings.seconds)


def _parse_all(articles: Sequence[Article], nlp: NLP) -> dict[str, Doc | Skipped]:
    """Every article's Doc, English ones in batches; if a batch fails, one by one, so that
    only the article that fails is skipped."""
    try:
        with time_limit(article_seconds() * max(1, len(articles))):
            docs = nlp.parse_many(articles)
        return dict(zip((a.id for a in articles), docs, strict=True))
    except KGError:  # the back ends failing (Frog crashed): the build stops, as it should
        raise
    except Exception:
        nlp.reset()
    return {a.id: _guarded(partial(nlp.parse, a), a.source, nlp.reset) for a in articles}


def _guarded(
    step: Callable[[], T], source: str, after_failure: Callable[[], None] | None = None
) -> T | Skipped:
    """`step()`, or Skipped with why if it fails or runs over the article time limit."""
    try:
        with time_limit(article_seconds()):
            return step()
    except KGError:  # the back ends failing (Frog crashed): the build stops, as it should
        raise
    except Exception as exc:
        if after_failure is not None:
            after_failure()
        return Skipped(source, f"failed ({failure(exc)})")


_backends: NLP | None = None  # this worker process's back ends (see the module docstring)


def _start_worker(settings: Settings) -> None:
    global _backends
    die_with_parent()  # a build killed outright takes its workers (and their Frog) with it
    _backends = NLP(Timings(), settings.spacy_models)
    Finalize(_backends, _backends.close, exitpriority=10)  # stop Frog when the worker exits


def _analyse_in_worker(raws: Sequence[RawArticle], settings: Settings) -> ChunkResult:
    assert _backends is not None, "worker not started"
    return analyse(raws, settings, _backends)


def default_jobs() -> int:
    """Worker processes: one per core this process may use, at most 2 (spaCy and Frog gain
    little beyond, and each worker holds its own models: ~0.5 GB spaCy, ~1.5 GB Frog)."""
    return max(1, min(2, len(os.sched_getaffinity(0))))


def chunks(raws: Sequence[RawArticle], jobs: int) -> list[Sequence[RawArticle]]:
    """Chunks small enough that every worker gets several, and at most MAX_CHUNK articles."""
    size = max(1, min(MAX_CHUNK, math.ceil(len(raws) / (jobs * 4))))
    return [raws[i : i + size] for i in range(0, len(raws), size)]


def map_articles(
    raws: Sequence[RawArticle], settings: Settings, jobs: int | None = None
) -> Iterator[ChunkResult]:
    """ChunkResults in input order, from `jobs` worker processes (1: in this process)."""
    jobs = default_jobs() if jobs is None else max(1, jobs)
    parts = chunks(raws, jobs)
    if jobs == 1 or len(raws) < MIN_PARALLEL:
        nlp = NLP(Timings(), settings.spacy_models)
        try:
            for part in parts:
                yield analyse(part, settings, nlp)
        finally:
            nlp.close()
        return
    context = multiprocessing.get_context("spawn")  # no fork: the parent runs threads (rich)
    with ProcessPoolExecutor(jobs, context, initializer=_start_worker, initargs=(settings,)) as ex:
        yield from ex.map(_analyse_in_worker, parts, [settings] * len(parts))
