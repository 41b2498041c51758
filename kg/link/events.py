"""Event coreference across articles (part of the reduce step).

Events named by a common noun are found per article (`event:<article>:<concept>`); named
events ('the W Games') link by name like other entities. Two events in different articles,
in any language, are one event when they have the same concept (the lexicons map 'overstroming'
and 'flood' to one concept), share a participant or place (both in Ruritown, both condemned by
Ruritania), and their articles report the same story: they share enough named entities
(kg/data/concepts.toml, [event_linking]). A same-concept, shared-participant pair whose
articles do not look like one story is only a weak match: it is kept as skos:closeMatch, not
merged (two nodes are better than one wrong node).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence
from itertools import combinations

from kg.lexicon import load_toml
from kg.model import EntityType, Extraction

_NAMED = (EntityType.PERSON, EntityType.ORGANIZATION, EntityType.COUNTRY, EntityType.PLACE)
Canon = Callable[[str], str]


def _parts(key: str) -> tuple[str, str]:
    """(article id, concept) of an event key."""
    _, article, concept = key.split(":", 2)
    return article, concept


def _names(extractions: Sequence[Extraction], canon: Canon) -> dict[str, set[str]]:
    return {
        e.article.id: {canon(m.key) for m in e.mentions if m.is_name and m.type in _NAMED}
        for e in extractions
    }


def _arguments(extractions: Sequence[Extraction], canon: Canon) -> dict[str, set[str]]:
    """Event key -> the entities it is related to (either direction)."""
    args: dict[str, set[str]] = defaultdict(set)
    for e in extractions:
        for r in e.relations:
            for ev, other in ((r.subject, r.object), (r.object, r.subject)):
                if ev.key.startswith("event:") and other.type != EntityType.EVENT:
                    args[ev.key].add(canon(other.key))
    return args


def _same_story(a: set[str], b: set[str], cfg: dict[str, float]) -> bool:
    shared = len(a & b)
    smaller = min(len(a), len(b)) or 1
    return shared >= cfg["min_shared_names"] and shared / smaller >= cfg["min_overlap"]


def _candidates(args: dict[str, set[str]], max_bucket: int) -> list[tuple[str, str]]:
    """Pairs of events from different articles with the same concept and a shared argument."""
    buckets: dict[tuple[str, str], list[str]] = defaultdict(list)
    for key in sorted(args):
        for arg in args[key]:
            buckets[(_parts(key)[1], arg)].append(key)
    pairs = {
        (a, b)
        for keys in buckets.values()
        if len(keys) <= max_bucket
        for a, b in combinations(keys, 2)
        if _parts(a)[0] != _parts(b)[0]
    }
    return sorted(pairs)


def _find(parent: dict[str, str], k: str) -> str:
    while parent.get(k, k) != k:
        k = parent[k]
    return k


def link_events(
    extractions: Sequence[Extraction], canon: Canon
) -> tuple[dict[str, str], tuple[tuple[str, str], ...]]:
    """(event key -> key of the event it is merged into, weak matches as sorted key pairs)."""
    cfg = load_toml("concepts.toml")["event_linking"]
    names, args = _names(extractions, canon), _arguments(extractions, canon)
    parent: dict[str, str] = {}
    weak = []
    for a, b in _candidates(args, int(cfg["max_bucket"])):
        if _same_story(names[_parts(a)[0]], names[_parts(b)[0]], cfg):
            ra, rb = _find(parent, a), _find(parent, b)
            parent[max(ra, rb)] = min(ra, rb)
        else:
            weak.append((a, b))
    merged = {k: _find(parent, k) for k in parent}
    close = {
        tuple(sorted((merged.get(a, a), merged.get(b, b))))
        for a, b in weak
        if merged.get(a, a) != merged.get(b, b)
    }
    return merged, tuple(sorted((a, b) for a, b in close))
