"""Where a named event is held, read from its noun phrase: 'the W Games in
Ruritown next March', 'the Ruritania Indoor Championships later this month in Bordurville',
"Ruritown's Acme Gala meeting" (occurredIn). A date may stand between the event and its place;
nothing else may. Verbs ('was held in', 'hosted') are in kg/data/verbs_<lang>.toml."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Doc, Token

from kg.extract.common import head_of, preps, resolve
from kg.extract.mentions import MentionIndex
from kg.extract.stance import put, relation
from kg.model import Article, EntityType, Mention, Modality, Relation

_PLACES = (EntityType.PLACE, EntityType.COUNTRY)
_DATE_LABELS = ("DATE", "TIME")


def _after_dates(tok: Token) -> Token | None:
    """The object of an 'in' or 'at' right after the event's name, past a date ('later this
    month in Bordurville'): the parse often hangs it on the date."""
    doc, i = tok.doc, tok.i + 1
    while i < len(doc) and (doc[i].ent_type_ in _DATE_LABELS or doc[i].lower_ in ("later", ",")):
        i += 1
    if i + 1 >= len(doc) or doc[i].lower_ not in ("in", "at") or doc[i].i >= tok.sent.end:
        return None
    return doc[i + 1] if doc[i + 1].lower_ != "the" else doc[min(i + 2, len(doc) - 1)]


def _places(tok: Token, event: Mention, index: MentionIndex) -> list[Mention]:
    near = [*preps(tok, ["in", "at"]), *(c for c in tok.lefts if c.dep_ == "poss")]
    after = _after_dates(tok)
    near += [after] if after is not None else []
    found = [m for t in near if (m := resolve(t, index)) is not None and m.type in _PLACES]
    return [m for m in found if m.key != event.key and m.is_name]


def event_places(article: Article, doc: Doc, index: MentionIndex) -> Iterator[Relation | None]:
    events = sorted(i for i, m in index.by_token.items() if m.type == EntityType.EVENT)
    for tok in (doc[i] for i in events):
        event = index.by_token[tok.i]
        if not event.is_name or not head_of(tok, event):
            continue
        seen = set()
        for place in _places(tok, event, index):
            if place.key not in seen:
                seen.add(place.key)
                rel = relation(event, ["occurredIn"], place, [tok], article, "phrase:held", index)
                yield _to_come(rel, tok, index)


def _to_come(rel: Relation | None, tok: Token, index: MentionIndex) -> Relation | None:
    """'the next Rugby World Cup in Ruritania', 'the upcoming summit in Y': not held yet."""
    words = index.lex.words("intention_modifiers")
    if rel is None or not any(c.lower_ in words for c in tok.lefts):
        return rel
    return put(rel, Modality.INTENDED)


def venue_relations(article: Article, doc: Doc, index: MentionIndex) -> list[Relation]:
    return [r for r in event_places(article, doc, index) if r is not None]
