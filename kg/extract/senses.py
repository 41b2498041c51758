"""One sense per article: a name gets one type in an article, and a lone surname ('Ms Y',
'Y') the key of the person it ends (of the nearest before it when two share it)."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

from kg.model import EntityType, Mention


def surname(name: str) -> str:
    """The last part of a normalised name: 'ali al-sistani' -> 'sistani'."""
    return name.rsplit(" ", 1)[-1].rsplit("-", 1)[-1]


def one_sense_per_article(
    by_token: dict[int, Mention], honorifics: frozenset[str], peers: frozenset[str] = frozenset()
) -> dict[int, Mention]:
    """A name gets one type per article (its most frequent); a lone surname ('Y', 'Ms Y')
    gets the key of the person it ends: of the nearest before it when two people share it.
    A peer's title ('Lord Y') is a name of its own, no commoner's surname."""
    mentions = sorted(set(by_token.values()), key=lambda m: (m.start, m.end))
    votes: dict[str, Counter[EntityType]] = {}
    for m in mentions:
        if m.key.startswith("name:"):
            votes.setdefault(m.key, Counter())[m.type] += 1
    for full in _surnamed(mentions, honorifics):
        votes[full][EntityType.PERSON] += len(mentions)  # 'X Y' (a firm to the NER) ... 'Mr Y'
    people = [
        (m.start, m.key)
        for m in mentions
        if m.key in votes
        and votes[m.key][EntityType.PERSON]
        and _full_name(m.key, honorifics)
        and not _acronym_first(m.label)  # 'ACME Sport Ruritania', a 'person' to the NER
    ]
    fixed: dict[int, Mention] = {}
    for i, m in by_token.items():
        if m.key.startswith("name:"):
            titled = " " in m.key and not _full_name(m.key, honorifics)  # 'Ms Y': a person
            peer = titled and m.key[5:].split(" ", 1)[0] in peers
            key = _person_of(m, people) if (titled and not peer) or " " not in m.key else None
            etype = EntityType.PERSON if key or titled else votes[m.key].most_common(1)[0][0]
            m = replace(m, key=key or m.key, type=etype)
        fixed[i] = m
    return fixed


def _surnamed(mentions: list[Mention], honorifics: frozenset[str]) -> set[str]:
    """Full names of two or three words the NER typed otherwise whose last word the article
    also names alone as a person ('Mr Y', or 'Y' typed a person): people."""
    alone = {
        surname(m.key[5:])
        for m in mentions
        if m.type == EntityType.PERSON
        and m.key.startswith("name:")
        and (" " not in m.key or not _full_name(m.key, honorifics))
    }
    return {
        m.key
        for m in mentions
        if m.type != EntityType.PERSON
        and m.key.startswith("name:")
        and _full_name(m.key, honorifics)
        and len(m.key.split()) <= 3
        and surname(m.key[5:]) in alone
    }


def _acronym_first(label: str) -> bool:
    """A name opening with an acronym ('ACME Sport Y') is no person's: its last word is no
    surname."""
    first = label.split(" ", 1)[0]
    return len(first) > 1 and first.isalpha() and first.isupper()


def _full_name(key: str, honorifics: frozenset[str]) -> bool:
    words = key[5:].split()
    return len(words) > 1 and words[0].rstrip(".") not in honorifics


def _person_of(m: Mention, people: list[tuple[int, str]]) -> str | None:
    """The full name a lone surname stands for: the last one before it, else the first."""
    last = surname(m.key[5:])
    named = [(start, k) for start, k in people if surname(k[5:]) == last and k != m.key]
    before = [k for start, k in named if start <= m.start]
    return before[-1] if before else (named[0][1] if named else None)
