"""Entity linking (the reduce step): mentions from all articles -> one node per entity.

Mentions with the same key are one entity (gazetteers give a body's Dutch and English names the
same key).
Across articles, a lone surname joins the one full name it ends ('Y'), a name typed
differently by different articles takes its most frequent type, and events that several
articles report are merged (kg/link/events.py). An event is labelled with its concept in English
and keeps the words each language used as alternative labels.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable

from kg.extract.senses import surname
from kg.lexicon import fold, gazetteer, normalize
from kg.link.events import link_events
from kg.link.names import transliteration_map
from kg.model import Entity, EntityType, Extraction, Graph, Mention, Relation, Triple
from kg.ontology import KG

_TYPE_ORDER = list(EntityType)


def _surname_map(mentions: list[Mention]) -> dict[str, str]:
    """A lone surname -> the one full name it ends, when both are people by the vote of
    their mentions (a misread 'Party Treasury' does not take every 'Treasury' with it)."""
    types: dict[str, list[Mention]] = defaultdict(list)
    for m in mentions:
        if m.key.startswith("name:"):
            types[m.key].append(m)
    people = {k for k, ms in types.items() if _vote_type(ms) == EntityType.PERSON}
    full: dict[str, set[str]] = defaultdict(set)
    for key in people:
        if " " in key[5:]:
            full[surname(key[5:])].add(key)
    return {
        "name:" + last: next(iter(keys))
        for last, keys in full.items()
        if len(keys) == 1 and "name:" + last not in keys and "name:" + last in people
    }


def _vote_type(mentions: list[Mention]) -> EntityType:
    votes = Counter(m.type for m in mentions)
    return min(votes, key=lambda t: (-votes[t], _TYPE_ORDER.index(t)))


def _label(key: str, mentions: list[Mention]) -> tuple[str, str]:
    """The full name the key was made from if some mention gives it; otherwise the most
    frequent label, English first, then the longest, then alphabetical."""
    votes = Counter((m.label, m.lang) for m in mentions)
    return min(
        votes,
        key=lambda lv: (
            normalize(lv[0]) != key.partition(":")[2],
            lv[1] != "en",
            -votes[lv],
            -len(lv[0]),
            lv,
        ),
    )


def _entity(key: str, mentions: list[Mention]) -> Entity:
    if key.startswith("event:"):
        label, lang = key.rsplit(":", 1)[1], "en"
        names = {(m.text.lower(), m.lang) for m in mentions}
    else:
        label, lang = _label(key, mentions)
        names = {(m.label, m.lang) for m in mentions}
        names |= {(m.text, m.lang) for m in mentions if m.is_name}
        names |= set(gazetteer().aliases.get(key, ()))  # full names, abbreviations
    alts = sorted(n for n in names if n[0] != label and n[0].strip())
    articles = sorted({m.article_id for m in mentions})
    return Entity(key, _vote_type(mentions), label, lang, tuple(alts), tuple(articles))


def _aliases(
    extractions: list[Extraction], mentions: list[Mention]
) -> tuple[dict[str, str], tuple[tuple[str, str], ...]]:
    """Key -> the key of the entity it joins (surnames, Dutch spellings of names, merged
    events); weak event matches."""
    surnames, spelling = _surname_map(mentions), transliteration_map(mentions)

    def canon(key: str) -> str:
        key = spelling.get(key, key)
        return surnames.get(key, key)

    events, close = link_events(extractions, canon)
    merged = {k: events.get(canon(k), canon(k)) for k in {m.key for m in mentions}}
    return {k: v for k, v in merged.items() if k != v}, close


def _one_per_iri(
    alias: dict[str, str], groups: dict[str, list[Mention]]
) -> tuple[dict[str, str], dict[str, list[Mention]]]:
    """Entities of one type whose keys fold alike ('St. X', 'St X') would share an IRI:
    they are one entity, under the key of the most mentioned (a known key first)."""
    same: dict[tuple[EntityType, str], list[str]] = defaultdict(list)
    for key, ms in groups.items():
        local = fold(key.partition(":")[2] or key)
        same[(_vote_type(ms), local or key)].append(key)
    into: dict[str, str] = {}
    for keys in same.values():
        if len(keys) > 1:
            best = min(keys, key=lambda k: (k.startswith("name:"), -len(groups[k]), k))
            into |= {k: best for k in keys if k != best}
    if not into:
        return alias, groups
    merged: dict[str, list[Mention]] = defaultdict(list)
    for key, ms in groups.items():
        merged[into.get(key, key)] += ms
    seen = {m.key for ms in groups.values() for m in ms}
    final = {k: into.get(alias.get(k, k), alias.get(k, k)) for k in seen}
    return {k: v for k, v in final.items() if k != v}, dict(merged)


def _ends(r: Relation) -> tuple[Mention, ...]:
    return (r.subject, r.object) if r.speaker is None else (r.subject, r.object, r.speaker)


def link(extractions: Iterable[Extraction]) -> Graph:
    """One graph from the per-article extractions."""
    extractions = sorted(extractions, key=lambda e: e.article.id)
    found = [m for e in extractions for m in e.mentions]
    found += [m for e in extractions for r in e.relations for m in _ends(r)]
    mentions = list(dict.fromkeys(found))  # each mention once, in a stable order
    alias, close = _aliases(extractions, mentions)
    groups: dict[str, list[Mention]] = defaultdict(list)
    for m in mentions:
        groups[alias.get(m.key, m.key)].append(m)
    alias, groups = _one_per_iri(alias, groups)
    entities = {k: _entity(k, ms) for k, ms in sorted(groups.items())}
    triples = set()
    for e in extractions:
        for r in e.relations:
            s, o = (
                entities[alias.get(r.subject.key, r.subject.key)],
                entities[alias.get(r.object.key, r.object.key)],
            )
            who = alias.get(r.speaker.key, r.speaker.key) if r.speaker else None
            if s.key != o.key and KG.accepts(r.predicate, s.type, o.type):
                triples.add(Triple(s.key, r.predicate, o.key, r.provenance, who))
    ordered = sorted(
        triples,
        key=lambda t: (
            t.subject,
            t.predicate,
            t.object,
            t.provenance.article_id,
            t.provenance.start,
        ),
    )
    articles = tuple(e.article for e in extractions)
    return Graph(articles, tuple(entities.values()), tuple(ordered), close)
