"""Possessives that relate two names: "MSN's X" (a person works for it), "Britain's Y" (is
its citizen), "CSX Corp's CSX Transportation Inc" (a company's parent)."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Doc

from kg.extract.common import head_of, preps, resolve
from kg.extract.docs import tokens
from kg.extract.mentions import MentionIndex
from kg.extract.stance import relation
from kg.extract.teams import a_team
from kg.model import Article, EntityType, Relation

_EMPLOYERS = ("at", "of", "with")


def possessed(article: Article, doc: Doc, index: MentionIndex) -> Iterator[Relation | None]:
    """ "MSN's X", "Britain's Y", "Labour's Z": a person named with an organisation's or a
    country's possessive and no title works for it or is its citizen (a party's: its member,
    kg.extract.stance); a title says more, and kg.extract.titles reads it."""
    titles = index.lex.title_words()
    for tok in tokens(doc):
        person = index.by_token.get(tok.i)
        if person is None or person.type != EntityType.PERSON or not head_of(tok, person):
            continue
        if " " not in person.label:
            continue  # "Japan's Suzuki", "Brazil's Petrobras": a lone word is as often a firm
        lefts = [c for c in tok.lefts if index.by_token.get(c.i) != person]
        if any(c.lemma_.lower() in titles for t in lefts for c in t.subtree):
            continue
        for owner in (m for c in lefts if c.dep_ == "poss" and (m := resolve(c, index))):
            if a_team(owner, index.teams, index.lex):
                continue  # "Everton's X": a player (kg.extract.sport), or its coach
            predicates = ["worksFor"] if owner.type == EntityType.ORGANIZATION else ["citizenOf"]
            yield relation(person, predicates, owner, [tok], article, "phrase:owner", index)
        if not any(c.dep_ == "appos" for c in tok.children):  # 'said Ken Mayland AT Clearview'
            for employer in (m for t in preps(tok, _EMPLOYERS) if (m := resolve(t, index))):
                if employer.type == EntityType.ORGANIZATION:
                    yield relation(
                        person, ["worksFor"], employer, [tok], article, "phrase:at", index
                    )


def owned_companies(article: Article, doc: Doc, index: MentionIndex) -> Iterator[Relation | None]:
    """ "CSX Corp's CSX Transportation Inc": a company's possessive on a company (a name with
    a legal form) is its parent. Not on any name ("Delta's new SimpliFares" is a product)."""
    suffixes = index.lex.words("corporate_suffixes")
    for tok in tokens(doc):
        org = index.by_token.get(tok.i)
        if org is None or org.type != EntityType.ORGANIZATION or not head_of(tok, org):
            continue
        if tok.lower_.strip(".") not in suffixes:  # the name's last word: a legal form
            continue
        for c in (c for c in tok.lefts if c.dep_ == "poss" and index.by_token.get(c.i) != org):
            parent = resolve(c, index)
            if parent is not None and parent.type == EntityType.ORGANIZATION:
                yield relation(org, ["subsidiaryOf"], parent, [tok], article, "phrase:part", index)
