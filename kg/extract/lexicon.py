"""Per-language look-ups over the extraction vocabulary (kg/data/lexicon_<lang>.toml)."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from spacy.tokens import Token

from kg.extract.dictionary import Translations, load_dictionary
from kg.lexicon import (
    City,
    Gazetteer,
    Known,
    cities,
    country,
    gazetteer,
    languages,
    normalize,
    vocabulary,
)


@dataclass(frozen=True)
class Lex:
    lang: str
    vocab: dict[str, Any]
    gaz: Gazetteer
    translations: Translations  # into English, for words the lexicon does not list
    english: dict[str, Any]  # the English vocabulary the translations are looked up in
    _memo: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)

    def concept(self, table: str, tok: Token, rest: str | None = None) -> str | None:
        """The concept of `tok` in `table` (groups, events), by lemma, text or compound part."""
        entries: dict[str, str] = self.vocab.get(table, {})
        if rest is None and not self.translations and not self.vocab.get("compound_suffixes"):
            lemma, text = normalize(tok.lemma_), normalize(tok.text)  # the common case, fast
            if lemma not in entries and text not in entries and lemma not in self._heads(table):
                return None
        words = [rest] if rest is not None else [tok.lemma_, tok.text]
        compounds = [c.lemma_ for c in tok.lefts if c.dep_ == "compound"]
        if compounds and rest is None:
            words.insert(0, " ".join([*compounds, tok.lemma_]))
        for word in map(normalize, words):
            if word in entries:
                return entries[word]
        if self.vocab.get("compound_suffixes"):
            for word in map(normalize, words):
                hits = [k for k in entries if len(k) >= 4 and word.endswith(k)]
                if hits:
                    return entries[max(hits, key=len)]
        return self._translated(table, [normalize(w) for w in words])

    def _heads(self, table: str) -> frozenset[str]:
        """The last words of the table's entries of several words ('member STATE')."""
        key = f"heads:{table}"
        if key not in self._memo:
            entries = self.vocab.get(table, {})
            self._memo[key] = frozenset(k.rsplit(" ", 1)[-1] for k in entries if " " in k)
        found: frozenset[str] = self._memo[key]
        return found

    def _translated(self, table: str, words: list[str]) -> str | None:
        """'belegering' -> dictionary: 'siege' -> the English table's concept, if any."""
        english: dict[str, str] = self.english.get(table, {})
        for word in words:
            for translation in self.translations.get(word, ()):
                if translation in english:
                    return english[translation]
        return None

    def title(self, words: list[str]) -> tuple[str, list[str]]:
        """The longest title found in `words` (lower-case lemmas) and its predicates; with a
        hyphenated word the lexicon does not list split in its parts ('director-general' is
        the 'director general') when the words as written give none."""
        preps = self.words("office_preps")
        found = self._title(words)
        cut = next((i for i, w in enumerate(words) if w in preps and i > 0), len(words))
        head = self._title(words[:cut]) if cut < len(words) else ("", [])
        if head[1] and not preps & set(found[0].split()):  # not 'chancellor of the exchequer'
            return head  # 'director of the research CENTRE': the title before its 'of'
        split = [p for w in words for p in w.split("-") if p]
        return found if found[1] or split == words else self._title(split)

    def _title(self, words: list[str]) -> tuple[str, list[str]]:
        titles: dict[str, list[str]] = self.vocab.get("titles", {})
        if "title_size" not in self._memo:
            self._memo["title_size"] = max((len(t.split()) for t in titles), default=0)
        for size in range(self._memo["title_size"], 0, -1):  # the longest; of equals, the
            for k in range(len(words) - size, -1, -1):  # last: 'chief ACCOUNTANT', its head
                phrase = " ".join(words[k : k + size])
                if phrase in titles:
                    return phrase, titles[phrase]
        if self.vocab.get("compound_suffixes") and words:
            hits = [t for t in titles if len(t) >= 4 and words[-1].endswith(t)]
            return (max(hits, key=len), titles[max(hits, key=len)]) if hits else ("", [])
        return "", []

    def demonym(self, text: str) -> Known | None:
        return self.gaz.adjectives.get((self.lang, normalize(text)))

    def city(self, text: str) -> City | None:
        """The GeoNames city of that name, if any (evidence, not a type: see kg.lexicon.City)."""
        return cities().get(normalize(text))

    def nationality(self, text: str) -> Known | None:
        """The country of a word for its people or things on a name: 'Ruritanian', 'Ruritanman',
        'Ruritanwoman' (the adjective's people)."""
        stem = next((text[: -len(s)] for s in ("man", "woman") if text.endswith(s)), None)
        known = self.demonym(text) or self.people(text) or (self.demonym(stem) if stem else None)
        national = self.vocab.get("nationals", {}).get(text.lower()) if text[:1].isupper() else None
        known = known or (country(national) if national else None)
        return known if known is not None and known.type == "Country" else None

    def people(self, text: str) -> Known | None:
        return self.gaz.peoples.get((self.lang, normalize(text)))

    def built(self, key: str, make: Callable[[], Any]) -> Any:
        """A value derived from the vocabulary (`make()`), made once per process."""
        if key not in self._memo:
            self._memo[key] = make()
        return self._memo[key]

    def words(self, key: str) -> frozenset[str]:
        """The vocabulary list (or table keys) `key` as a set, built once."""
        if key not in self._memo:
            self._memo[key] = frozenset(self.vocab.get(key, []))
        found: frozenset[str] = self._memo[key]
        return found

    def title_words(self) -> frozenset[str]:
        """Titles, the words in them ('chief executive': 'executive'; "Acme's vice-president":
        'vice') and place words, built once."""
        if "title_words" not in self._memo:
            titles = self.words("titles")
            function = self.words("determiners") | self.words("office_preps")
            parts = {w for t in titles for w in re.split(r"[\s-]+", t) if w not in function}
            self._memo["title_words"] = titles | parts | self.words("place_descriptors")
        found: frozenset[str] = self._memo["title_words"]
        return found

    def is_collective(self, concept: str) -> bool:
        return concept in self.vocab.get("collective", [])


@cache
def lex_for(lang: str) -> Lex:
    """The look-ups of one language; built once per process from the read-only lexicons."""
    path = languages()[lang].get("dictionary")
    translations = load_dictionary(path) if path else {}
    return Lex(lang, vocabulary(lang), gazetteer(), translations, vocabulary("en"))
