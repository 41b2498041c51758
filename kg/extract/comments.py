"""Comments: 'X said Y would raise prices', '"Y is bound to follow," said X': a named speaker
comments on what the reported clause is about, its named subject (commentsOn, CAMEO 010);
it calls on a subject that 'should' or 'must' act (callsOn).
The speaker's words are the fact, whatever their own modality; a speaker who only may speak
('is expected to say') comments on nothing. The verbs are `comment_verbs` in
kg/data/lexicon_<lang>.toml."""

from __future__ import annotations

from spacy.tokens import Token

from kg.extract.common import conjuncts, resolve
from kg.extract.companies import named_with_legal_form
from kg.extract.docs import kids
from kg.extract.mentions import MentionIndex
from kg.extract.stance import modality, relation
from kg.model import Article, Mention, Modality, Relation

_CLAUSES = ("ccomp", "parataxis")
_SUBJECTS = ("nsubj", "nsubjpass")


def _reported(verb: Token) -> list[Token]:
    """The named subjects of the clauses a verb of saying reports, and a name whose thing the
    subject is ("X said ACME's sales rose": Acme)."""
    clauses = [c for c in kids(verb) if c.dep_ in _CLAUSES and c.pos_ in ("VERB", "AUX")]
    if verb.dep_ in _CLAUSES and verb.head.pos_ in ("VERB", "AUX"):
        clauses.append(verb.head)  # '"Y will follow," said X': the quote's verb governs 'said'
    clauses = [c for c in clauses if c.i > verb.i or _after_quote(verb)]
    subjects = [t for c in clauses for s in kids(c) if s.dep_ in _SUBJECTS for t in conjuncts(s)]
    return subjects + [
        c for s in subjects for c in kids(s) if c.dep_ == "poss" and c.pos_ == "PROPN"
    ]


def _after_quote(verb: Token) -> bool:
    """A clause before its verb of saying is a quote: a comma or a quotation mark right before
    the speaker ('Y will follow, X said'), not 'the $27bn Ruritania says Acme owes'."""
    subjects = [c.left_edge.i for c in kids(verb) if c.dep_ == "nsubj" and c.i < verb.i]
    left = min([verb.i, *subjects])
    before = verb.doc[left - 1] if left > 0 else None
    return before is not None and (before.text == "," or before.tag_ in ("``", "''"))


def _named(tok: Token, index: MentionIndex) -> Mention | None:
    """A named speaker or topic; a nationality is no country ('most Ruritanians believe')."""
    found = resolve(tok, index)
    if found is None or not found.is_name or tok.ent_type_ in ("NORP", "LAW"):
        return None
    last = found.label.rsplit(" ", 1)[-1].lower()
    return None if last in index.lex.words("law_heads") else found  # 'the Trade Act says'


def _own(tok: Token) -> bool:
    """'Acme said ITS unit ...': the speaker's own part, no comment on another."""
    return any(c.dep_ == "poss" and c.pos_ == "PRON" for c in kids(tok))


def comments(
    verb: Token, speakers: list[Token], index: MentionIndex, article: Article
) -> list[Relation]:
    """What the named speakers of a verb of saying comment on."""
    if verb.lemma_.lower() not in index.lex.words("comment_verbs"):
        return []
    named = [m for t in speakers if (m := _named(t, index)) is not None]
    # a company with a legal form announces its business ('Acme Laboratories Inc said the FDA
    # approved its drug'), it does not comment on it
    named = [m for m in named if not named_with_legal_form(m.label, index.lex)]
    named = [m for m in named if m.label.lower() not in index.lex.words("news_agencies")]
    topics = [(t, m) for t in _reported(verb) if (m := _named(t, index)) is not None]
    if not named or not topics or modality(verb, index.lex) != Modality.ASSERTED:
        return []
    found = []
    for speaker in named:
        for tok, topic in topics:
            if topic.key == speaker.key or _own(tok):
                continue
            rel = relation(speaker, ["commentsOn"], topic, [verb], article, "speech:about", index)
            found.extend([rel] if rel else [])
            stance = "callsOn" if _urged(tok, index) else _judged(tok, index)
            if stance is not None:
                rule = "speech:urged" if stance == "callsOn" else "speech:judged"
                rel = relation(speaker, [stance], topic, [verb], article, rule, index)
                found.extend([rel] if rel else [])
    return found


def _urged(topic: Token, index: MentionIndex) -> bool:
    """'X said Y should (must) reverse the ban': the speaker calls on the clause's subject; not
    'Y should have won' (what did not happen), nor a forecast ('Y should post a profit':
    `forecast_verbs`)."""
    clause = topic.head
    auxes = [c.lower_ for c in kids(clause) if c.dep_ == "aux"]
    if topic.dep_ != "nsubj" or not {"should", "must", "ought"} & set(auxes) or "have" in auxes:
        return False
    if any(c.dep_ == "neg" for c in kids(clause)):
        return False  # 'Y should not apologise': an opinion of Y, most often
    return clause.lemma_.lower() not in index.lex.words("forecast_verbs")


def _judged(topic: Token, index: MentionIndex) -> str | None:
    """'X said Y's plan was flawed' (criticises Y), 'X said Y had been terrific' (praises
    Y): a judging word in the clause the topic is the subject of, the clause not denied."""
    clause = topic.head
    while clause.dep_ not in _CLAUSES and clause.head.i != clause.i and clause.pos_ != "VERB":
        clause = clause.head  # from a possessive up to its clause ("Y's plan was flawed")
    own = {t.i for t in topic.subtree}
    words = {t.lemma_.lower() for t in clause.subtree if t.i not in own}
    words |= {t.lower_ for t in clause.subtree if t.i not in own}
    if modality(clause, index.lex) != Modality.ASSERTED or words & index.lex.words("negations"):
        return None
    if words & index.lex.words("criticism_words"):
        return "criticises"
    return "praises" if words & index.lex.words("praise_words") else None
