"""Capitalised words the NER left out, as spans for kg.extract.named to type by their context:
'Air Acme', 'Association of Chief Police Officers'."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from kg.extract.docs import tokens


def _lone(tok: Token) -> bool:
    return not tok.ent_type_ and tok.text[:1].isupper()


def _people_adjective_on(doc: Doc, tok: Token, inside: set[int]) -> bool:
    """A people's adjective the NER marked alone, hung on the proper noun right after it that it
    left out: one name ('Ruritanian Acme's spokesman')."""
    if tok.i == 0 or tok.pos_ != "PROPN":
        return False
    adj = doc[tok.i - 1]  # the NER's one-word NORP name
    alone = adj.ent_iob_ == "B" and adj.ent_type_ == "NORP"
    return alone and adj.pos_ in ("ADJ", "PROPN") and adj.head.i == tok.i


def lone_runs(doc: Doc, inside: set[int], titles: frozenset[str]) -> list[Span]:
    """Capitalised words the NER left out, each a span, but a proper noun on the next one
    joined to it ('Air Acme', where the NER saw nothing). A title is no part of a name
    ('Party MP X Y': 'Party', then the title)."""
    found: list[Span] = []
    before: Token | None = None  # the last capitalised word kept, if it was the word before
    for t in tokens(doc):
        if t.i in inside or not _lone(t) or t.lower_ in titles:
            before = None
            continue
        if before is not None and before.head.i == t.i and before.pos_ == t.pos_ == "PROPN":
            found[-1] = doc[found[-1].start : t.i + 1]
        elif _people_adjective_on(doc, t, inside):
            found.append(
                doc[t.i - 1 : t.i + 1]
            )  # 'Ruritanian Acme', a firm: the NER saw 'Ruritanian'
        else:
            found.append(doc[t.i : t.i + 1])
        before = t
    return _joined_by_of(doc, found, inside, titles)


def _joined_by_of(
    doc: Doc, runs: list[Span], inside: set[int], titles: frozenset[str]
) -> list[Span]:
    """'Association of Chief Police Officers': a run, 'of' (and 'the'), and capitalised words
    the NER left out are one name; a title word inside it is part of the name when more of
    the name follows ('Chief' here)."""
    out: list[Span] = []
    for run in runs:
        if out and run.start < out[-1].end:
            continue  # taken into the name before
        end = run.end
        while end + 1 < len(doc) and doc[end].lower_ == "of":
            k = end + 1 + (doc[end + 1].lower_ == "the")
            last = k
            while last < len(doc) and last not in inside and _lone(doc[last]):
                more = last + 1 < len(doc) and _lone(doc[last + 1]) and last + 1 not in inside
                if doc[last].lower_ in titles and not more:
                    break
                last += 1
            if last == k or doc[last - 1].lower_ in titles:
                break
            end = last
        out.append(doc[run.start : end])
    return out


def and_joined(spans: list[Span], heads: frozenset[str]) -> list[Span]:
    """'the X Y and Z W Project': capitalised words the NER left out, 'and', and an
    organisation's name that ends in a joint body's noun (`heads`), after one 'the', are one
    name (not 'the X and the Y Project', 'X and Y Project' without its 'the')."""
    by_start = {s.start: s for s in spans}
    out: list[Span] = []
    taken: set[int] = set()
    for s in sorted(spans, key=lambda s: s.start):
        if s.start in taken:
            continue
        doc = s.doc
        after = by_start.get(s.end + 1)
        joint = (
            not s.label_
            and s.start > 0
            and doc[s.start - 1].lower_ == "the"
            and doc[s.end].lower_ in ("and", "&")
            and after is not None
            and after.label_ == "ORG"
            and after[-1].lower_ in heads
        )
        if joint and after is not None:
            out.append(Span(doc, s.start, after.end, label="ORG"))
            taken.add(after.start)
        else:
            out.append(s)
    return out
