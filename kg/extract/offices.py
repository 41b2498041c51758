"""The reach of an office once its title and organisations are known: whether it heads the
whole organisation or a part of it ('central bank governor', 'Ruritania director of Acme', 'director
of the Acme unit at Beta'), whether it is still held ('former', 'until last year'), and
whether its holder speaks for the organisation."""

from __future__ import annotations

import re

from spacy.tokens import Token

from kg.extract.docs import kids
from kg.extract.mentions import MentionIndex
from kg.lexicon import country
from kg.model import EntityType, Mention

AGENTS = (EntityType.ORGANIZATION, EntityType.COUNTRY)
DESCRIBING = ("compound", "amod", "nmod", "poss")  # 'Acme magazine', "Acme's biggest bank"
_PLACES = (EntityType.COUNTRY, EntityType.PLACE)


def _qualified(tokens: list[Token], index: MentionIndex) -> bool:
    """The title heads a part of the organisation, not all of it: a noun that is neither a
    name nor a title word qualifies it ('central bank governor', 'head OF strategy',
    'director OF database markets'), so the person is a member, not the leader."""
    lex, titles = index.lex, index.lex.words("titles")
    title_toks = [t for t in tokens if t.lemma_.lower() in titles]
    for t in title_toks:
        for c in kids(t):
            objs = [o for o in kids(c) if o.dep_ == "pobj"] if c.dep_ == "prep" else [c]
            for o in objs:
                if c.dep_ not in ("compound", "prep") or (
                    o.pos_ != "NOUN" and not _party(o, index)
                ):
                    continue
                named = index.by_token.get(o.i)  # an event noun ('election chief') qualifies
                part = o.lower_ in lex.title_words()  # "the League's MANAGING director"
                known = (named is not None and named.type in AGENTS) or part
                if not known and o.lemma_.lower() not in lex.words("place_descriptors"):
                    return True
    return False


def _party(tok: Token, index: MentionIndex) -> bool:
    """'Senate Party leader': a party (not a people) narrows the office to its members;
    not a party the gazetteer knows, which is then the organisation itself ('Party leader')."""
    known = tok.i in index.by_token
    return tok.ent_type_ == "NORP" and not known and not index.lex.demonym(tok.text)


def partisan(tokens: list[Token], index: MentionIndex) -> bool:
    """A party's leader in a body speaks for the party, not for the body: 'Senate Party
    leader' (a party the gazetteer knows, beside a body on the same title, counts too)."""
    titles = index.lex.words("titles")
    on_title = [t for t in tokens if t.head.lemma_.lower() in titles]
    if any(_party(t, index) for t in on_title):
        return True
    orgs = {
        t.i: m
        for t in on_title
        if (m := index.by_token.get(t.i)) and m.type == EntityType.ORGANIZATION
    }
    parties = {i for i, m in orgs.items() if a_party(m, index)}
    return bool(parties) and any(
        i not in parties and orgs[i].key not in {orgs[p].key for p in parties} for i in orgs
    )


def portfolios(tokens: list[Token], index: MentionIndex) -> bool:
    """A title that joins two of a minister's fields with 'and' ('Economy and Labour
    Minister'): a common noun coordinated in it names a field, and so does the party's word
    beside it."""
    titles = index.lex.words("titles")
    return any(
        t.pos_ in ("NOUN", "PROPN") and t.i not in index.by_token and t.lower_ not in titles
        and any(c.dep_ == "cc" for c in kids(t))
        for t in tokens
    )  # fmt: skip


def a_party(org: Mention, index: MentionIndex) -> bool:
    """A political party, by a word of its name or of a name the gazetteer knows it by
    ('Workers Party', 'Free Democrats'; 'Plaid Cymru', the Party of Wales)."""
    words = index.lex.words("party_words")
    names = [org.label, *(n for n, _ in index.lex.gaz.aliases.get(org.key, ()))]
    return any(w in words for n in names for w in n.lower().split())


