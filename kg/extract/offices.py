"""The reach of an office once its title and organisations are known: whether it heads the
whole organisation or a part of it ('central bank governor', 'UK director of Acme', 'director
of the Acme unit at Zentrix'), whether it is still held ('former', 'until last year'), and
whether its holder speaks for the organisation."""

from __future__ import annotations

import re
from collections import Counter

from spacy.tokens import Doc, Span, Token

from kg.extract.companies import named_with_legal_form
from kg.extract.mentions import MentionIndex
from kg.extract.named import mention
from kg.lexicon import BIG_TOWN, country
from kg.model import Article, EntityType, Mention

AGENTS = (EntityType.ORGANIZATION, EntityType.COUNTRY)
DESCRIBING = ("compound", "amod", "nmod", "poss")  # 'UK magazine', "Spain's biggest bank"
_PLACES = (EntityType.COUNTRY, EntityType.PLACE)


def _qualified(tokens: list[Token], index: MentionIndex) -> bool:
    """The title heads a part of the organisation, not all of it: a noun that is neither a
    name nor a title word qualifies it ('central bank governor', 'head OF strategy',
    'director OF database markets'), so the person is a member, not the leader."""
    lex, titles = index.lex, index.lex.words("titles")
    title_toks = [t for t in tokens if t.lemma_.lower() in titles]
    for t in title_toks:
        for c in t.children:
            objs = [o for o in c.children if o.dep_ == "pobj"] if c.dep_ == "prep" else [c]
            for o in objs:
                if c.dep_ not in ("compound", "prep") or (
                    o.pos_ != "NOUN" and not _party(o, index)
                ):
                    continue
                named = index.by_token.get(o.i)  # an event noun ('election chief') qualifies
                part = o.lower_ in lex.title_words()  # 'managing' of "the IMF's managing director"
                known = (named is not None and named.type in AGENTS) or part
                if not known and o.lemma_.lower() not in lex.words("place_descriptors"):
                    return True
    return False


def _party(tok: Token, index: MentionIndex) -> bool:
    """'Senate Republican leader': a party (not a people) narrows the office to its members;
    not a party the gazetteer knows, which is then the organisation itself ('Tory leader')."""
    known = tok.i in index.by_token
    return tok.ent_type_ == "NORP" and not known and not index.lex.demonym(tok.text)


def partisan(tokens: list[Token], index: MentionIndex) -> bool:
    """A party's leader in a body speaks for the party, not for the body: 'Senate Republican
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
        and any(c.dep_ == "cc" for c in t.children)
        for t in tokens
    )  # fmt: skip


def a_party(org: Mention, index: MentionIndex) -> bool:
    """A political party, by a word of its name ('Labour Party', 'Liberal Democrats')."""
    words = index.lex.words("party_words")
    return any(w in words for w in org.label.lower().split())


def _region_words(tokens: list[Token], index: MentionIndex) -> list[Mention]:
    """Places on the title ('UK managing director', "Britain's Europe director") or after
    'in' on it or on its organisation ('director of Acme in Kenya')."""
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
    region: 'UK managing director of Acme' and 'director of Acme in Kenya' head Acme's arm,
    "Britain's Europe director" serves the UK."""
    keys = {o.key for o in orgs}
    return bool(orgs) and any(m.key not in keys for m in _region_words(tokens, index))


def units(tokens: list[Token], orgs: list[Mention], index: MentionIndex) -> list[Mention]:
    """Organisations after 'of' when the title also names an employer after 'at', 'with' or
    'for' ('director of UK Equities at Acme Investments'): they are a part of the employer."""
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
    """An office of a place with an organisation named on it ("London's Labour mayor", 'Texas
    Republican senator'): the organisation is the holder's party, who is its member, not its
    voice."""
    return (
        title in index.lex.words("place_offices")
        and bool(_region_words(tokens, index))
        and any(o.type == EntityType.ORGANIZATION for o in orgs)
    )


def narrowed(tokens: list[Token], orgs: list[Mention], index: MentionIndex) -> bool:
    """The office heads a part of its organisation or country, so its holder is a member; or
    it is held in a body ('Tory leader in the Lords': the party's leader there)."""
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
    """Only a head of state or government leads a country: "Kenya's Europe director" or
    "Chad's army commander" serves it; a party's chairman is its officer, not its leader."""
    if org.type == EntityType.COUNTRY and not _heads_state(title, org, index):
        return ["memberOf" if p == "leads" else p for p in predicates]
    party = any(w in index.lex.words("party_words") for w in org.label.lower().split())
    if party and title in index.lex.words("party_officers"):
        return [p for p in predicates if p != "leads"]  # a party's chairman runs it, not leads it
    return predicates


