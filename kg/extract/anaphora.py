"""What 'it', 'its' and a definite noun ('the firm', 'the film') stand for: the last
organisation, country or work named before, preferring one that was a subject; and the
sentence window antecedents are looked for in (shared with kg.extract.coref)."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from kg.extract.common import verb_lemmas
from kg.extract.docs import kids, tokens
from kg.extract.mentions import MentionIndex
from kg.model import EntityType, Mention

Corefs = dict[int, tuple[Mention, ...]]  # pronoun token -> the mentions it stands for
_ORGS = (EntityType.ORGANIZATION, EntityType.COUNTRY)
_WINDOW = 5  # sentences back that an antecedent may be (a chain of 'he' carries it further)
_SUBJECTS = ("nsubj", "nsubjpass")


def window(tok: Token) -> range:
    """Indexes of the tokens before `tok`, nearest first, at most _WINDOW sentences back."""
    start = tok.sent.start
    for _ in range(_WINDOW):
        start = tok.doc[start - 1].sent.start if start > 0 else 0
    return range(tok.i - 1, start - 1, -1)


def subject_of_clause(tok: Token, earlier: bool) -> bool:
    """A token of a subject ('Gen X' in 'Gen X held talks'), in an earlier
    sentence."""
    head = tok
    while head.dep_ in ("compound", "flat", "amod", "appos") and head.head.i != head.i:
        head = head.head
    return earlier and head.dep_ in _SUBJECTS


def last_agent(tok: Token, index: MentionIndex, found: Corefs) -> tuple[Mention, ...]:
    """'it': the last organisation or country that was a subject, in this sentence or the one
    before ('Acme said IT would buy ...'; 'The firm grew. IT now ...'); 'its' likewise. Not
    an 'it' that another verb's subject wants or asks to act ('X wants IT to buy Y': not X)."""
    if tok.dep_ not in ("nsubj", "nsubjpass", "poss") or _controlled(tok, index):
        return ()
    if owner := _clause_owner(tok, index):
        return owner  # "X's announcement that IT would sell": X
    start = tok.doc[tok.sent.start - 1].sent.start if tok.sent.start > 0 else 0
    for j in range(tok.i - 1, start - 1, -1):
        named = index.by_token.get(j)
        ants = (named,) if named is not None else found.get(j, ())
        if len(ants) == 1 and ants[0].type in _ORGS and _names_subject(tok.doc[j], index):
            return ants
        if named is not None and named.type == EntityType.GROUP and _actor(tok.doc[j]):
            return ()  # "the U.K. Government's plan to sell ITS stake": the group's, unnamed
    return ()


def _clause_owner(tok: Token, index: MentionIndex) -> tuple[Mention, ...]:
    """The organisation whose noun the pronoun's clause hangs from: "the Government's
    announcement that IT intended to sell" (the Government)."""
    verb = tok.head
    if tok.dep_ not in ("nsubj", "nsubjpass") or verb.dep_ not in ("acl", "ccomp"):
        return ()
    noun = verb.head
    if noun.pos_ != "NOUN":
        return ()
    owners = [index.by_token.get(c.i) for c in kids(noun) if c.dep_ == "poss"]
    return tuple(m for m in owners if m is not None and m.type in _ORGS)[:1]


def _actor(tok: Token) -> bool:
    """A subject or a possessive: where an 'it' or 'its' after it may stand for it."""
    return tok.dep_ in ("nsubj", "nsubjpass", "poss")


def _controlled(tok: Token, index: MentionIndex) -> bool:
    """The pronoun is the subject of a clause governed by a verb other than one of saying
    ('wants it to', 'asked it to'): it is someone the governor's subject acts on."""
    clause = tok.head
    if tok.dep_ == "poss" or clause.dep_ not in ("ccomp", "xcomp"):
        return False
    return not verb_lemmas(clause.head) & index.lex.words("speech_verbs")


def _names_subject(tok: Token, index: MentionIndex) -> bool:
    """The token is in a subject that its mention names whole: 'Acme' in 'Acme Corp said',
    not 'Ruritania' in 'a Ruritania firm said' (the firm is not Ruritania)."""
    m = index.by_token.get(tok.i)
    head = tok
    while m is not None and head.head.i != head.i and index.by_token.get(head.head.i) == m:
        head = head.head
    return head.dep_ in _SUBJECTS


def _named_here(noun: Token, index: MentionIndex) -> bool:
    """The noun's own name is beside it: 'the film X', 'the company, X,'."""
    own = any(c.dep_ in ("appos", "compound") and c.i in index.by_token for c in kids(noun))
    return own or (noun.i + 1 < len(noun.doc) and noun.doc[noun.i + 1].i in index.by_token)


def definite_nouns(doc: Doc, index: MentionIndex) -> Corefs:
    """'the film', 'the company': the last work or organisation named before, within a few
    sentences, preferring one that was a subject (kg/data/lexicon_<lang>.toml
    `definite_nouns`: noun -> the class it stands for)."""
    table: dict[str, str] = index.lex.vocab.get("definite_nouns", {})
    dets = index.lex.words("definite_determiners")
    found: Corefs = {}
    for tok in tokens(doc):
        kind = table.get(tok.lemma_.lower()) if tok.pos_ == "NOUN" else None
        if kind is None or tok.i in index.by_token or tok.tag_ in ("NNS", "NNPS"):
            continue
        if not any(c.dep_ in ("det", "poss") and c.lower_ in dets for c in kids(tok)):
            continue
        if _named_here(tok, index):
            continue  # 'the film Title In Words' names its own
        named = [
            (j, m)
            for j in window(tok)
            if (m := index.by_token.get(j)) is not None
            and m.type.value == kind
            and (m.is_name or kind != "Event")  # 'the festival': a named one, not 'the raid'
        ]
        subjects = [m for j, m in named if subject_of_clause(doc[j], True)]
        if named:
            found[tok.i] = (subjects[0] if subjects else named[0][1],)
    found.update(_nationals(doc, index))
    return found


def national_noun(tok: Token, index: MentionIndex) -> bool:
    """'The Ruritanian', 'the 32-year-old Bordurian': a people's noun for one person, opening its
    sentence as the subject, and no name."""
    if tok.tag_ not in ("NN", "NNP") or tok.dep_ not in _SUBJECTS or tok.i in index.by_token:
        return False
    if not tok.text[:1].isupper() or index.lex.nationality(tok.text) is None:
        return False
    first = min(t.i for t in tok.subtree)
    return first == tok.sent.start and tok.doc[first].lower_ == "the"


def _nationals(doc: Doc, index: MentionIndex) -> Corefs:
    """'X won. The Ruritanian then ...': the one person the sentence before names (not
    when it names two: 'X beat Y' leaves open which one 'the Ruritanian' is)."""
    found: Corefs = {}
    for tok in (t for t in tokens(doc) if t.dep_ in _SUBJECTS and national_noun(t, index)):
        start = tok.sent.start
        if start == 0:
            continue
        before = doc[start - 1].sent
        people = {m.key: m for t in before if (m := index.by_token.get(t.i)) is not None}
        people = {k: m for k, m in people.items() if m.type == EntityType.PERSON}
        if len(people) == 1:
            found[tok.i] = tuple(people.values())
    return found
