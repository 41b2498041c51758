"""The NLP back ends of one process (spaCy for English, a Frog server for Dutch), started on
first use. They report the time they take to the build's stage timer."""

from __future__ import annotations

from collections.abc import Sequence
from contextlib import AbstractContextManager
from typing import Any, Protocol

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from kg.lexicon import languages, load_toml
from kg.model import Article
from kg.nlp.english import load_spacy
from kg.nlp.frog import FrogServer
from kg.nlp.frogdoc import frog_to_doc
from kg.nlp.text import parts, plain

BATCH = 64  # spaCy batch: bigger batches are slower and use more memory (FACTS.md)


def max_part_chars() -> int:
    """The longest text given to a parser at once (kg/data/build.toml)."""
    return int(load_toml("build.toml")["map"]["max_part_chars"])


class StageTimer(Protocol):
    """What the back ends report to: seconds per stage (kg.pipeline.timings.Timings)."""

    def stage(self, name: str) -> AbstractContextManager[None]: ...


class NLP:
    """The NLP back ends of one build, started on first use and stopped by `close`."""

    def __init__(self, timings: StageTimer, spacy_models: Sequence[str] | None = None) -> None:
        self.timings = timings
        self._models = list(spacy_models or languages()["en"]["models"])
        self._spacy: Language | None = None
        self._frog: FrogServer | None = None
        self._vocab: dict[str, Any] = {}

    def english(self) -> Language:
        if self._spacy is None:
            with self.timings.stage("model load"):
                self._spacy = load_spacy(self._models)
        return self._spacy

    def start(self, langs: set[str]) -> None:
        """Start the back ends these languages need that load in the background (Frog)."""
        if self._frog is None and any(languages()[x]["nlp"] == "frog" for x in langs):
            self._frog = FrogServer()

    def frog(self) -> FrogServer:
        if self._frog is None:
            self._frog = FrogServer()
        with self.timings.stage("model load"):
            self._frog.wait_until_ready()
        return self._frog

    def parse(self, article: Article) -> Doc:
        """The Doc of one article; a long one is parsed in parts (kg.nlp.text.parts) joined
        into one Doc whose text is the article's."""
        text = plain(article.text)
        pieces = parts(text, max_part_chars())
        docs = [self._parse_text(piece, article.lang) for piece in pieces]
        return docs[0] if len(docs) == 1 else Doc.from_docs(docs, ensure_whitespace=False)

    def _parse_text(self, text: str, lang: str) -> Doc:
        if languages()[lang]["nlp"] == "spacy":
            nlp = self.english()
            with self.timings.stage("nlp"):
                return nlp(text)
        frog = self.frog()
        if lang not in self._vocab:
            self._vocab[lang] = spacy.blank(languages()[lang]["spacy_lang"]).vocab
        with self.timings.stage("nlp"):
            return frog_to_doc(text, frog.analyse(text), self._vocab[lang])

    def parse_many(self, articles: Sequence[Article]) -> list[Doc]:
        """Docs of `articles`, in order; English ones go through spaCy in batches."""
        docs: dict[int, Doc] = {}
        limit = max_part_chars()
        english = [
            i for i, a in enumerate(articles)
            if languages()[a.lang]["nlp"] == "spacy" and len(a.text) <= limit
        ]  # fmt: skip
        if english:
            nlp = self.english()
            with self.timings.stage("nlp"):
                texts = (plain(articles[i].text) for i in english)
                docs.update(zip(english, nlp.pipe(texts, batch_size=BATCH), strict=True))
        for i, article in enumerate(articles):
            if i not in docs:
                docs[i] = self.parse(article)
        return [docs[i] for i in range(len(articles))]

    def reset(self) -> None:
        """After an article failed mid-analysis: Frog may be half-way through an answer, so
        stop it (the next Dutch article starts a fresh one)."""
        if self._frog is not None:
            self._frog.close()
            self._frog = None

    def close(self) -> None:
        if self._frog is not None:
            self._frog.close()
            self._frog = None
