"""Kinship: "X Y's wife Z Y", 'his father, W X', 'X, the mother of Y',
'X is the son of Y', 'X is married to Y'. A person named beside a kinship noun is kin of the
noun's owner: a possessive (a name, or a pronoun whose person is certain) or the noun's 'of'.
The nouns are `kinship_nouns` in kg/data/lexicon_<lang>.toml. One symmetric predicate,
relativeOf, says it; the kinship word as written is the statement's role title (kg:roleTitle),
so 'wife', 'mother' and 'son' stay apart."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from spacy.tokens import Doc, Token

from kg.extract.common import conjuncts, preps, resolve_all
from kg.extract.docs import kids, tokens
from kg.extract.mentions import MentionIndex
from kg.extract.stance import relation
from kg.model import Article, EntityType, Mention, Relation

_COPULAS = ("be", "become", "remain")
_MARRIED = ("married", "engaged", "wed")


def _named_before(pron: Token, kin: Mention, index: MentionIndex) -> list[Mention]:
    """Whose 'his' or 'her' it is, when the text leaves no doubt: the nearest person named
    before it (within about five sentences), if the relative bears their family name ('X
    Y and his son, Z Y'). A pronoun's person is only guessed: a nearer person of
    another name, and nothing is said."""
    first = max(0, pron.sent.start - 120)
    for i in range(pron.i - 1, first - 1, -1):
        m = index.by_token.get(i)
        if m and m.type == EntityType.PERSON and m.key != kin.key:
            return [m] if m.label.split()[-1] == kin.label.split()[-1] else []
    return []


def _people(toks: list[Token], index: MentionIndex) -> list[Mention]:
    found = [m for t in toks for c in conjuncts(t) for m in resolve_all(c, index)]
    return [m for m in found if m.type == EntityType.PERSON]


def _kin(noun: Token) -> list[Token]:
    """Where the relative is named: 'wife, Z' (apposition), 'Z, his wife', 'Z is his
    wife', "his wife Z" (the name the noun is a compound of)."""
    found = [c for c in kids(noun) if c.dep_ == "appos" and c.pos_ == "PROPN"]
    if noun.dep_ == "appos" and noun.head.pos_ == "PROPN":
        found.append(noun.head)
    if noun.dep_ == "compound" and noun.head.pos_ == "PROPN":
        found.append(noun.head)
    if noun.dep_ == "attr" and noun.head.lemma_ in _COPULAS:
        found += [c for c in kids(noun.head) if c.dep_ == "nsubj"]
    return found


def _owners(noun: Token) -> list[Token]:
    """Whose kin: "X Y's wife", 'his wife', 'the son of X Y'."""
    found = [c for c in kids(noun) if c.dep_ == "poss"]
    if noun.dep_ == "compound":  # "his wife Z": the possessive is the name's
        found += [c for c in kids(noun.head) if c.dep_ == "poss"]
    return found + list(preps(noun, ["of"]))


def _pairs(doc: Doc, index: MentionIndex) -> Iterator[tuple[Mention, Mention, Token]]:
    """(relative, person, the word that says so)."""
    nouns = index.lex.words("kinship_nouns")
    for tok in tokens(doc):
        if tok.pos_ == "NOUN" and tok.lemma_.lower() in nouns:
            owners = _owners(tok)
            for kin in _people(_kin(tok), index):
                named = _people([o for o in owners if o.pos_ != "PRON"], index)
                pronouns = [o for o in owners if o.pos_ == "PRON"]
                for owner in named + [m for p in pronouns for m in _named_before(p, kin, index)]:
                    yield kin, owner, tok
        elif tok.lower_ in _MARRIED and tok.dep_ in ("acomp", "ROOT", "relcl", "ccomp"):
            spouses = [c for c in kids(tok) if c.dep_ in ("nsubj", "nsubjpass")]
            if tok.dep_ == "acomp":
                spouses += [c for c in kids(tok.head) if c.dep_ == "nsubj"]
            for kin in _people(spouses, index):
                for other in _people(list(preps(tok, ["to"])), index):
                    yield kin, other, tok


def kin_relations(article: Article, doc: Doc, index: MentionIndex) -> list[Relation]:
    found = []
    for kin, owner, word in _pairs(doc, index):
        rel = relation(kin, ["relativeOf"], owner, [word], article, "phrase:kin", index)
        if rel is not None:
            title = word.text.lower() if word.pos_ == "NOUN" else "spouse"
            found.append(replace(rel, provenance=replace(rel.provenance, role_title=title)))
    return found
