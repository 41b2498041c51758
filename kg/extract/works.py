"""Works (films, books, albums) named by their context: a name right after a work noun is a
work, whatever type the NER gave it, and so is a name with 'starring' or 'directed by' on it
('the boxing drama Title Of Words', 'The Title, starring X'). The NER often misses such
names or takes them for places and people. The nouns are in the lexicon ([work_nouns],
`work_participles`); kg/extract/culture.py reads who made a work and who is in it.
"""

from __future__ import annotations

from spacy.symbols import ADJ, NOUN, VERB
from spacy.tokens import Doc, Span, Token

from kg.extract.docs import kids, tokens
from kg.extract.lexicon import Lex

_WORK_TAGS = (NOUN, ADJ)
_LONGEST = 6  # words in a work's name found after its noun
_INNER = ("of", "the", "and", "a")  # 'Title of Words', 'Title and Words'


def work_noun(tok: Token, lex: Lex) -> str | None:
    """The maker's predicate of a work noun ('film': directs), if `tok` is one."""
    if tok.pos not in _WORK_TAGS or not tok.is_lower:  # 'novel' is often tagged ADJ
        return None
    nouns: dict[str, str] = lex.vocab.get("work_nouns", {})
    return nouns.get(tok.lemma_.lower())


def work_spans(doc: Doc, lex: Lex) -> list[Span]:
    """Names right after a work noun that the NER did not mark: 'the drama Title Of
    Words'. (A name it marked is typed by `called_a_work`.)"""
    found = []
    for tok in tokens(doc):
        if work_noun(tok, lex) is None:
            continue
        end = tok.i + 1
        while end < len(doc) and end - tok.i <= _LONGEST:
            later = end > tok.i + 1  # the NER's marks inside are bits of it ('The Title Words')
            if not (_name_word(doc[end], later) or (later and _inner(doc, end))):
                break
            end += 1
        if end > tok.i + 1 and doc[end - 1].pos_ in ("PROPN", "NOUN"):
            found.append(doc[tok.i + 1 : end])
    return found


def _inner(doc: Doc, i: int) -> bool:
    """A small word inside a name, with more of the name after it ('Title of the Words'), or
    a contraction's ending glued to the word before ("Boys Don't Cry")."""
    if i < len(doc) and doc[i].lower_ in ("n't", "n\u2019t") and not doc[i - 1].whitespace_:
        i += 1
    while i < len(doc) and doc[i].lower_ in _INNER:
        i += 1
    return i < len(doc) and _name_word(doc[i], True)


def _name_word(tok: Token, marked: bool = False) -> bool:
    """A capitalised word, not opening a sentence; one the NER marked only if `marked`."""
    unmarked = marked or not tok.ent_type_
    return tok.is_alpha and tok.text[:1].isupper() and unmarked and not tok.is_sent_start


def called_a_work(span: Span, lex: Lex) -> bool:
    """A name right after a work noun ('wine comedy Title') or with a participle of the
    trade on it ('The Title, starring X', 'Y, directed by Z') is a work."""
    doc = span.doc
    before = span.start - 1
    if before > 0 and doc[before].pos_ == "DET":  # 'the thriller The Title'
        before -= 1
    if before >= 0 and work_noun(doc[before], lex) is not None:
        return True
    root = span.root  # "Y's novel, Title,", 'Title, a novel about X'
    nouns = [root.head] if root.dep_ == "appos" else []
    nouns += [c for c in kids(root) if c.dep_ == "appos"]
    if any(work_noun(n, lex) is not None for n in nouns + _listing(root)):
        return True  # 'films including X and Y', 'films such as Z'
    participles = lex.words("work_participles")
    return (
        _crew_of(span, lex)
        or _role_of(span, lex)
        or _by_a_person(span, lex)
        or _played_in(span, lex)
        or _on_a_channel(span, lex)
        or any(
            c.dep_ == "acl" and c.tag_ in ("VBG", "VBN") and c.lemma_.lower() in participles
            for c in kids(span.root)
        )
    )


def _listing(root: Token) -> list[Token]:
    """The plural noun a list of names hangs from: 'seven films, including X and Y'."""
    while root.dep_ == "conj":
        root = root.head
    prep = root.head if root.dep_ == "pobj" else None
    if prep is None or prep.lower_ not in ("including", "like", "as"):
        return []
    noun = prep.head
    return [noun] if noun.tag_ == "NNS" else []


def _on_a_channel(span: Span, lex: Lex) -> bool:
    """A name with a broadcaster's channel in brackets right after it: 'W (Acme TV)'; not
    a person's ('X (Beta TV)' may be where X works)."""
    doc, end = span.doc, span.end
    if span.label_ == "PERSON" or end >= len(doc) or doc[end].text != "(":
        return False
    close = next((t.i for t in doc[end + 1 : end + 6] if t.text == ")"), None)
    inside = doc[end + 1 : close].text.lower() if close is not None else ""
    return inside in lex.words("channel_names")


_NOT_WORKS = ("ORG", "GPE", "LOC", "FAC", "EVENT")  # 'Acme director X', 'Ruritown star Y'
_PLACE_LABELS = ("GPE", "LOC", "FAC")
_NOT_NAMES = ("DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY")


def _a_person_does(verb: Token) -> bool:
    return any(c.dep_ == "nsubj" and c.ent_type_ == "PERSON" for c in kids(verb))


