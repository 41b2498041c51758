"""The NLP back ends of one process (spaCy for English, a Frog server for Dutch), started on
first use. They report the time they take to the build's stage timer."""

from __future__ import annotations

from collections.abc import Sequence
from contextlib import AbstractContextManager
from typing import Any, Protocol

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from kg.lexicon import languages
from kg.model import Article
from kg.nlp.english import load_spacy
from kg.nlp.frog import FrogServer
from kg.nlp.frogdoc import frog_to_doc
from kg.nlp.text import unwrap

BATCH = 64  # spaCy batch: bigger batches are slower and use more memory (FACTS.md)


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
        backend = languages()[article.lang]["nlp"]
        if backend == "spacy":
            nlp = self.english()
            with self.timings.stage("nlp"):
                return nlp(unwrap(article.text))
        frog = self.frog()
        if article.lang not in self._vocab:
            self._vocab[article.lang] = spacy.blank(languages()[article.lang]["spacy_lang"]).vocab
        vocab = self._vocab[article.lang]
        with self.timings.stage("nlp"):
            text = unwrap(article.text)
            return frog_to_doc(text, frog.analyse(text), vocab)

    def parse_many(self, articles: Sequence[Article]) -> list[Doc]:
        """Docs of `articles`, in order; English ones go through spaCy in batches."""
        docs: dict[int, Doc] = {}
        english = [i for i, a in enumerate(articles) if languages()[a.lang]["nlp"] == "spacy"]
        if english:
            nlp = self.english()
            with self.timings.stage("nlp"):
                texts = (unwrap(articles[i].text) for i in english)
                docs.update(zip(english, nlp.pipe(texts, batch_size=BATCH), strict=True))
        for i, article in enumerate(articles):
            if i not in docs:
                docs[i] = self.parse(article)
        return [docs[i] for i in range(len(articles))]

    def close(self) -> None:
        if self._frog is not None:
            self._frog.close()
            self._frog = None
