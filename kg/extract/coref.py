"""Coreference within one article, by rule: pronouns -> the mentions they stand for.

- 'he', 'his', 'hij' (outside quotes): the last person named before it, within a few sentences.
- 'they', 'them', 'ze' (plural): for a subject, the agent subject of an earlier sentence ('The
  allies condemn ... They call on ...'; 'X and Y were cleared. They withdrew', people named
  together); otherwise the last plural agent or coordination before
  it that is not the subject of its own clause ('X condemned Y and Z, calling on them').
- 'we', 'our' inside a quote: the speaker's organisation (from the speaker's title), or the
  speaker if it is an organisation or country; 'I' inside a quote: the speaker.
- 'it', 'the firm', 'the film': kg.extract.anaphora.

A quote's speaker is the subject of a verb of saying next to it in the sentence where it closes
('"...," said the minister'; 'zei Liga-chef, X Y'), else the previous quote's.
"""

from __future__ import annotations

import re
from functools import cache

from spacy.tokens import Doc, Token

from kg.extract.anaphora import Corefs, last_agent, subject_of_clause, window
from kg.extract.common import resolve, verb_lemmas
from kg.extract.definite import definite_title, opens_sentence
from kg.extract.docs import kids, tokens
from kg.extract.mentions import MentionIndex
from kg.extract.named import doc_text
from kg.lexicon import load_toml
from kg.model import EntityType, Mention

Affiliations = dict[str, list[Mention]]  # person key -> organisations they hold office in
_AGENTS = (EntityType.ORGANIZATION, EntityType.COUNTRY, EntityType.GROUP)
_SUBJECTS = ("nsubj", "nsubjpass")
_NOUNS = ("NOUN", "PROPN")


