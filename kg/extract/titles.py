"""Offices: 'AU Commission chair Moussa Faki', 'VN-chef, Ana Lopez', 'Governor
Oleksandr Prokudin of Kherson'. Yields the title's relation and the person's affiliations."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from kg.extract.common import preps
from kg.extract.mentions import MentionIndex
from kg.extract.stance import relation
from kg.model import Article, EntityType, Mention, Relation

Affiliations = dict[str, list[Mention]]  # person key -> organisations or countries they serve
_AGENTS = (EntityType.ORGANIZATION, EntityType.COUNTRY)


def _context(head: Token, person: Mention) -> list[Token]:
    """Tokens around a person's name that may hold a title: the rest of its noun phrase,
    and the noun phrase it is in apposition to."""
    near = [t for t in head.subtree if t.idx + len(t) <= person.start]
    if head.dep_ == "appos":
        near += [t for t in head.head.subtree if t.i not in {x.i for x in head.subtree}]
    for child in head.children:
        if child.dep_ == "appos":
            near += list(child.subtree)
    first = min(t.i for t in head.subtree if t.idx >= person.start)
    if first >= 2 and head.doc[first - 1].text == ",":  # 'AU chief, Moussa Faki'
        before = head.doc[first - 2]
        near += [t for t in before.subtree if t.i < first - 1]
    return sorted(set(near), key=lambda t: t.i)


def _words(tokens: list[Token], index: MentionIndex) -> list[str]:
    words = []
    for t in tokens:
        if t.i in index.prefixes:
            words.append(t.text.partition("-")[2].lower())
        elif (t.i not in index.by_token and t.is_alpha) or "-" in t.text:
            words.append(t.lemma_.lower())
    text = " ".join(words)
    return re.sub(r"\s*-\s*", "-", text).split()


def _orgs(head: Token, tokens: list[Token], index: MentionIndex) -> list[Mention]:
    found = [index.by_token.get(t.i) or index.prefixes.get(t.i) for t in tokens]
    found += [index.by_token.get(t.i) for t in preps(head, ["of", "van"])]
    return [m for m in found if m is not None and m.type in _AGENTS]


def _person_heads(doc: Doc, index: MentionIndex) -> list[tuple[Token, Mention]]:
    """Each person (or country: 'AU partner Kenya') mention once, with its head token."""
    heads: dict[tuple[int, int], tuple[Token, Mention]] = {}
    for i, m in sorted(index.by_token.items()):
        head = doc[i].head
        if m.type in (EntityType.PERSON, EntityType.COUNTRY) and not (
            head.i != i and m.start <= head.idx < m.end
        ):
            heads.setdefault((m.start, m.end), (doc[i], m))
    return list(heads.values())


def title_relations(
    article: Article, doc: Doc, index: MentionIndex
) -> tuple[list[Relation], Affiliations]:
    found: list[Relation] = []
    affiliations: Affiliations = {}
    for head, person in _person_heads(doc, index):
        tokens = _context(head, person)
        predicates = index.lex.title(_words(tokens, index))
        if not predicates:
            continue
        for org in _orgs(head, tokens, index):
            affiliations.setdefault(person.key, []).append(org)
            for predicate in predicates:
                rel = relation(person, [predicate], org, [head], article, "title", index)
                found.extend([rel] if rel else [])
    return found, affiliations
