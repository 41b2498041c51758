"""The organisation or country of a title that names none: a minister's title only one
country has ('Home Secretary X'), a head's or a minister's in an article about one country
('President X', 'Finance Minister Y'), a company's post in an article about one company
('X, chief financial officer, said')."""

from __future__ import annotations

from collections import Counter
from itertools import islice

from spacy.tokens import Doc, Span, Token

from kg.extract.companies import named_with_legal_form
from kg.extract.docs import kids
from kg.extract.mentions import MentionIndex
from kg.extract.named import doc_text, mention
from kg.extract.offices import AGENTS, a_party
from kg.extract.teams import a_team
from kg.lexicon import BIG_TOWN, country
from kg.model import Article, EntityType, Mention

_SOLE_TITLES = ("president", "prime minister", "premier", "chancellor", "king", "queen", "emir")


def national_country(
    tokens: list[Token], title: str, article: Article, index: MentionIndex
) -> Mention | None:
    """The country of a minister's title only one country has ([national_titles]: 'Home
    Secretary X' is one country's, whichever countries the article names), as a mention at the
    title; not a shadow's or a spokesman's ('shadow home secretary X', 'Party X')."""
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
    """The organisation of a post written with none ('X, chief financial officer, said',
    'Chief executive X said'): the one the article's lead is about (`_lead_firm`),
    when the title's own sentence names no other organisation or country. Not a head of
    state's or a minister's capitalised title ('President X', 'Finance Minister Y')."""
    words = [t for t in tokens if t.pos_ not in ("DET", "PUNCT")]
    if not set(predicates) & {"leads", "holdsRoleAt"}:
        return None
    state = title in index.lex.words("state_heads") or title.endswith(("minister", "secretary"))
    if state and any(t.text[:1].isupper() for t in words):
        return None
    if _ministers(title):
        return None  # 'prime minister X': a government's, whatever the article's lead names
    titles = index.lex.title_words()
    shared = list(head.head.lefts) if head.dep_ == "conj" else []  # 'BIFA founder and director X'
    if any(_unseen_name(t, index, titles) for t in words + shared):
        return None  # 'BIFA founder X': a name of its own, which the NER did not see
    sent = head.sent
    inside = (m for m in index.by_token.values() if sent.start_char <= m.start < sent.end_char)
    if any(m.type in AGENTS for m in inside):
        return None
    lead = _lead_firm(head.doc, index)
    before = head.doc[sent.start - 1].sent if sent.start > 0 else None
    named = [] if before is None else _orgs_in(before, index)
    if lead is not None and any(m.key != lead.key for m in named):
        return None  # the sentence before turned to another organisation ('Meanwhile, Beta ...')
    return lead


def _unseen_name(tok: Token, index: MentionIndex, titles: frozenset[str]) -> bool:
    """A capitalised word inside the sentence that no mention covers and no title has."""
    cased = tok.text[:1].isupper() and not tok.is_sent_start and tok.is_alpha
    return cased and tok.i not in index.by_token and tok.lower_ not in titles


def _orgs_in(sent: Span, index: MentionIndex) -> list[Mention]:
    inside = (m for m in index.by_token.values() if sent.start_char <= m.start < sent.end_char)
    return [m for m in inside if m.type == EntityType.ORGANIZATION]


def _lead_firm(doc: Doc, index: MentionIndex) -> Mention | None:
    """The organisation the article is about: the subject of the first of the first three
    sentences that has a named one, if it is a company with its legal form ('Acme Inc said');
    else the organisation the article names most (three times or more, twice as often as any
    other), if that lead's subject is that one or a person, or no lead has a named subject
    ('X made an offer for Acme ... against the wishes of chief executive Y')."""
    for lead in islice(doc.sents, 3):
        subjects = [c for c in kids(lead.root) if c.dep_ == "nsubj"]
        named = [m for c in subjects if (m := index.by_token.get(c.i)) is not None]
        if not named:
            continue
        if named[0].type == EntityType.ORGANIZATION and named_with_legal_form(
            named[0].text, index.lex
        ):
            return named[0]
        top = _acting(doc, _most_named(index), index)
        if named[0].type == EntityType.PERSON or (top is not None and top.key == named[0].key):
            return top
        return None
    return _acting(doc, _most_named(index), index)


