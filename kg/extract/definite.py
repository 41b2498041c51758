"""A title that stands for a person named before: 'Party leader X Y spoke. ... The
Party leader said'. A definite noun phrase with a title and the organisation it is held in,
opening its sentence as the subject, is the last person named before who holds an office in
that organisation (kg.extract.coref resolves it). Not just the last subject: in news 'the
Party leader' is as often the article's main figure, named paragraphs before (measured on
earlier recall rounds: the last main subject was wrong in four of four).
"""

from __future__ import annotations

from spacy.tokens import Token

from kg.extract.docs import kids
from kg.extract.mentions import MentionIndex
from kg.model import EntityType, Mention

_SUBJECTS = ("nsubj", "nsubjpass")


def opens_sentence(tok: Token) -> bool:
    """The phrase `tok` heads is the first of its sentence ('The Rovers boss said')."""
    return min(t.i for t in tok.subtree) == tok.sent.start


def definite_title(tok: Token, index: MentionIndex) -> list[Mention]:
    """The organisations of 'The Rovers boss', 'the Party leader' as a sentence's subject: a
    title with the organisation it is held in and no name of its own; [] for anything else."""
    if tok.tag_ != "NN" or tok.dep_ not in _SUBJECTS or not opens_sentence(tok):
        return []  # one person: not 'The allies', which may stand for an alliance
    if tok.i in index.by_token:
        return []
    if not any(c.dep_ == "det" and c.lower_ == "the" for c in kids(tok)):
        return []
    named = [m for t in tok.subtree if (m := index.by_token.get(t.i)) is not None]
    if any(m.type == EntityType.PERSON for m in named):
        return []
    words = [c.lemma_.lower() for c in tok.lefts if c.dep_ in ("compound", "amod")]
    _, predicates = index.lex.title([*words, tok.lemma_.lower()])
    return [m for m in named if m.type == EntityType.ORGANIZATION] if predicates else []