def quote_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of quotations (marks included); a line break closes an open quote."""
    spans, opened = [], -1
    for found in _quote_or_break().finditer(text):  # the marks and line breaks only
        i, ch = found.start(), found.group()
        if ch == "\n" and opened >= 0:
            spans.append((opened, i))
            opened = -1
        elif ch != "\n":
            if opened < 0:
                opened = i
            else:
                spans.append((opened, i + 1))
                opened = -1
    return spans


@cache
def _quote_or_break() -> re.Pattern[str]:
    marks = "".join(load_toml("concepts.toml")["quote_marks"])
    return re.compile("[" + re.escape(marks) + "\n]")


def _kind(tok: Token, pronouns: dict[str, list[str]]) -> str | None:
    if tok.pos_ not in ("PRON", "DET"):
        return None
    word = tok.lower_
    kinds = [k for k, words in pronouns.items() if word in words]
    if "person" in kinds and "plural" in kinds:
        return "plural" if "Number=Plur" in str(tok.morph) else "person"
    return kinds[0] if kinds else None


def _last_person(tok: Token, index: MentionIndex, found: Corefs) -> tuple[Mention, ...]:
    """The person named last before the pronoun; for a pronoun subject that opens its clause,
    the last person who was a subject in an earlier sentence ('X held talks with Y. HE
    arrived ...' is X), if there is one in the window."""
    person = set(index.lex.vocab.get("pronouns", {}).get("person", []))
    same = [t for t in tok.sent if t.i < tok.i and t.lower_ in person and t.dep_ in _SUBJECTS]
    if same:  # 'He arrived ..., where he met': the same person, or no one
        return found.get(same[-1].i, ())
    fronted = _fronted_clauses(tok)  # 'Speaking after talks with Y, HE said': not Y
    people = [
        (j, p) for j in window(tok) if j not in fronted and (p := _person_at(j, index, found))
    ]
    sex = _sex(tok.lower_, index)
    if sex:  # not 'he' for 'Mrs X', nor for one the article called 'she' before
        genders = {**_said_genders(tok, index, found), **_genders(tok.doc, index)}
        people = [(j, p) for j, p in people if genders.get(p[0].key, sex) == sex]
    quoted = not opens_sentence(tok) and _after_a_quote(tok)
    if tok.dep_ in _SUBJECTS and (opens_sentence(tok) or quoted):
        subjects = [(j, p) for j, p in people if subject_of_clause(tok.doc[j], j < tok.sent.start)]
        if quoted:  # '"...," he said' after the sentence whose subject he is, or no one's
            near = tok.doc[tok.sent.start - 1].sent.start if tok.sent.start > 0 else 0
            subjects = [(j, p) for j, p in subjects if j >= near]
        main = [p for j, p in subjects if _in_main_clause(tok.doc[j])]
        if main or subjects:  # 'X said he hopes Y will ... . He also said': X, not Y
            return main[0] if main else subjects[0][1]
        if _unknown_subject(tok, index):
            return ()  # 'X Y (no NER) held talks with Z W. He ...': not W
    return people[0][1] if people else ()


def _after_a_quote(tok: Token) -> bool:
    """'"...," he said': the pronoun right after a quotation it attributes."""
    doc, marks = tok.doc, ('"', "'", "\u201d", "\u2019", "''")
    before = [doc[i].text for i in (tok.i - 2, tok.i - 1) if i >= 0]
    return bool(before) and (before[-1] in marks or (before[-1] == "," and before[0] in marks))


def _fronted_clauses(tok: Token) -> set[int]:
    """The tokens of the clauses before a subject pronoun that hang from its verb: their
    understood subject is the pronoun's person ('Speaking after talks with Y, he said')."""
    if tok.dep_ not in _SUBJECTS:
        return set()
    clauses = [c for c in kids(tok.head) if c.dep_ == "advcl" and c.i < tok.i]
    return {t.i for c in clauses for t in c.subtree}


def _said_genders(tok: Token, index: MentionIndex, found: Corefs) -> dict[str, str]:
    """Person key -> sex, from the gendered pronouns before `tok` already resolved to one
    person ('X ... her government': X is a woman)."""
    sexes: dict[str, str] = {}
    for j, ants in found.items():
        sex = _sex(tok.doc[j].lower_, index) if j < tok.i and len(ants) == 1 else ""
        if sex:
            sexes.setdefault(ants[0].key, sex)
    return sexes


def _sex(word: str, index: MentionIndex) -> str:
    """'male' or 'female' for a gendered pronoun ('he', 'her'; `male_pronouns`), else ''."""
    for sex in ("male", "female"):
        if word in index.lex.words(f"{sex}_pronouns"):
            return sex
    return ""


def _genders(doc: Doc, index: MentionIndex) -> dict[str, str]:
    """Person key -> 'male' or 'female', from an honorific on any of their mentions ('Mrs
    X', 'Sir Y'; `male_honorifics`, `female_honorifics`); made once per Doc."""
    made = doc.user_data.get("kg.genders")
    if isinstance(made, dict):
        return made
    sexes = {w: sex for sex in ("male", "female") for w in index.lex.words(f"{sex}_honorifics")}
    found: dict[str, str] = {}
    for t in tokens(doc):
        sex = sexes.get(t.lower_.rstrip("."))
        m = (index.by_token.get(t.i) or index.by_token.get(t.i + 1)) if sex else None
        if sex and m is not None and m.type == EntityType.PERSON:  # 'Mrs X' or 'Mrs Y'
            found.setdefault(m.key, sex)
    doc.user_data["kg.genders"] = found
    return found


def _office_holder(tok: Token, index: MentionIndex, aff: Affiliations) -> tuple[Mention, ...]:
    """The last person named before a definite title who holds an office in its organisation."""
    keys = {m.key for m in definite_title(tok, index)}
    for j in range(tok.i - 1, -1, -1) if keys else ():
        m = index.by_token.get(j)
        if m is not None and keys & {o.key for o in aff.get(m.key, [])}:
            return (m,)
    return ()


def _unknown_subject(tok: Token, index: MentionIndex) -> bool:
    """The sentence before has a proper-noun subject that names no mention."""
    if tok.sent.start == 0:
        return False
    before = tok.doc[tok.sent.start - 1].sent
    return any(
        t.dep_ in _SUBJECTS and t.pos_ == "PROPN" and t.i not in index.by_token for t in before
    )


def _person_at(j: int, index: MentionIndex, found: Corefs) -> tuple[Mention, ...]:
    m = index.by_token.get(j)
    if m is not None and m.type == EntityType.PERSON:
        return (m,)
    if j in found and len(found[j]) == 1 and found[j][0].type == EntityType.PERSON:
        return found[j]
    return ()


def _in_main_clause(tok: Token) -> bool:
    """The subject's verb is its sentence's root, or coordinated with it."""
    head = tok
    while head.dep_ in ("compound", "flat", "amod", "appos") and head.head.i != head.i:
        head = head.head
    verb = head.head
    while verb.dep_ == "conj" and verb.head.i != verb.i:
        verb = verb.head
    return verb.dep_ == "ROOT"


def _plural_sets(tok: Token, index: MentionIndex) -> list[tuple[Token, tuple[Mention, ...]]]:
    """Agent noun phrases before `tok`, nearest first: coordinations as one set."""
    sets: list[tuple[Token, tuple[Mention, ...]]] = []
    words = tokens(tok.doc)
    for j in window(tok):
        cand = words[j]
        if cand.dep_ == "conj" or (cand.pos_ not in _NOUNS and cand.i not in index.by_token):
            continue  # resolve finds nothing else
        members = [cand, *(c for c in cand.conjuncts if c.i > cand.i)]
        kinds = _AGENTS if len(members) == 1 else (*_AGENTS, EntityType.PERSON)  # 'X and Y'
        found = tuple(m for c in members if (m := resolve(c, index)) and m.type in kinds)
        if (
            not found
            and cand.tag_ == "NNS"
            and cand.sent == tok.sent
            and cand.i not in index.by_token
        ):
            sets.append((cand, ()))  # 'brief officials there and press THEM': the officials
        plural = len(members) > 1 or "Number=Plur" in str(cand.morph) or cand.tag_ == "NNS"
        plural = plural or bool(found and found[0].key in index.teams)  # 'Wales kept THEIR start'
        if index.teams and found and all(m.type == EntityType.PERSON for m in found):
            continue  # in a match report 'they' are a team, not the players just named
        if found and (plural or not found[0].is_name) and _is_head(cand, index):
            sets.append((cand, found))
    return sets


def _is_head(tok: Token, index: MentionIndex) -> bool:
    """`tok` is the head of the mention it is part of (or of no mention)."""
    m = index.by_token.get(tok.i)
    span = tok.doc.char_span(m.start, m.end, alignment_mode="expand") if m else None
    return span is None or span.root.i == tok.i


def _plural(tok: Token, index: MentionIndex) -> tuple[Mention, ...]:
    sets = _plural_sets(tok, index)
    reporter = _reporting_subjects(tok, index)
    if reporter:
        return reporter  # 'X and Y said THEY had begun talks'
    if tok.dep_ in _SUBJECTS:
        earlier = [s for c, s in sets if c.dep_ in _SUBJECTS and c.sent.start < tok.sent.start]
        return earlier[0] if earlier else ()
    own = {c.i for c in kids(tok.head) if c.dep_ in _SUBJECTS}
    rest = [s for c, s in sets if c.i not in own]
    return rest[0] if rest else ()  # a nearer plural noun with no name: no one named


def _reporting_subjects(tok: Token, index: MentionIndex) -> tuple[Mention, ...]:
    """The coordinated agents (or the one agent with a plural name) that are the subject of the
    verb of saying whose clause the pronoun is the subject of."""
    clause = tok.head
    if tok.dep_ not in _SUBJECTS or clause.dep_ != "ccomp":
        return ()
    if not verb_lemmas(clause.head) & index.lex.words("speech_verbs"):
        return ()
    subjects = [c for c in kids(clause.head) if c.dep_ in _SUBJECTS]
    members = [t for s in subjects for t in (s, *s.conjuncts)]
    found = tuple(m for t in members if (m := resolve(t, index)) and m.type in _AGENTS)
    plural = len(members) == 1 and members[0].tag_ in ("NNS", "NNPS")  # 'the Greens said THEY'
    return found if len(found) > 1 or (found and plural) else ()


def _speaker_token(doc: Doc, start: int, end: int, speech: frozenset[str]) -> Token | None:
    """The subject of the verb of saying next to the quote [start, end)."""
    sent = doc.char_span(end - 1, end, alignment_mode="expand")
    if sent is None:
        return None
    tokens = list(sent.sent)
    after = [t for t in tokens if t.idx >= end]
    before = [t for t in reversed(tokens) if t.idx + len(t) <= start]
    for verb in after + before:
        if verb.pos_ in ("VERB", "AUX") and verb_lemmas(verb) & speech:
            subj = [c for c in kids(verb) if c.dep_ in _SUBJECTS]
            if not subj and verb.dep_ in ("advcl", "xcomp", "conj"):
                subj = [c for c in kids(verb.head) if c.dep_ in _SUBJECTS]
            return subj[0] if subj else None
    return None


def _speakers(doc: Doc, index: MentionIndex, found: Corefs) -> list[tuple[int, int, Mention]]:
    speech = index.lex.words("speech_verbs")
    out: list[tuple[int, int, Mention]] = []
    for start, end in quote_spans(doc_text(doc)):
        tok = _speaker_token(doc, start, end, speech)
        who = (found.get(tok.i, ()) or (resolve(tok, index),))[0] if tok is not None else None
        if who is None and out and _sentences_apart(doc, out[-1][1], start) <= 2:
            who = out[-1][2]
        if who is not None:
            out.append((start, end, who))
    return out


def _sentences_apart(doc: Doc, a: int, b: int) -> int:
    return sum(1 for s in doc.sents if a <= s.start_char < b)


def _in_quote(
    tok: Token, kind: str, speakers: list[tuple[int, int, Mention]], aff: Affiliations
) -> tuple[Mention, ...]:
    who = next((m for s, e, m in speakers if s <= tok.idx < e), None)
    if who is None:
        return ()
    if kind == "i":
        return (who,) if who.type == EntityType.PERSON else ()
    if who.type == EntityType.PERSON:
        return tuple(aff.get(who.key, [])[:1])
    return (who,) if who.type in _AGENTS else ()


Speakers = tuple[tuple[int, int, Mention], ...]  # quote (character span) -> who says it


def find_corefs(doc: Doc, index: MentionIndex, aff: Affiliations) -> tuple[Corefs, Speakers]:
    """What each resolvable pronoun of the article stands for, and who says each quote."""
    pronouns: dict[str, list[str]] = index.lex.vocab.get("pronouns", {})
    quotes = quote_spans(doc_text(doc))
    found: Corefs = {}
    kinds = [(tok, k) for tok in tokens(doc) if (k := _kind(tok, pronouns)) is not None]
    for tok, kind in kinds:
        if kind in ("person", "plural") and not any(s <= tok.idx < e for s, e in quotes):
            ants = _last_person(tok, index, found) if kind == "person" else _plural(tok, index)
            if ants:
                found[tok.i] = ants
    found.update(index.corefs)  # 'the film', 'the company' (kg.extract.anaphora.definite_nouns)
    for tok in tokens(doc) if aff else ():  # 'Party leader X Y ... The Party leader said'
        if ants := _office_holder(tok, index, aff):
            found[tok.i] = ants
    for tok, kind in kinds:
        outside = not any(s <= tok.idx < e for s, e in quotes)
        if outside and kind == "it" and (ants := last_agent(tok, index, found)):
            found[tok.i] = ants
    speakers = _speakers(doc, index, found)
    for tok, kind in kinds:
        if kind in ("we", "i") and (ants := _in_quote(tok, kind, speakers, aff)):
            found[tok.i] = ants
    return found, tuple(speakers)