def _acting(doc: Doc, org: Mention | None, index: MentionIndex) -> Mention | None:
    """The organisation, if the article makes it the subject of a clause somewhere: not
    "Hollywood's favourite actresses", 'big budget Hollywood productions' (a place's name)."""
    if org is None:
        return None
    subjects = ("nsubj", "nsubjpass")
    acts = any(m.key == org.key and doc[i].dep_ in subjects for i, m in index.by_token.items())
    return org if acts else None


def _about_a_firm(doc: Doc, index: MentionIndex) -> bool:
    """The article's lead is about a company, or it names one organisation most, and not a
    party ('President X' is then its president, no country's)."""
    firm = _lead_firm(doc, index) or _most_named(index)
    return firm is not None and not a_party(firm, index)


def _most_named(index: MentionIndex) -> Mention | None:
    """The organisation the article names three times or more, twice as often as any other."""
    mentions = {m.start: m for m in index.by_token.values()}.values()
    orgs = {m.key: m for m in mentions if m.type == EntityType.ORGANIZATION}
    votes = Counter(m.key for m in mentions if m.type == EntityType.ORGANIZATION)
    ranked = [*votes.most_common(2), ("", 0)]
    top = ranked[0][1] >= 3 and ranked[0][1] >= 2 * ranked[1][1]
    return orgs[ranked[0][0]] if top else None


def sole_country(tokens: list[Token], title: str, index: MentionIndex) -> Mention | None:
    """The country of a head of state's or a minister's capitalised title with no country
    ('President X', 'Budget Minister Y'): the one the article names, if it names only one and
    no big town of another ('Prime Minister X' in a big town of another country is not that
    named country's); else the one the article is about
    (`_main_country`), if the title's sentence or the one before names it and no other."""
    if title not in _SOLE_TITLES and not title.endswith("minister"):
        return None
    words = [t for t in tokens if t.pos_ not in ("DET", "PUNCT")]
    lower = _ministers(title) and " ".join(t.lower_ for t in words) == title  # 'prime minister X'
    if not words or any(t.i in index.by_token for t in words):
        return None
    if not lower and any(not t.text[:1].isupper() for t in words):
        return None  # 'bank president X', 'Acme President Y'
    if any(t.lemma_.lower() in index.lex.words("visit_verbs") for t in words[0].sent):
        return None  # 'when Finance Minister X visits Ruritown': a visitor is from elsewhere
    if title in index.lex.words("company_heads") and _about_a_firm(words[0].doc, index):
        return None  # 'President X' in an article about Acme Corp: Acme's president
    countries = {m.key: m for m in index.by_token.values() if m.type == EntityType.COUNTRY}
    towns = (index.lex.city(m.label) for m in index.by_token.values() if m.type == EntityType.PLACE)
    abroad = {country(t.country).key for t in towns if t and t.population >= BIG_TOWN}
    if len(countries) == 1:
        sole = next(iter(countries.values()))
        home = _home_elsewhere(doc_text(words[0].doc).lower(), sole, index)
        once = len({m.start for m in index.by_token.values() if m.key == sole.key}) < 2
        codes: list[str] = index.lex.vocab.get("minister_titles", {}).get(title, [])
        known = sole.key in {country(c).key for c in codes}  # 'Chancellor X' there
        posted = _posted_to(sole, words[0].doc, index)  # 'envoy to Ruritania'
        if posted or (once and not known and _named_near(words[0].sent, sole, index) is None):
            return None  # a country named once, far away: not 'President X's'
        return sole if abroad <= {sole.key} and not home else None  # not a foreign big town's
    return _named_near(words[0].sent, _main_country(words[0].doc, index), index)


def _ministers(title: str) -> bool:
    """A government's title, never a company's: 'prime minister', 'premier', 'X minister'."""
    return title in ("prime minister", "premier") or title.endswith(" minister")