def _crew_of(span: Span, lex: Lex) -> bool:
    """A name on the role of a person named right after it: 'Title director X
    Y', 'Title Two director Z W', 'Title Three star V' ([work_roles]). Not
    a name the NER took for an organisation or a place (but a place of several words that no
    gazetteer knows: 'Title Words'), nor a nationality, nor a place the gazetteer or
    GeoNames knows ('Ruritown star X', 'Bordurville star Y')."""
    root, roles = span.root, lex.vocab.get("work_roles", {})
    if span[0].is_sent_start and span[0].pos_ != "PROPN" and not span.label_:
        return False  # 'Race director X': a capital that only opens the sentence
    noun = root.head
    if root.dep_ != "compound" or noun.pos != NOUN or noun.lemma_.lower() not in roles:
        return False
    known = lex.demonym(span.text) or lex.gaz.lookup(span.text, lex.lang) or lex.city(span.text)
    unknown_place = span.label_ in _PLACE_LABELS and len(span) > 1  # "Title Words creator X"
    if (span.label_ in _NOT_WORKS and not unknown_place) or known:
        return False
    person = noun.head if noun.dep_ == "compound" else None  # the person the role is of
    person = person or next((c for c in kids(noun) if c.dep_ == "appos"), None)
    return person is not None and person.ent_type_ == "PERSON" and noun.i < person.i


def _role_of(span: Span, lex: Lex) -> bool:
    """The name after a role's 'of' ('the director of Title One', 'the author of Title
    Words'), where the NER took it for a person or for nothing (for a director's, nothing: 'the
    director of X Y' is a company's): a company, a place or a museum keeps its type."""
    prep = _of_before(span)
    # 'the cast of X', 'the film adaptation of Y': a work, whatever the NER said
    cast = prep is not None and prep.head.lemma_.lower() in lex.words("work_of_nouns")
    labels = ("PERSON", "WORK_OF_ART", "", *(("ORG",) if cast else ()))
    if prep is None or span.label_ not in labels:
        return False
    if lex.gaz.lookup(span.text, lex.lang) or lex.city(span.text):
        return False
    role = prep.head.lemma_.lower()
    if role == "director" and span.label_ == "PERSON":
        return False  # 'the director of X Y', a company named after its founder
    roles = lex.vocab.get("work_roles", {})
    return prep.head.pos == NOUN and (role in roles or role in lex.words("work_of_nouns"))


def _of_before(span: Span) -> Token | None:
    """The 'of' a name hangs on, the parse's head of any of its words ('X To The Title' has
    two heads)."""
    root = span.root
    if root.dep_ == "pobj" and root.head.lower_ == "of":
        return root.head
    if len(span) == 1 or span.start == 0 or span.doc[span.start - 1].lower_ not in ("of", "the"):
        return None
    heads = [t.head for t in span if t.dep_ == "pobj" and not span.start <= t.head.i < span.end]
    return next((h for h in heads if h.lower_ == "of"), None)


def _by_a_person(span: Span, lex: Lex) -> bool:
    """A name the NER left untyped (or called a work) with 'by' and a person on it: 'Title
    Words by X Y'; not one a gazetteer or GeoNames knows."""
    doc = span.doc
    if span.end >= len(doc) or doc[span.end].lower_ != "by":  # the parse may hang it on the verb
        return False
    if span.label_ not in ("", "WORK_OF_ART", "ORG") or not span[0].text[:1].isupper():
        return False
    if not any(g.dep_ == "pobj" and g.ent_type_ == "PERSON" for g in kids(doc[span.end])):
        return False
    return not (lex.gaz.lookup(span.text, lex.lang) or lex.city(span.text))


def _played_in(span: Span, lex: Lex) -> bool:
    """What someone stars in ('starred in Title'), or has a role or a performance in ('his
    role in Title Man's Words'; not one the NER took for an organisation: 'her role in Acme'),
    unless the gazetteer or GeoNames knows the name as a place."""
    root = span.root
    prep = root.head if root.dep_ == "pobj" and root.head.lower_ == "in" else None
    if prep is None or lex.gaz.lookup(span.text, lex.lang) or lex.city(span.text):
        return False
    holder = _role_holder(prep.head, lex)
    word = holder.lemma_.lower()
    if span.label_ in _NOT_NAMES or (word == "appear" and not _a_person_does(holder)):
        return False  # 'appeared in May'; 'the novel appeared in bookshops'
    if holder.pos == VERB:
        return word in lex.words("work_participles") or (
            holder is not prep.head and word in lex.words("role_verbs")
        )
    owned = any(c.dep_ == "poss" for c in kids(holder))
    return owned and word in lex.words("performance_nouns") and span.label_ != "ORG"


def _role_holder(tok: Token, lex: Lex) -> Token:
    """What a role's 'in' hangs from: 'playing a boxer IN X' (the verb that plays the role),
    "her role as Y Z IN X" (the role noun), else the word itself."""
    if tok.dep_ == "dobj" and tok.head.lemma_.lower() in lex.words("role_verbs"):
        return tok.head
    if tok.dep_ == "pobj" and tok.head.lower_ == "as" and tok.head.head.pos == NOUN:
        return tok.head.head
    return tok


def whole_title(span: Span) -> Span:
    """A work's name the NER cut short: 'Finding Title' (it marked 'Title'), 'Title of
    the Words' (it marked 'Title'): capitalised words right before it inside the sentence,
    and small words with capitalised ones after it."""
    doc, start, end = span.doc, span.start, span.end
    while (
        start > span.sent.start
        and _name_word(doc[start - 1], True)
        and doc[start - 1].pos_ != "DET"
    ):
        start -= 1  # not 'The' of "X's The Title": kg names works without it
    while end < span.sent.end and (_name_word(doc[end], True) or _inner(doc, end)):
        if doc[end].lower_ == "and" and end + 1 < len(doc) and doc[end + 1].ent_iob_ == "B":
            break  # 'X and Y': two names the NER marked, not 'Title and Words'
        end += 1
    while end > span.end and doc[end - 1].lower_ in _INNER:
        end -= 1
    return doc[start:end] if (start, end) != (span.start, span.end) else span
