"""Successions: 'X replaced Y as chief executive of Acme', 'X will succeed Y as chairman of
Beta': the subject takes the post (as the verb puts it: 'will succeed' is intended), the
object held it (former). The verbs are `succession_verbs` in kg/data/lexicon_<lang>.toml; the
post is read as a title is (kg.extract.titles), its organisation named in the 'as' phrase."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Doc, Token

from kg.extract.common import pobjs, resolve
from kg.extract.docs import kids, tokens
from kg.extract.mentions import MentionIndex
from kg.extract.offices import AGENTS
from kg.extract.stance import modality, put, relation
from kg.extract.titles import role_at
from kg.model import Article, EntityType, Mention, Modality, Relation

_POSTS = ("leads", "holdsRoleAt", "memberOf", "worksFor", "coaches", "speaksFor")


def succession_relations(article: Article, doc: Doc, index: MentionIndex) -> list[Relation]:
    verbs = index.lex.words("succession_verbs")
    found: list[Relation | None] = []
    for verb in tokens(doc):
        if verb.pos_ == "VERB" and verb.lemma_.lower() in verbs:
            found.extend(_succession(verb, article, index))
    return [r for r in found if r is not None]


def _succession(verb: Token, article: Article, index: MentionIndex) -> Iterator[Relation | None]:
    post = next((o for c in kids(verb) if c.lower_ == "as" for o in pobjs(c)), None)
    if post is None:
        return
    words = [t.lemma_.lower() for t in post.subtree if t.i not in index.by_token and t.is_alpha]
    title, predicates = index.lex.title([w for w in words if w not in ("of", "the", "at")])
    org = _org_in(post, index)
    if not title or org is None:
        return
    said = modality(verb, index.lex)
    new = [m for c in kids(verb) if c.dep_ == "nsubj" if (m := _person(c, index))]
    old = [m for c in kids(verb) if c.dep_ == "dobj" if (m := _person(c, index))]
    for people, how in ((new, said), (old, Modality.FORMER)):
        if how == Modality.FORMER and said != Modality.ASSERTED:
            continue  # 'will succeed Y': Y still holds the post
        for person in people:
            rels = [relation(person, [p], org, [verb], article, "title", index) for p in predicates]
            rels = [r for r in rels if r is None or r.predicate in _POSTS]
            rels += role_at(person, title, org, verb, article, index)
            yield from (
                put(r, how) if r is not None and how != Modality.ASSERTED else r for r in rels
            )


def _org_in(post: Token, index: MentionIndex) -> Mention | None:
    """The organisation or country of the post's phrase ('chief executive of Acme', "Acme's
    chairman")."""
    found = (index.by_token.get(t.i) for t in post.subtree if t.i != post.i)
    return next((m for m in found if m is not None and m.type in AGENTS), None)


def _person(tok: Token, index: MentionIndex) -> Mention | None:
    m = resolve(tok, index)
    return m if m is not None and m.type == EntityType.PERSON else None
