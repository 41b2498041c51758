"""Names the gazetteer knows, found in the text itself where the NER cut them short or missed
them: 'Party Democrat chairman X' (the NER marks only 'Democrat'), 'the Bank of Ruritania'
(marked as 'Ruritania'). Longest first; never a piece of a longer name the NER marked."""

from __future__ import annotations

from spacy.tokens import Doc, Span

from kg.extract.docs import tokens
from kg.extract.lexicon import Lex

_LONGEST = 5  # words in a name looked up


def known_spans(doc: Doc, lex: Lex, marked: list[Span]) -> list[Span]:
    """Spans of two or more words that name a gazetteer entry (single words are looked up as
    the NER's spans and the capitalised words are)."""
    inside = {i: s for s in marked for i in range(s.start, s.end)}
    firsts = _first_words(lex)
    found: list[Span] = []
    toks = tokens(doc)
    i = 0
    while i < len(toks):
        first = toks[i].text[:1].isupper() and toks[i].lower_ in firsts
        span = _longest_at(doc, i, lex, inside) if first else None
        if span is not None:
            found.append(span)
        i = span.end if span is not None else i + 1
    return found


def _first_words(lex: Lex) -> frozenset[str]:
    """The first words of the gazetteer's names of two or more words, built once."""
    names = lex.gaz.names
    found: frozenset[str] = lex.built(
        "gazetteer_firsts", lambda: frozenset(n.split()[0] for n in names if " " in n)
    )
    return found


def _longest_at(doc: Doc, i: int, lex: Lex, inside: dict[int, Span]) -> Span | None:
    for n in range(min(_LONGEST, len(doc) - i), 1, -1):
        span = doc[i : i + n]
        if not span[-1].text[:1].isupper() or lex.gaz.lookup(span.text, lex.lang) is None:
            continue
        outer = [s for s in (inside.get(k) for k in range(i, i + n)) if s is not None]
        if all(len(s) <= n and s.start >= i and s.end <= i + n for s in outer):
            return span
    return None