def _heads_state(title: str, org: Mention, index: MentionIndex) -> bool:
    """A head of state's or government's title, except in the countries where it is a
    minister's ([minister_titles]: the UK's Chancellor is of the Exchequer)."""
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
        for c in head.children
        if c.dep_ == "relcl" and any(s.dep_ == "nsubj" and s.tag_ == "WP" for s in c.children)
    ]
    if head.dep_ == "nsubjpass" and head.head.lemma_ in _APPOINTING:  # 'X was named president of Y'
        verbs.append(head.head)
    found = []
    for verb in verbs:
        now = verb.lemma_ in ("become", *_APPOINTING)
        now = now or (verb.lemma_ == "be" and verb.tag_ in ("VBZ", "VBP"))
        joined = verb.lemma_ in _JOINING and subject.dep_ == "nsubj"  # 'X joined Y as chief'
        if (now or joined) and not any(c.dep_ == "neg" or c.tag_ == "MD" for c in verb.children):
            found += [c for c in verb.children if c.dep_ in ("attr", "oprd") and c.pos_ == "NOUN"]
        if joined and not any(c.dep_ == "neg" or c.tag_ == "MD" for c in verb.children):
            posts = [t for c in verb.children if c.lower_ == "as" for t in c.children]
            found += posts + ([c for c in verb.children if c.dep_ == "dobj"] if posts else [])
    return found


_SOLE_TITLES = ("president", "prime minister", "premier", "chancellor", "king", "queen", "emir")


def national_country(
    tokens: list[Token], title: str, article: Article, index: MentionIndex
) -> Mention | None:
    """The country of a minister's title only one country has ([national_titles]: 'Home
    Secretary X' is the UK's, whichever countries the article names), as a mention at the
    title; not a shadow's or a spokesman's ('shadow home secretary X', 'Tory X')."""
    code = index.lex.vocab.get("national_titles", {}).get(title)
    words = [t for t in tokens if t.pos_ not in ("DET", "PUNCT")]
    if not code or not words or any(t.i in index.by_token for t in words):
        return None
    if any(t.lower_ in index.lex.words("shadow_words") for t in words):
        return None
    known = country(code)
    first, last = words[0], words[-1]
    end = last.idx + len(last)
    return mention(article, first.doc, first.idx, end, EntityType.COUNTRY, known.key, known.label)


def lead_company(
    tokens: list[Token], title: str, predicates: list[str], head: Token, index: MentionIndex
) -> Mention | None:
    """The organisation of a post written with none ('Larry Kunz, chief financial officer,
    said', 'Chief executive X said'): the one the article's lead is about (`_lead_firm`),
    when the title's own sentence names no other organisation or country. Not a head of
    state's or a minister's capitalised title ('President X', 'Finance Minister Y')."""
    words = [t for t in tokens if t.pos_ not in ("DET", "PUNCT")]
    if not set(predicates) & {"leads", "holdsRoleAt"}:
        return None
    state = title in index.lex.words("state_heads") or title.endswith(("minister", "secretary"))
    if state and any(t.text[:1].isupper() for t in words):
        return None
    sent = head.sent
    inside = (m for m in index.by_token.values() if sent.start_char <= m.start < sent.end_char)
    if any(m.type in AGENTS for m in inside):
        return None
    return _lead_firm(head.doc, index)


def _lead_firm(doc: Doc, index: MentionIndex) -> Mention | None:
    """The organisation the subject of the first of the first three sentences that has a
    named one names, if it is a company with its legal form ('Acme Inc said') or the
    organisation the article names most: three times or more, twice as often as any other."""
    for lead in list(doc.sents)[:3]:
        subjects = [c for c in lead.root.children if c.dep_ == "nsubj"]
        named = [m for c in subjects if (m := index.by_token.get(c.i)) is not None]
        if not named:
            continue
        if named[0].type != EntityType.ORGANIZATION:
            return None
        if named_with_legal_form(named[0].text, index.lex):
            return named[0]
        mentions = {m.start: m for m in index.by_token.values()}.values()
        votes = Counter(m.key for m in mentions if m.type == EntityType.ORGANIZATION)
        ranked = [*votes.most_common(2), ("", 0)]
        top = ranked[0][0] == named[0].key and ranked[0][1] >= 3
        return named[0] if top and ranked[0][1] >= 2 * ranked[1][1] else None
    return None


