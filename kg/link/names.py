"""Personal names across languages: 'Jelnikov' (Dutch spelling) is 'Yelnikov'.

A name is brought to English spelling by the rules in kg/data/transliteration.tsv. A person
named in one language whose name, so spelt, equals exactly one person's name (or surname) in
another language is that person. Used by the reduce step (kg/link/entities.py).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from functools import cache

from unidecode import unidecode

from kg.lexicon import load_tsv
from kg.model import EntityType, Mention


@cache
def _rules(lang: str) -> tuple[tuple[re.Pattern[str], str], ...]:
    rows = load_tsv("transliteration.tsv")
    own = [r for r in rows if r["lang"] == lang]
    common = [r for r in rows if r["lang"] == "*"]
    return tuple((re.compile(r["pattern"]), r["replacement"]) for r in [*own, *common])


def english_spelling(name: str, lang: str) -> str:
    """'Chroesjtsjin' (nl) -> 'khrushchin'; 'Khrushchin' (en) -> 'khrushchin'."""
    text = unidecode(name).lower()
    for pattern, replacement in _rules(lang):
        text = pattern.sub(replacement, text)
    return text


def transliteration_map(mentions: Iterable[Mention]) -> dict[str, str]:
    """Person key -> the key of the person in another language it spells differently."""
    people = [m for m in mentions if m.type == EntityType.PERSON and m.key.startswith("name:")]
    index: dict[str, set[tuple[str, str]]] = defaultdict(set)  # spelling -> (key, lang)
    for m in people:
        spelt = english_spelling(m.key[5:], m.lang)
        for form in {spelt, spelt.rsplit(" ", 1)[-1]}:
            index[form].add((m.key, m.lang))
    found = {}
    for m in people:
        others = {
            (k, lang) for k, lang in index[english_spelling(m.key[5:], m.lang)] if lang != m.lang
        }
        if len(others) != 1:
            continue
        ((key, lang),) = others
        towards_english = lang == "en" and m.lang != "en"
        if towards_english or ("en" not in (lang, m.lang) and key < m.key):
            found[m.key] = key
    return found
