"""Names the NER marked once and missed where the article names them again: a name of several
words said again in full, an organisation's one word ('Acme ... Acme said'). Only a whole run
of capitalised proper nouns, never a piece of a longer name. (A surname said alone is
kg.extract.named's: it needs the types the context gave.)"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from kg.extract.docs import tokens
from kg.extract.lexicon import Lex

_NAMES = ("PERSON", "ORG", "GPE", "NORP", "LOC", "FAC")  # the NER's labels of names


def repeated_spans(doc: Doc, spans: list[Span], lex: Lex) -> list[Span]:
    """The spans with runs of proper nouns that say again a name marked elsewhere in the
    article marked like it, where they were unmarked or a run without a label."""
    known = _known_runs(spans, lex)
    if not known:
        return spans
    bare = {i: s for s in spans if not s.label_ for i in range(s.start, s.end)}
    inside = {i for s in spans if s.label_ for i in range(s.start, s.end)}
    toks = tokens(doc)
    found: list[Span] = []
    dropped: set[Span] = set()
    i = 0
    while i < len(toks):
        end = _run_end(toks, i, inside)
        if end > i and (label := known.get(tuple(t.text for t in toks[i:end]))) is not None:
            covering = {bare[j] for j in range(i, end) if j in bare}
            same = all((c.start, c.end) == (i, end) for c in covering)
            if same and _free(toks, i, end, lex):
                found.append(Span(doc, i, end, label=label))
                dropped |= covering
        i = max(end, i + 1)
    return [s for s in spans if s not in dropped] + found


def _known_runs(marked: list[Span], lex: Lex) -> dict[tuple[str, ...], str]:
    """The word sequences of the article's marked names, with their label where the NER gave
    them one label only: names of several words (not 'Mr Y': kg.extract.named finds a surname
    said alone) and organisations of one word."""
    labels: dict[tuple[str, ...], set[str]] = {}
    stop = lex.words("honorifics") | lex.words("titles")
    for span in (s for s in marked if s.label_ in _NAMES and all(_capital(t) for t in s)):
        if (len(span) > 1 and span[0].lower_ not in stop) or span.label_ == "ORG":
            labels.setdefault(tuple(t.text for t in span), set()).add(span.label_)
    return {words: next(iter(found)) for words, found in labels.items() if len(found) == 1}


def _capital(tok: Token) -> bool:
    return tok.is_alpha and tok.text[:1].isupper()


def _run_end(toks: list[Token], i: int, inside: set[int]) -> int:
    """The end of the run of capitalised proper nouns, none of them marked, that starts at i."""
    end = i
    while end < len(toks) and end not in inside and proper(toks[end]):
        end += 1
    return end


def proper(tok: Token) -> bool:
    """A capitalised proper noun; at a sentence's start, where the tagger often takes a name
    for a common noun ('Y praised Z'), a subject or possessive word."""
    if not tok.text[:1].isupper():
        return False
    return (
        tok.pos_ == "PROPN"
        or tok.tag_ in ("NNP", "NNPS")
        or (
            bool(tok.is_sent_start)
            and tok.pos_ == "NOUN"
            and tok.dep_ in ("nsubj", "nsubjpass", "poss")
        )
    )


def _free(toks: list[Token], start: int, end: int, lex: Lex) -> bool:
    """Not glued to a capitalised word the run stops at (a name the NER marked, 'Y Shipley'),
    unless that word is an honorific ('Mr Y')."""
    before = toks[start - 1] if start > 0 else None
    after = toks[end] if end < len(toks) else None
    glued_before = (
        before is not None
        and before.text[:1].isupper()
        and before.is_alpha
        and not before.is_sent_start
        and before.lower_.rstrip(".") not in lex.words("honorifics")
    )
    glued_after = after is not None and after.text[:1].isupper() and after.is_alpha
    return not (glued_before or glued_after)