def sole_country(tokens: list[Token], title: str, index: MentionIndex) -> Mention | None:
    """The country of a head of state's or a minister's capitalised title with no country
    ('President Vladimir Putin', 'Budget Minister Alain Juppe'): the one the article names,
    if it names only one and no big town of another ('Prime Minister X' in Dublin is not the
    US's, though the article names no other country); else the one the article is about
    (`_main_country`), if the title's sentence or the one before names it and no other."""
    if title not in _SOLE_TITLES and not title.endswith("minister"):
        return None
    words = [t for t in tokens if t.pos_ not in ("DET", "PUNCT")]
    if not words or any(not t.text[:1].isupper() or t.i in index.by_token for t in words):
        return None  # 'bank president X', 'Acme President Y'
    countries = {m.key: m for m in index.by_token.values() if m.type == EntityType.COUNTRY}
    towns = (index.lex.city(m.label) for m in index.by_token.values() if m.type == EntityType.PLACE)
    abroad = {country(t.country).key for t in towns if t and t.population >= BIG_TOWN}
    if len(countries) == 1:
        sole = next(iter(countries.values()))
        home = _home_elsewhere(words[0].doc.text.lower(), sole, index)
        once = len({m.start for m in index.by_token.values() if m.key == sole.key}) < 2
        codes: list[str] = index.lex.vocab.get("minister_titles", {}).get(title, [])
        known = sole.key in {country(c).key for c in codes}  # 'Chancellor X' in the UK
        posted = _posted_to(sole, words[0].doc, index)  # 'U.S. Ambassador to the Netherlands'
        if posted or (once and not known and _named_near(words[0].sent, sole, index) is None):
            return None  # 'ambassador to the Netherlands', once: not President Reagan's
        return sole if abroad <= {sole.key} and not home else None  # not Dublin's
    return _named_near(words[0].sent, _main_country(words[0].doc, index), index)


def _posted_to(sole: Mention, doc: Doc, index: MentionIndex) -> bool:
    """Every mention of the country is where an envoy is sent ('Ambassador to the
    Netherlands'): the article is written from another country."""
    envoys = index.lex.words("envoy_nouns")
    toks = [t for t in doc if (m := index.by_token.get(t.i)) is not None and m.key == sole.key]
    heads = [t.head for t in toks if t.dep_ == "pobj" and t.head.lower_ == "to"]
    return (
        bool(toks)
        and len(heads) == len(toks)
        and all(h.head.lemma_.lower() in envoys for h in heads)
    )


def _named_near(sent: Span, main: Mention | None, index: MentionIndex) -> Mention | None:
    """The article's main country, if the sentence or the one before names it (or its
    adjective) and no other ("Prime Minister X said ... when Britain chairs": not Iraq's)."""
    start = sent.doc[sent.start - 1].sent.start_char if sent.start > 0 else sent.start_char
    here = [m for m in index.by_token.values() if start <= m.start < sent.end_char]
    countries = {m.key for m in here if m.type == EntityType.COUNTRY}
    named = (index.lex.demonym(t.text) for t in sent.doc[start : sent.end] if t.pos_ == "ADJ")
    countries |= {k.key for k in named if k is not None and k.type == "Country"}
    if main is None or countries - {main.key} or main.key not in countries:
        return None
    return None if _home_elsewhere(sent.doc.text.lower(), main, index) else main


def _home_elsewhere(text: str, main: Mention, index: MentionIndex) -> bool:
    """The article uses a title only another country has ('the Foreign Secretary'): it is
    written from there, and its 'International Development Minister X' is that country's
    too, not the one the article is about."""
    titles: dict[str, str] = index.lex.vocab.get("national_titles", {})
    return any(country(code).key != main.key for t, code in titles.items() if t in text)


def _main_country(doc: Doc, index: MentionIndex) -> Mention | None:
    """The one country the article is about: its names, its adjectives ('Brazilian') and its
    big towns vote; the only one with votes, or one with at least three and twice as many as
    any other ('Prime Minister X' in an article that names Dublin and the US once each is
    no one's)."""
    mentions = {m.start: m for m in index.by_token.values()}.values()
    countries = {m.key: m for m in mentions if m.type == EntityType.COUNTRY}
    votes = Counter(m.key for m in mentions if m.type == EntityType.COUNTRY)
    towns = (index.lex.city(m.label) for m in mentions if m.type == EntityType.PLACE)
    votes.update(country(t.country).key for t in towns if t and t.population >= BIG_TOWN)
    named = (t for t in doc if t.pos_ == "ADJ" and t.text[:1].isupper())
    adjectives = (index.lex.demonym(t.text) for t in named)
    votes.update(k.key for k in adjectives if k is not None and k.type == "Country")
    ranked = votes.most_common(2)
    if not ranked or ranked[0][0] not in countries:
        return None
    if len(ranked) == 1 or (ranked[0][1] >= 3 and ranked[0][1] >= 2 * ranked[1][1]):
        return countries[ranked[0][0]]
    return None
