"""Titles won under someone's lead: 'X led Rovers to W Cup glory', 'Y captained Ruritania to
victory in the Z Open', 'W guided the side to the V Championship title': the side led wins
the named contest on the noun of the result ([glory_nouns]). Who led it is left alone (a
captain, a coach or a star: the verb does not say which). Going to a contest is no win ('led
Rovers to the W Cup final')."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Doc, Token

from kg.extract.common import conjuncts, resolve
from kg.extract.docs import kids, tokens
from kg.extract.mentions import MentionIndex
from kg.extract.stance import relation
from kg.model import Article, EntityType, Mention, Relation

_ON_RESULT = ("compound", "nmod", "poss", "amod")


def glory_relations(article: Article, doc: Doc, index: MentionIndex) -> Iterator[Relation]:
    verbs, results = index.lex.words("leading_verbs"), index.lex.words("glory_nouns")
    for verb in tokens(doc):
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in verbs:
            continue
        goals = [
            g
            for p in kids(verb)
            if p.dep_ == "prep" and p.lower_ == "to"
            for g in kids(p)
            if g.dep_ == "pobj" and g.lemma_.lower() in results
        ]
        events = [e for g in goals for e in _contests_of(g, index)][:1]
        sides = [t for c in kids(verb) if c.dep_ == "dobj" for t in conjuncts(c)]
        for side in (m for t in sides if (m := resolve(t, index)) is not None):
            for event in events:
                rel = relation(side, ["wins"], event, [verb], article, "contest:led", index)
                if rel is not None:
                    yield rel


def _contests_of(result: Token, index: MentionIndex) -> list[Mention]:
    """The named contest on a result: 'W Cup glory', 'the Z Open title', 'victory in (at, of)
    the V Open'."""
    on = [c for c in kids(result) if c.dep_ in _ON_RESULT]
    on += [
        g
        for p in kids(result)
        if p.dep_ == "prep" and p.lower_ in ("in", "at", "of")
        for g in kids(p)
    ]
    found = [m for t in on if (m := index.by_token.get(t.i)) is not None]
    return [m for m in found if m.type == EntityType.EVENT and m.is_name]