def _posted_to(sole: Mention, doc: Doc, index: MentionIndex) -> bool:
    """Every mention of the country is where someone or something goes, after a noun's 'to'
    ('envoy to Ruritania', 'his visit to Ruritania'): the article is written from another
    country."""
    toks = [t for t in doc if (m := index.by_token.get(t.i)) is not None and m.key == sole.key]
    heads = [t.head for t in toks if t.dep_ == "pobj" and t.head.lower_ == "to"]
    return (
        bool(toks)
        and len(heads) == len(toks)
        and all(h.head.pos_ in ("NOUN", "PROPN") for h in heads)
    )


def _named_near(sent: Span, main: Mention | None, index: MentionIndex) -> Mention | None:
    """The article's main country, if the sentence or the one before names it (or its
    adjective) and no other ("Prime Minister X said ... when Ruritania chairs": not the
    country the article is about)."""
    start = sent.doc[sent.start - 1].sent.start_char if sent.start > 0 else sent.start_char
    here = [m for m in index.by_token.values() if start <= m.start < sent.end_char]
    countries = {m.key for m in here if m.type == EntityType.COUNTRY}
    named = (index.lex.demonym(t.text) for t in sent.doc[start : sent.end] if t.pos_ == "ADJ")
    countries |= {k.key for k in named if k is not None and k.type == "Country"}
    if main is None or countries - {main.key} or main.key not in countries:
        return None
    return None if _home_elsewhere(doc_text(sent.doc).lower(), main, index) else main


def _home_elsewhere(text: str, main: Mention, index: MentionIndex) -> bool:
    """The article uses a title only another country has ('the Foreign Secretary'): it is
    written from there, and its 'International Development Minister X' is that
    country's too, not the one the article is about."""
    titles: dict[str, str] = index.lex.vocab.get("national_titles", {})
    return any(country(code).key != main.key for t, code in titles.items() if t in text)


def _main_country(doc: Doc, index: MentionIndex) -> Mention | None:
    """The one country the article is about: its names, its adjectives ('Ruritanian', as the
    NER's NORP names) and its big towns vote; the only one with votes, or one with at least
    three and twice as many as any other ('Prime Minister X' in an article that names a town
    of one country and another country once each is no one's)."""
    mentions = {m.start: m for m in index.by_token.values()}.values()
    countries = {m.key: m for m in mentions if m.type == EntityType.COUNTRY}
    votes = Counter(m.key for m in mentions if m.type == EntityType.COUNTRY)
    towns = (index.lex.city(m.label) for m in mentions if m.type == EntityType.PLACE)
    votes.update(country(t.country).key for t in towns if t and t.population >= BIG_TOWN)
    adjectives = (index.lex.demonym(e.text) for e in doc.ents if e.label_ == "NORP")
    votes.update(k.key for k in adjectives if k is not None and k.type == "Country")
    ranked = votes.most_common(2)
    if not ranked or ranked[0][0] not in countries:
        return None
    if len(ranked) == 1 or (ranked[0][1] >= 3 and ranked[0][1] >= 2 * ranked[1][1]):
        return countries[ranked[0][0]]
    return None


_AGAINST = ("against", "over", "by", "to", "from", "with", "v", "vs")


def owning_side(head: Token, index: MentionIndex) -> Mention | None:
    """The team of a player's position written with none ('Flanker X is unlikely to play in
    Ruritania's last two games'): the one team the sentence names, as the owner of a noun
    that no 'against' or 'by' puts on the other side ('the defeat by Ruritania')."""
    sides: dict[str, Mention] = {}
    owners: set[str] = set()
    for t in head.sent:
        m = index.by_token.get(t.i)
        if m is None or not a_team(m, index.teams, index.lex):
            continue
        sides[m.key] = m
        opposed = t.dep_ == "pobj" and t.head.lower_ in _AGAINST
        prep = t.head.head if t.dep_ == "poss" and t.head.dep_ == "pobj" else None
        if t.dep_ == "poss" and not opposed and not (prep is not None and prep.lower_ in _AGAINST):
            owners.add(m.key)
    return sides[next(iter(owners))] if len(sides) == 1 and owners else None
