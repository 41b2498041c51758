"""Helpers shared by the relation rules: resolving a token to the mentions it stands for."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import replace

from spacy.tokens import Token

from kg.extract.docs import kids
from kg.extract.mentions import MentionIndex
from kg.extract.named import doc_text
from kg.model import EntityType, Mention

_NAMED_BY_NOUN = (EntityType.COUNTRY, EntityType.PERSON, EntityType.WORK)


_DASHES = ("-", "\u2013", "\u2014", "--")


def conjuncts(tok: Token) -> list[Token]:
    """The token and the tokens coordinated with it ('Ruritania and Borduria'), not across a dash
    ('supporting her husband X - Title actress Y and Z': a list the parse ran on)."""
    others = [c for c in tok.conjuncts if c.i != tok.i]
    if not others:
        return [tok]
    text = doc_text(tok.doc)
    return [tok] + [c for c in others if not _dash_between(text, tok, c)]


def _dash_between(text: str, a: Token, b: Token) -> bool:
    """A dash standing alone between two tokens (not the hyphen of 'Acme-Beta')."""
    between = text[min(a.idx, b.idx) : max(a.idx, b.idx)]
    return any(f" {d} " in between for d in _DASHES)


def verb_lemmas(verb: Token) -> set[str]:
    """'roepen ... op' is also 'oproepen' (Dutch separable verbs)."""
    found = {verb.lemma_.lower()}
    found |= {p.lemma_.lower() + verb.lemma_.lower() for p in kids(verb) if p.dep_ == "prt"}
    return found


def resolve_all(tok: Token, index: MentionIndex) -> list[Mention]:
    """The mentions a token stands for: a pronoun's antecedents (located at the pronoun), or
    the one mention `resolve` finds."""
    if tok.i in index.corefs:
        end = tok.idx + len(tok)
        return [
            replace(m, text=tok.text, start=tok.idx, end=end, is_name=False, coref=True)
            for m in index.corefs[tok.i]
        ]
    found = resolve(tok, index)
    return [found] if found is not None else []


def resolve(tok: Token, index: MentionIndex) -> Mention | None:
    """The mention a token stands for: its own, the noun a relative pronoun refers to ('the
    militia THAT Borduria backs'), a named place beside a descriptor noun ('Ruritown province'),
    or a named apposition ('League chair, X Y')."""
    own = index.by_token.get(tok.i)
    if own is not None and own.type == EntityType.GROUP:
        return own  # 'the X administration': the administration, not X
    if tok.pos_ == "NOUN" and glued(tok, index):
        return None  # 'told BBC News Party MPs would ...': two phrases the parser made one
    if tok.pos_ == "NOUN":  # 'its League partner Ruritania': the name, not the noun
        named_noun = tok.lemma_.lower() in index.lex.words("name_nouns")  # 'the Golden W award'
        for child in kids(tok):
            if (
                child.dep_ in ("appos", "compound")
                and child.pos_ == "PROPN"
                and child.i in index.by_token
            ):
                named = index.by_token[child.i]
                if named.type == EntityType.COUNTRY and child.dep_ == "compound":
                    continue  # 'a Ruritania banker' names no Ruritania ('its partner Y' does)
                maker = named.type == EntityType.ORGANIZATION and child.dep_ == "compound"
                if maker and tok.lemma_.lower() in index.lex.vocab.get("work_nouns", {}):
                    continue  # 'the Acme show' is a show, not Acme
                if maker and tok.lemma_.lower() in index.lex.words("given_prize_nouns"):
                    continue  # 'the Acme coaching award' is Acme's prize, not Acme
                if named.type in _NAMED_BY_NOUN or named_noun or _firm_noun(tok, named, index):
                    return named  # 'the film X': the work; 'Beta Camera magazine': the firm
    if tok.i in index.by_token:
        return index.by_token[tok.i]
    if (work := _work_after(tok, index)) is not None:
        return work  # 'starred in the sitcom Title Words', which the parser tore apart
    if tok.lower_ in index.lex.words("relative_pronouns") and tok.head.dep_ in ("relcl", "acl"):
        return resolve(tok.head.head, index) if tok.head.head.i != tok.head.i else None
    if tok.lemma_.lower() in index.lex.words("place_descriptors"):
        for child in tok.lefts:
            if child.dep_ in ("compound", "nmod", "amod") and child.i in index.by_token:
                return index.by_token[child.i]
    for child in kids(tok):  # 'League chair, X Y'; Frog's multi-word 'De_Liga'
        if child.dep_ in ("appos", "flat") and child.i in index.by_token:
            return index.by_token[child.i]
    return comma_apposition(tok, index)


def glued(noun: Token, index: MentionIndex) -> bool:
    """A common noun with two names on it that are not places: no one phrase."""
    kinds = (EntityType.COUNTRY, EntityType.PLACE)
    named = [index.by_token.get(c.i) for c in kids(noun) if c.dep_ == "compound"]
    return len({m.key for m in named if m is not None and m.type not in kinds}) > 1


def _firm_noun(noun: Token, named: Mention, index: MentionIndex) -> bool:
    """A company's noun with its name on it ('Beta Camera magazine', 'the Acme
    newspaper'), not a unit's ('the Acme unit' is not Acme)."""
    lemma = noun.lemma_.lower()
    firm = lemma in index.lex.words("company_nouns") and lemma not in index.lex.words("unit_nouns")
    return firm and named.type == EntityType.ORGANIZATION


def _work_after(tok: Token, index: MentionIndex) -> Mention | None:
    """The work named right after a work noun ('the sitcom Title Words')."""
    if tok.pos_ != "NOUN" or tok.lemma_.lower() not in index.lex.words("work_nouns"):
        return None
    after = index.by_token.get(tok.i + 1)
    if after is None or after.type != EntityType.WORK or after.start != tok.idx + len(tok) + 1:
        return None
    return after


def comma_apposition(tok: Token, index: MentionIndex) -> Mention | None:
    """'the spokesman, X Y,': a person named right after a noun and a comma, which
    parsers often fail to attach as an apposition."""
    doc = tok.doc
    if tok.pos_ not in ("NOUN", "PROPN") or tok.i + 2 >= len(doc) or doc[tok.i + 1].text != ",":
        return None
    named = index.by_token.get(tok.i + 2)
    if named is None or named.type != EntityType.PERSON:
        return None
    last = tok.i + 2
    while last + 1 < len(doc) and index.by_token.get(last + 1) == named:
        last += 1
    said = doc[last].dep_ == "nsubj" and doc[last].head.i > last  # '... my players, X said'
    return None if said else named


def head_of(tok: Token, m: Mention) -> bool:
    """The token is the last word of its mention's phrase (its head lies outside it)."""
    return tok.head.i == tok.i or not (m.start <= tok.head.idx < m.end)


def next_mention(tok: Token, etype: EntityType, index: MentionIndex, span: int) -> Mention | None:
    """The first mention of `etype` in the `span` tokens after `tok`, within its phrase (not
    past punctuation, a verb, a preposition or 'and'): 'Ruritown-based bank X', 'Ruritanian-born
    Y'."""
    for t in tok.doc[tok.i + 1 : min(len(tok.doc), tok.i + 1 + span)]:
        m = index.by_token.get(t.i)
        if m is not None and m.type == etype:
            return m
        if _ends_phrase(t):
            return None
    return None


def _ends_phrase(t: Token) -> bool:
    """Punctuation (not a hyphen inside a word: 'anti-spyware'), a verb, a preposition, or an
    'and' that does not join two nouns of one description ('model and actress X')."""
    doc = t.doc
    inner = t.text == "-" and not t.whitespace_ and t.i > 0 and not doc[t.i - 1].whitespace_
    if (t.is_punct and not inner) or t.pos_ in ("VERB", "AUX", "ADP"):
        return True
    after = doc[t.i + 1] if t.i + 1 < len(doc) else None
    return t.pos_ == "CCONJ" and not (after is not None and after.pos_ == "NOUN" and after.is_lower)


def pobjs(prep: Token) -> list[Token]:
    return [t for c in kids(prep) if c.dep_ in ("pobj", "dobj", "pcomp") for t in conjuncts(c)]


def preps(tok: Token, words: Iterable[str]) -> Iterator[Token]:
    """Objects of the prepositions `words` attached to `tok` ('solidarity WITH Ruritania')."""
    wanted = set(words)
    for child in kids(tok):
        if child.dep_ in ("prep", "dative", "agent") and child.lower_ in wanted:
            yield from pobjs(child)
