"""What a pass over a parsed article reuses: its tokens, made once."""

from __future__ import annotations

from spacy.tokens import Doc, Token


def tokens(doc: Doc) -> list[Token]:
    """The Doc's tokens as a list, made once per Doc (kg.extract.extract drops it): iterating a
    Doc makes a new Token object for every word each time, and a dozen passes over every
    article made that a fifth of extraction time."""
    found = doc.user_data.get("kg.tokens")
    if not isinstance(found, list):
        found = doc.user_data["kg.tokens"] = list(doc)
    return found


def kids(tok: Token) -> list[Token]:
    """The token's children (`Token.children`, in order), from a table made once per Doc:
    walking a token's children makes new Token objects each time, and the rules walk them
    tens of thousands of times per article. The list is shared: do not change it."""
    table = tok.doc.user_data.get("kg.kids")
    if not isinstance(table, list):
        words = tokens(tok.doc)
        table = [[] for _ in words]
        for t in words:
            head = t.head.i
            if head != t.i:
                table[head].append(t)
        tok.doc.user_data["kg.kids"] = table
    found: list[Token] = table[tok.i]
    return found


def shouted(sentence: str) -> bool:
    """A headline in capitals ('RURITANIAN MINISTER MEETS X'): a parser reads its words as
    names and its names as titles, so nothing is read from it."""
    return len(sentence.split()) >= 3 and not any(c.islower() for c in sentence)


def quote_marks(doc: Doc) -> list[int]:
    """Indexes of the Doc's quotation marks (not a possessive's apostrophe: "members' body"),
    made once per Doc like `tokens`."""
    found = doc.user_data.get("kg.quotes")
    if not isinstance(found, list):
        found = [t.i for t in tokens(doc) if t.is_quote and t.dep_ != "case"]
        doc.user_data["kg.quotes"] = found
    return found


def adverb_object(verb: Token) -> list[Token]:
    """A name right after an active verb that the parser took for an adverb ('beat Rovers
    2-1', where the score drew 'Rovers' away from the object), with its conjuncts."""
    after = verb.doc[verb.i + 1] if verb.i + 1 < len(verb.doc) else None
    if after is None or after.head.i != verb.i or after.dep_ != "npadvmod":
        return []
    if after.pos_ != "PROPN" or any(c.dep_ in ("auxpass", "nsubjpass") for c in kids(verb)):
        return []
    return [after, *(c for c in after.conjuncts if c.i != after.i)]
