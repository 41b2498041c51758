"""Relations read off the word order of a noun phrase where the parse tree is often wrong:
'Ruritania phone firm Acme', 'Ruritanian anti-virus lab Beta' (basedIn: a country, its adjective or
a place, then describing words, then a company's noun right before the name; the parser hangs
the name elsewhere, or the noun on another word). kg.extract.organisations reads the same
phrases from the tree; this reads them where the tree fails."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Doc, Token

from kg.extract import offices
from kg.extract.common import head_of, pobjs, resolve
from kg.extract.docs import kids, tokens
from kg.extract.mentions import MentionIndex
from kg.extract.organisations import country_at
from kg.extract.stance import relation
from kg.model import Article, EntityType, Mention, Relation

_PLACES = (EntityType.COUNTRY, EntityType.PLACE)
_DESCRIBING = ("NOUN", "ADJ", "PUNCT", "PROPN")  # 'anti-virus', 'mobile phone'


def surface_relations(article: Article, doc: Doc, index: MentionIndex) -> list[Relation]:
    found = [*_based(article, doc, index), *_rivals(article, doc, index)]
    found += _based_after(article, doc, index)
    found += _rivals_named_after(article, doc, index) + _rivals_listed(article, doc, index)
    found += _rival_pairs(article, doc, index) + _named_units(article, doc, index)
    found += _posted_in(article, doc, index) + _party_people(article, doc, index)
    found += _starring(article, doc, index)
    return [r for r in found if r is not None]


def _rivals(article: Article, doc: Doc, index: MentionIndex) -> Iterator[Relation | None]:
    """'its rival Y', 'X bought Ruritanian rival Y', 'X lost out to larger rival Y': the name
    after a rival's word (`rival_nouns`) competes with the possessive on it, else with the
    subject of the verb the phrase hangs from."""
    words = index.lex.words("rival_nouns")
    for tok in tokens(doc):
        if tok.lemma_.lower() not in words or tok.dep_ not in ("amod", "compound"):
            continue
        name = tok.head
        rival = index.by_token.get(name.i)
        if rival is None or rival.type == EntityType.PERSON or tok.i + 1 < name.i - 3:
            continue
        owners = [c for c in kids(name) if c.dep_ == "poss"]
        if owners and owners[0].pos_ == "PRON":
            owners = [name.head] if name.dep_ == "conj" else owners  # 'X and its rival Y'
        verb = name.head.head if name.dep_ == "pobj" else name.head
        if not owners and name.dep_ in ("dobj", "pobj") and verb.pos_ == "VERB":
            owners = [c for c in kids(verb) if c.dep_ == "nsubj"]
        for owner in owners:
            other = resolve(owner, index)
            if other is not None and other.key != rival.key:
                yield relation(
                    other, ["competesWith"], rival, [tok], article, "phrase:rival", index
                )


def _rivals_named_after(article: Article, doc: Doc, index: MentionIndex) -> list[Relation | None]:
    """ "X's main competitor, Y", "X's rival Y", 'X and its rival, Y': the name in apposition to
    a rival's word competes with the possessive on it ('its': the name it is joined to)."""
    words, found = index.lex.words("rival_nouns"), []
    for tok in tokens(doc):
        if tok.lemma_.lower() not in words or tok.dep_ in ("amod", "compound"):
            continue
        named = [m for c in kids(tok) if c.dep_ == "appos" and (m := resolve(c, index))]
        owners = [c for c in kids(tok) if c.dep_ == "poss"]
        if owners and owners[0].pos_ == "PRON":
            owners = [tok.head] if tok.dep_ == "conj" else []  # 'X and its rival, Y'
        found += _compete(owners, named, tok, article, index)
    return found


def _compete(
    tokens_: list[Token], rivals: list[Mention], tok: Token, article: Article, index: MentionIndex
) -> list[Relation | None]:
    """Each agent the tokens name competes with each rival that is no person."""
    others = [m for t in tokens_ if (m := resolve(t, index)) is not None]
    return [
        relation(other, ["competesWith"], r, [tok], article, "phrase:rival", index)
        for other in others
        for r in rivals
        if r.key != other.key and r.type != EntityType.PERSON
    ]


