"""Comments: 'X said Y would raise prices', '"Y is bound to follow," said X': a named speaker
comments on what the reported clause is about, its named subject (commentsOn, CAMEO 010).
The speaker's words are the fact, whatever their own modality; a speaker who only may speak
('is expected to say') comments on nothing. The verbs are `comment_verbs` in
kg/data/lexicon_<lang>.toml."""

from __future__ import annotations

from spacy.tokens import Token

from kg.extract.common import conjuncts, resolve
from kg.extract.mentions import MentionIndex
from kg.extract.stance import modality, relation
from kg.model import Article, Modality, Relation

_CLAUSES = ("ccomp", "parataxis")
_SUBJECTS = ("nsubj", "nsubjpass")


def _reported(verb: Token) -> list[Token]:
    """The named subjects of the clauses a verb of saying reports."""
    clauses = [c for c in verb.children if c.dep_ in _CLAUSES and c.pos_ in ("VERB", "AUX")]
    if verb.dep_ in _CLAUSES and verb.head.pos_ in ("VERB", "AUX"):
        clauses.append(verb.head)  # '"Y will follow," said X': the quote's verb governs 'said'
    return [t for c in clauses for s in c.children if s.dep_ in _SUBJECTS for t in conjuncts(s)]


def _own(tok: Token) -> bool:
    """'Acme said ITS unit ...': the speaker's own part, no comment on another."""
    return any(c.dep_ == "poss" and c.pos_ == "PRON" for c in tok.children)


def comments(
    verb: Token, speakers: list[Token], index: MentionIndex, article: Article
) -> list[Relation]:
    """What the named speakers of a verb of saying comment on."""
    if verb.lemma_.lower() not in index.lex.words("comment_verbs"):
        return []
    named = [m for t in speakers if (m := resolve(t, index)) is not None and m.is_name]
    topics = [(t, m) for t in _reported(verb) if (m := resolve(t, index)) and m.is_name]
    if not named or not topics or modality(verb, index.lex) != Modality.ASSERTED:
        return []
    found = []
    for speaker in named:
        for tok, topic in topics:
            if topic.key == speaker.key or _own(tok):
                continue
            rel = relation(speaker, ["commentsOn"], topic, [verb], article, "speech:about", index)
            found.extend([rel] if rel else [])
    return found