def _region_words(tokens: list[Token], index: MentionIndex) -> list[Mention]:
    """Places on the title ('Ruritania managing director', "Ruritania's Europe director") or after
    'in' on it or on its organisation ('director of Acme in Borduria')."""
    titles, locating = index.lex.words("titles"), index.lex.words("region_preps")
    found = []
    for t in tokens:
        m = index.by_token.get(t.i)
        if m is None or m.type not in _PLACES:
            continue
        prep = t.head
        on_title = t.dep_ in DESCRIBING and t.head.lemma_.lower() in titles
        after_in = t.dep_ == "pobj" and prep.lower_ in locating and prep.dep_ == "prep"
        owner = index.by_token.get(prep.head.i) if after_in else None
        if on_title or (
            after_in
            and (prep.head.lemma_.lower() in titles or (owner is not None and owner.type in AGENTS))
        ):
            found.append(m)
    return found


def _regional(tokens: list[Token], orgs: list[Mention], index: MentionIndex) -> bool:
    """A place on the title of an office with an organisation or a country is the office's
    region: 'Ruritania managing director of Acme' and 'director of Acme in Ruritania' head an arm,
    "Ruritania's Europe director" serves Ruritania."""
    keys = {o.key for o in orgs}
    return bool(orgs) and any(m.key not in keys for m in _region_words(tokens, index))


def units(tokens: list[Token], orgs: list[Mention], index: MentionIndex) -> list[Mention]:
    """Organisations after 'of' when the title also names an employer after 'at', 'with' or
    'for' ('director of Acme Equities at Beta Investments'): they are a part of the employer."""
    employer, office = index.lex.words("employer_preps"), index.lex.words("office_preps")
    employers, parts = [], []
    for t in tokens:
        m = index.by_token.get(t.i)
        if m is None or m not in orgs or t.dep_ != "pobj":
            continue
        if t.head.lower_ in employer:
            employers.append(m)
        elif t.head.lower_ in office:  # 'of', 'van'
            parts.append(m)
    return [m for m in parts if m not in employers] if employers else []


def party_office(title: str, tokens: list[Token], orgs: list[Mention], index: MentionIndex) -> bool:
    """An office of a place with an organisation named on it ("Ruritown's Party mayor", 'Westshire
    Party senator'): the organisation is the holder's party, who is its member, not its
    voice."""
    return (
        title in index.lex.words("place_offices")
        and bool(_region_words(tokens, index))
        and any(o.type == EntityType.ORGANIZATION for o in orgs)
    )


def narrowed(tokens: list[Token], orgs: list[Mention], index: MentionIndex) -> bool:
    """The office heads a part of its organisation or country, so its holder is a member; or
    it is held in a body ('Party leader in the Upper House': the party's leader there)."""
    return _qualified(tokens, index) or _regional(tokens, orgs, index) or _in_a_body(tokens, index)


def _in_a_body(tokens: list[Token], index: MentionIndex) -> bool:
    titles = index.lex.words("titles")
    for t in tokens:
        m = index.by_token.get(t.i)
        on_title = t.head.lower_ == "in" and t.head.head.lemma_.lower() in titles
        if m is not None and m.type == EntityType.ORGANIZATION and t.dep_ == "pobj" and on_title:
            return True
    return False


def predicates_for(
    title: str, predicates: list[str], org: Mention, index: MentionIndex
) -> list[str]:
    """Only a head of state or government leads a country: "Ruritania's Europe director" or
    "Borduria's army commander" serves it; a party's chairman is its officer, not its leader."""
    if org.type == EntityType.COUNTRY and not _heads_state(title, org, index):
        return ["memberOf" if p == "leads" else p for p in predicates]
    party = any(w in index.lex.words("party_words") for w in org.label.lower().split())
    if party and title in index.lex.words("party_officers"):
        return [p for p in predicates if p != "leads"]  # a party's chairman runs it, not leads it
    return predicates


def _heads_state(title: str, org: Mention, index: MentionIndex) -> bool:
    """A head of state's or government's title, except in the countries where it is a
    minister's ([minister_titles]: one country's Chancellor is its finance minister)."""
    codes: list[str] = index.lex.vocab.get("minister_titles", {}).get(title, [])
    return title in index.lex.words("state_heads") and org.key not in {
        country(c).key for c in codes
    }