def _rivals_listed(article: Article, doc: Doc, index: MentionIndex) -> list[Relation | None]:
    """'X has competitors including Y and Z', 'X faces rivals such as Y': the names a plural
    rival's noun lists compete with the subject of the verb it is the object of."""
    words, found = index.lex.words("rival_nouns"), []
    for tok in tokens(doc):
        if tok.lemma_.lower() not in words or tok.tag_ != "NNS" or tok.dep_ != "dobj":
            continue
        lists = [c for c in kids(tok) if c.lower_ in ("including", "like")]
        lists += [
            c for c in kids(tok) if c.lower_ == "as" and c.i > 0 and doc[c.i - 1].lower_ == "such"
        ]
        lists += [g for c in kids(tok) if c.lower_ == "such" for g in kids(c) if g.lower_ == "as"]
        named = [m for c in lists for t in pobjs(c) if (m := resolve(t, index)) is not None]
        subjects = [c for c in kids(tok.head) if c.dep_ == "nsubj"]
        found += _compete(subjects, named, tok, article, index)
    return found


def _rival_pairs(article: Article, doc: Doc, index: MentionIndex) -> list[Relation | None]:
    """'rival plane makers X and Y', 'rivals X and Y': names listed right after a plural
    rival's noun compete with each other."""
    words = index.lex.words("rival_nouns")
    found: list[Relation | None] = []
    for tok in tokens(doc):
        if tok.lemma_.lower() not in words:
            continue
        noun = tok if tok.tag_ == "NNS" else tok.head if tok.dep_ in ("amod", "compound") else None
        if noun is None or noun.tag_ != "NNS" or not 0 <= noun.i - tok.i <= 3:
            continue
        rivals = _listed_after(doc, noun.i + 1, index)
        found += [
            relation(a, ["competesWith"], b, [tok], article, "phrase:rival", index)
            for a in rivals
            for b in rivals
            if a.key != b.key
        ]
    return found


def _named_units(article: Article, doc: Doc, index: MentionIndex) -> list[Relation | None]:
    """'Acme unit Beta Inc', 'Acme subsidiary Beta': a company's unit noun between two names
    makes the second part of the first."""
    words = index.lex.words("subsidiary_nouns")
    found: list[Relation | None] = []
    for tok in tokens(doc)[1:-1]:
        if tok.lower_ not in words:
            continue
        parent, unit = index.by_token.get(tok.i - 1), index.by_token.get(tok.i + 1)
        if parent is None or unit is None or unit.start != doc[tok.i + 1].idx:
            continue
        if EntityType.ORGANIZATION == parent.type == unit.type and parent.key != unit.key:
            found.append(
                relation(unit, ["subsidiaryOf"], parent, [tok], article, "phrase:unit", index)
            )
    return found


def _posted_in(article: Article, doc: Doc, index: MentionIndex) -> list[Relation | None]:
    """ "The Outlet's X in Ruritown says": an organisation's person named with where they are
    is based there (a correspondent, an office's spokesman)."""
    found: list[Relation | None] = []
    for tok in tokens(doc):
        person = index.by_token.get(tok.i)
        if person is None or person.type != EntityType.PERSON or not head_of(tok, person):
            continue
        owners = [index.by_token.get(c.i) for c in kids(tok) if c.dep_ == "poss"]
        if not any(o is not None and o.type == EntityType.ORGANIZATION for o in owners):
            continue
        ins = [c for c in kids(tok) if c.dep_ == "prep" and c.lower_ == "in"]
        for prep, o in ((c, o) for c in ins for o in pobjs(c)):
            place = index.by_token.get(o.i)
            if place is not None and place.type in _PLACES:
                rule = "phrase:in"
                found.append(relation(person, ["basedIn"], place, [prep], article, rule, index))
    return found


def _party_people(article: Article, doc: Doc, index: MentionIndex) -> list[Relation | None]:
    """'Lib Dem Sir X Y', 'Democrat Z W': a party's name right before a person's (an honorific
    between) makes a member."""
    honorifics = index.lex.words("honorifics")
    found: list[Relation | None] = []
    for m in {m.start: m for m in index.by_token.values()}.values():
        if m.type != EntityType.PERSON:
            continue
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        i = span.start - 1 if span is not None else -1
        while i > 0 and doc[i].lower_.strip(".") in honorifics:
            i -= 1
        party = index.by_token.get(i) if i >= 0 else None
        cased = doc[i].text[:1].isupper()  # not 'Irish republican X': a cause, not a party
        if party is not None and cased and party.end <= m.start and offices.a_party(party, index):
            found.append(relation(m, ["memberOf"], party, [doc[i]], article, "title", index))
    return found


