"""The build: read -> detect language -> NLP -> extract (a map over articles) -> link (a reduce).

The map needs only an article and the NLP back ends, so it can run on any worker; `link`
sees all extractions at once. Timings are kept per stage for the summary and the benchmark.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from kg.errors import KGError, ModelError
from kg.extract import extract
from kg.langid import detect_language
from kg.lexicon import languages
from kg.link import link
from kg.model import Article, Extraction, Graph
from kg.nlp.english import load_spacy
from kg.nlp.frog import ENABLE_COMMAND, FrogServer, frog_available
from kg.nlp.frogdoc import frog_to_doc
from kg.reader import RawArticle, Skipped, read_articles

Progress = Callable[[str], None]


@dataclass
class Timings:
    seconds: dict[str, float] = field(default_factory=dict)

    @contextmanager
    def stage(self, name: str) -> Iterator[None]:
        start = time.perf_counter()
        try:
            yield
        finally:
            self.seconds[name] = self.seconds.get(name, 0.0) + time.perf_counter() - start


@dataclass(frozen=True)
class BuildResult:
    graph: Graph
    skipped: tuple[Skipped, ...]
    timings: dict[str, float]


def to_article(raw: RawArticle, lang: str | None = None) -> Article | Skipped:
    """Give an article its language (detected unless `lang` is given) or say why it is skipped."""
    code = lang or detect_language(raw.text)
    if code is None:
        return Skipped(raw.source, "cannot tell which language it is in; pass --lang")
    if code not in languages():
        return Skipped(
            raw.source, f"language '{code}' is not supported (supported: {', '.join(languages())})"
        )
    return Article(raw.sha256[:16], raw.source, raw.title, raw.text, code, raw.sha256)


class NLP:
    """The NLP back ends of one build, started on first use and stopped by `close`."""

    def __init__(self, timings: Timings, spacy_models: Sequence[str] | None = None) -> None:
        self._timings = timings
        self._models = list(spacy_models or languages()["en"]["models"])
        self._spacy: Language | None = None
        self._frog: FrogServer | None = None
        self._vocab: dict[str, Any] = {}

    def english(self) -> Language:
        if self._spacy is None:
            with self._timings.stage("model load"):
                self._spacy = load_spacy(self._models)
        return self._spacy

    def start(self, langs: set[str]) -> None:
        """Start the back ends these languages need that load in the background (Frog)."""
        if self._frog is None and any(languages()[x]["nlp"] == "frog" for x in langs):
            self._frog = FrogServer()

    def frog(self) -> FrogServer:
        if self._frog is None:
            self._frog = FrogServer()
        with self._timings.stage("model load"):
            self._frog.wait_until_ready()
        return self._frog

    def parse(self, article: Article) -> Doc:
        backend = languages()[article.lang]["nlp"]
        if backend == "spacy":
            nlp = self.english()
            with self._timings.stage("nlp"):
                return nlp(article.text)
        frog = self.frog()
        if article.lang not in self._vocab:
            self._vocab[article.lang] = spacy.blank(languages()[article.lang]["spacy_lang"]).vocab
        vocab = self._vocab[article.lang]
        with self._timings.stage("nlp"):
            return frog_to_doc(article.text, frog.analyse(article.text), vocab)

    def close(self) -> None:
        if self._frog is not None:
            self._frog.close()


def _usable(articles: list[Article], skipped: list[Skipped]) -> list[Article]:
    """Dutch needs Frog: without it, Dutch articles are skipped with the command that fixes it."""
    if frog_available():
        return articles
    backends = languages()
    keep = [a for a in articles if backends[a.lang]["nlp"] != "frog"]
    skipped += [
        Skipped(
            a.source, f"{backends[a.lang]['name']} needs Frog; enable it with: {ENABLE_COMMAND}"
        )
        for a in articles
        if a not in keep
    ]
    return keep


def build_graph(
    paths: Iterable[Path],
    lang: str | None = None,
    progress: Progress | None = None,
    spacy_models: Sequence[str] | None = None,
) -> BuildResult:
    """Read, analyse, extract and link every article under `paths`."""
    timings = Timings()
    with timings.stage("read"):
        raws, skipped = read_articles(paths)
        results = [to_article(r, lang) for r in raws]
    articles = _usable([a for a in results if isinstance(a, Article)], skipped)
    skipped += [s for s in results if isinstance(s, Skipped)]
    if not articles:
        reasons = (
            "; ".join(f"{s.source}: {s.reason}" for s in skipped) or "no .txt or .md files found"
        )
        raise KGError(f"no article to build from ({reasons})")
    extractions: list[Extraction] = []
    nlp = NLP(timings, spacy_models)
    try:
        nlp.start({a.lang for a in articles})
        for article in articles:
            doc = nlp.parse(article)
            with timings.stage("extraction"):
                extractions.append(extract(article, doc))
            if progress:
                progress(article.source)
    except ModelError:
        raise
    finally:
        nlp.close()
    with timings.stage("linking"):
        graph = link(extractions)
    return BuildResult(graph, tuple(skipped), timings.seconds)
