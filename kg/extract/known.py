"""Names the gazetteer knows, found in the text itself where the NER cut them short or missed
them: 'Party Democrat chairman X' (the NER marks only 'Democrat'), 'the Bank of Ruritania'
(marked as 'Ruritania'). Longest first; never a piece of a longer name the NER marked."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

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
        sizes = firsts.get(toks[i].lower_) if toks[i].text[:1].isupper() else None
        span = _longest_at(doc, toks, i, sizes, lex, inside) if sizes else None
        if span is not None:
            found.append(span)
        i = span.end if span is not None else i + 1
    return found


def _first_words(lex: Lex) -> dict[str, tuple[int, ...]]:
    """The first words of the gazetteer's names of two or more words, with the sizes (in
    words) of the names they open, longest first; built once."""

    def make() -> dict[str, tuple[int, ...]]:
        sizes: dict[str, set[int]] = {}
        for name in lex.gaz.names:
            words = name.split()
            if 1 < len(words) <= _LONGEST:
                sizes.setdefault(words[0], set()).add(len(words))
        return {w: tuple(sorted(n, reverse=True)) for w, n in sizes.items()}

    found: dict[str, tuple[int, ...]] = lex.built("gazetteer_first_sizes", make)
    return found


def _longest_at(
    doc: Doc, toks: list[Token], i: int, sizes: tuple[int, ...], lex: Lex, inside: dict[int, Span]
) -> Span | None:
    for n in (n for n in sizes if i + n <= len(toks)):
        if not toks[i + n - 1].text[:1].isupper():
            continue
        text = "".join(t.text_with_ws for t in toks[i : i + n - 1]) + toks[i + n - 1].text
        if lex.gaz.lookup(text, lex.lang) is None:
            continue
        outer = [s for s in (inside.get(k) for k in range(i, i + n)) if s is not None]
        if all(len(s) <= n and s.start >= i and s.end <= i + n for s in outer):
            return doc[i : i + n]
    return None