def former(tokens: list[Token], index: MentionIndex) -> bool:
    """'former minister', 'ex-chairman', 'voormalig premier', 'head of Acme until last year':
    an office no longer held."""
    words = index.lex.words("former_markers")
    if any(t.lower_ in words or t.lower_.split("-")[0] in words for t in tokens):
        return True
    times = index.lex.words("time_nouns")
    return any(
        t.lower_ in index.lex.words("former_preps")
        and any(o.ent_type_ == "DATE" or o.like_num or o.lemma_.lower() in times for o in t.subtree)
        for t in tokens
    )


def left(head: Token, index: MentionIndex) -> bool:
    """The holder has left the post: 'Chairman X has resigned', 'X, its chief, retired'; not
    'X will step down' or 'X did not resign' (the post is still held)."""
    subject = head.head if head.dep_ == "appos" else head  # 'its chief, X, retired'
    verb = subject.head
    if subject.dep_ != "nsubj" or verb.pos_ != "VERB":
        return False
    particles = [c.lower_ for c in kids(verb) if c.dep_ == "prt"]
    said = {verb.lemma_.lower(), *(f"{verb.lemma_.lower()} {p}" for p in particles)}
    if not said & index.lex.words("leaving_verbs"):
        return False
    helpers = [c for c in kids(verb) if c.dep_ in ("aux", "neg")]
    if any(c.dep_ == "neg" or c.lemma_.lower() not in ("have", "be") for c in helpers):
        return False  # 'will resign', 'did not quit'
    perfect = not helpers or any(c.lemma_ == "have" for c in helpers)  # a bare VBN: a past
    return verb.tag_ == "VBD" or (verb.tag_ == "VBN" and perfect)


def academic(org: Mention, index: MentionIndex) -> bool:
    """A university or college: its staff are quoted as experts, not as its voice."""
    words = index.lex.words("academic_words")
    return any(w in words for w in re.findall(r"\w+", org.text.lower()))


_APPOINTING = ("name", "elect", "appoint")  # 'was named chairman': holds the post now


_JOINING = ("join", "rejoin")


def predicated(head: Token) -> list[Token]:
    """What a copula says the person is now: 'X is the editor of Y', 'X, who is chairman of
    Y', 'X became president of Z', 'X was named (elected, appointed) chairman of W'; not 'X
    was ...' (no longer), 'X will be ...' or 'X is not'."""
    subject = head
    while subject.dep_ == "conj" and subject.head.i != subject.i:
        subject = subject.head  # 'X, Y and Z are members of W'
    verbs = [subject.head] if subject.dep_ == "nsubj" else []
    verbs += [
        c
        for c in kids(head)
        if c.dep_ == "relcl" and any(s.dep_ == "nsubj" and s.tag_ == "WP" for s in kids(c))
    ]
    if head.dep_ == "nsubjpass" and head.head.lemma_ in _APPOINTING:  # 'X was named president of Y'
        verbs.append(head.head)
    found = []
    for verb in verbs:
        now = verb.lemma_ in ("become", *_APPOINTING)
        now = now or (verb.lemma_ == "be" and verb.tag_ in ("VBZ", "VBP"))
        joined = verb.lemma_ in _JOINING and subject.dep_ == "nsubj"  # 'X joined Y as chief'
        if (now or joined) and not any(c.dep_ == "neg" or c.tag_ == "MD" for c in kids(verb)):
            found += [c for c in kids(verb) if c.dep_ in ("attr", "oprd") and c.pos_ == "NOUN"]
        if joined and not any(c.dep_ == "neg" or c.tag_ == "MD" for c in kids(verb)):
            posts = [t for c in kids(verb) if c.lower_ == "as" for t in kids(c)]
            found += posts + ([c for c in kids(verb) if c.dep_ == "dobj"] if posts else [])
    return found


def members_body(org: Mention, index: MentionIndex) -> bool:
    """A body of members ('the Westshire Alliance', 'the Ruritown Society'): 'X of Y' is a
    member of it, not its employee."""
    words = index.lex.words("membership_words") | index.lex.words("party_words")
    return any(w in words for w in org.label.lower().split())