def _starring(article: Article, doc: Doc, index: MentionIndex) -> list[Relation | None]:
    """'the film W, starring X and Y': the people listed after a work's 'starring', however
    the parser hung them."""
    found: list[Relation | None] = []
    toks = tokens(doc)
    for tok in toks[2:]:
        if tok.lower_ not in ("starring", "featuring") or toks[tok.i - 1].text != ",":
            continue
        work = index.by_token.get(tok.i - 2)
        if work is None or work.type != EntityType.WORK:
            continue
        for person in _people_after(doc, tok.i + 1, index):
            found.append(
                relation(person, ["starsIn"], work, [tok], article, "phrase:starring", index)
            )
    return found


def _listed(doc: Doc, i: int, index: MentionIndex) -> list[Mention]:
    """The names listed from token i on ('X, Y and Z')."""
    names: list[Mention] = []
    while i < len(doc) and (m := index.by_token.get(i)) is not None:
        names.append(m)
        while i < len(doc) and index.by_token.get(i) == m:
            i += 1
        if i + 1 >= len(doc) or doc[i].lower_ not in (",", "and"):
            break
        i += 1
    return names


def _people_after(doc: Doc, i: int, index: MentionIndex) -> list[Mention]:
    """The people listed from token i on, up to the first name that is no person's."""
    names = _listed(doc, i, index)
    cut = next((k for k, m in enumerate(names) if m.type != EntityType.PERSON), len(names))
    return names[:cut]


def _listed_after(doc: Doc, i: int, index: MentionIndex) -> list[Mention]:
    """The names listed from token i on ('X, Y and Z'), if at least two; none a person's."""
    names = _listed(doc, i, index)
    if any(m.type == EntityType.PERSON for m in names):
        return []
    return names if len({m.key for m in names}) > 1 else []


def _based(article: Article, doc: Doc, index: MentionIndex) -> Iterator[Relation | None]:
    nouns = index.lex.words("company_nouns") | index.lex.words("band_nouns")
    for tok in tokens(doc):
        org = index.by_token.get(tok.i)
        if org is None or org.type != EntityType.ORGANIZATION or org.start != tok.idx:
            continue
        before = tok.i - 2 if tok.i > 1 and doc[tok.i - 1].lower_ == "the" else tok.i - 1
        noun = doc[before] if before >= 0 else None  # 'Ruritown band The Xs'
        if noun is None or not noun.is_lower:
            continue
        hyphened = tok.i > 2 and doc[tok.i - 2].text == "-"  # 'think-tank'
        first = doc[tok.i - 3] if hyphened else noun
        if noun.lemma_.lower() not in nouns and doc[first.i : tok.i].text.lower() not in nouns:
            continue
        place = _place_before(first, article, index)
        if place is not None and place.key != org.key:
            yield relation(org, ["basedIn"], place, [tok], article, "phrase:place", index)


def _based_after(article: Article, doc: Doc, index: MentionIndex) -> Iterator[Relation | None]:
    """'Acme, the Ruritanian games giant, said': a company's noun after the name and a comma,
    with a place or its adjective opening the phrase (the parser often breaks it up)."""
    nouns = index.lex.words("company_nouns")
    for tok in tokens(doc):
        org = index.by_token.get(tok.i)
        if org is None or org.type != EntityType.ORGANIZATION or org.end != tok.idx + len(tok):
            continue
        if tok.i + 3 >= len(doc) or doc[tok.i + 1].text != "," or doc[tok.i + 2].pos_ != "DET":
            continue
        for noun in doc[tok.i + 3 : min(tok.i + 8, len(doc) - 1)]:
            if noun.pos_ not in _DESCRIBING or noun.is_punct or noun.i in index.by_token:
                break
            if noun.lemma_.lower() in nouns and doc[noun.i + 1].text == ",":
                place = _place_before(noun, article, index)
                if place is not None and place.key != org.key:
                    yield relation(org, ["basedIn"], place, [tok], article, "phrase:place", index)
                break


def _place_before(noun: Token, article: Article, index: MentionIndex) -> Mention | None:
    """The country or place that opens the phrase ending at the noun: 'Ruritania phone firm',
    'Ruritanian anti-virus lab' (at most four describing words between)."""
    doc = noun.doc
    for i in range(noun.i - 1, max(-1, noun.i - 6), -1):
        tok = doc[i]
        found = index.by_token.get(i)
        if found is not None and found.type in _PLACES:
            return found if found.end == tok.idx + len(tok) else None
        known = index.lex.demonym(tok.text) if found is None else None
        if known is not None and known.type == EntityType.COUNTRY:
            return country_at(tok, known.key, known.label, article)
        if found is not None or tok.pos_ not in _DESCRIBING or (tok.is_punct and tok.text != "-"):
            return None
    return None
