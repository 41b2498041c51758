"""Company names as the NER leaves them: 'Acme and Co Inc' and 'Acme and Beta Plc' are one
name (the NER often ends it at 'and'), 'Rovers FC' too (it ends at the town), and a country
right after a company's name is its national arm ('Acme Ruritania'). A legal form at the end makes a
name an organisation, whatever type the NER gave it."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from kg.extract.docs import tokens
from kg.extract.lexicon import Lex
from kg.lexicon import BIG_TOWN


def company_names(doc: Doc, lex: Lex) -> list[Span]:
    """Entity spans, with 'Acme and Co Inc' one name (NER often ends it at 'and'), and so
    'Acme Ruritania': a country right after a company's name is its national arm."""
    suffixes = lex.words("corporate_suffixes")
    ents: list[Span] = []
    split = [p for e in doc.ents for p in _split_of(e, suffixes, lex)]
    surnames = {e[-1].lower_ for e in doc.ents if e.label_ == "PERSON" and len(e) > 1}
    for ent in _with_unmarked(doc, split, suffixes):
        if _form_after(ent, suffixes) or _number_after(ent):  # 'Rovers FC', 'Acme Three'
            ent = Span(doc, ent.start, ent.end + 1, label=ent.label)
        prev = ents[-1] if ents else None
        if prev is None:
            ents.append(ent)
            continue
        gap = doc[prev.end : ent.start]
        joined = len(gap) == 1 and gap[0].lower_ in ("and", "&", "en")
        suffix = joined and all(t.lower_.strip(".") in suffixes for t in ent)
        named = ent[:-1] if len(ent) > 2 and ent[-1].dep_ == "case" else ent  # "Beta Inc's"
        founders = prev.label_ != "GPE" and len(prev) == 1 and legal_form(named, suffixes)
        suffix = suffix or (joined and founders)  # 'X and Y Plc', 'Alpha and Beta Inc'
        if joined and _partners(prev, ent, surnames):
            ents[-1] = Span(doc, prev.start, ent.end, label="ORG")  # 'X and Y', a firm
            continue
        if suffix or (not gap and _arm(prev, ent, lex)):
            ents[-1] = Span(doc, prev.start, ent.end, label=prev.label)
        else:
            ents.append(ent)
    return ents


def _partners(prev: Span, ent: Span, surnames: set[str]) -> bool:
    """'X and Y' (a publisher, say): two lone names the NER took for people, joined by
    'and', neither the surname of a person the article names in full nor after an
    honorific, and named so more than once: a firm named after its founders (not 'X and
    Y', once 'Ann X' is named, nor 'X and Y finished fourth and fifth')."""
    if prev.label_ != "PERSON" or ent.label_ != "PERSON" or len(prev) != 1 or len(ent) != 1:
        return False
    before = prev.doc[prev.start - 1] if prev.start > 0 else None
    titled = before is not None and before.text[:1].isupper() and before.pos_ == "PROPN"
    named = f"{prev.text} and {ent.text}"
    again = prev.doc.text.count(named) > 1  # a firm's name recurs; not 'X and Y finished'
    return again and not titled and not {prev[0].lower_, ent[0].lower_} & surnames


NO_NAME_PREPS = frozenset({"against", "versus", "vs", "over", "from", "by", "with"})  # in no name


def _split_of(ent: Span, suffixes: frozenset[str], lex: Lex) -> list[Span]:
    """'Acme Grain Co of Ruritown' (one name to the NER): the company, and the place
    it is of (kg.extract.organisations reads basedIn), but not a country ('Acme Corp of
    Ruritania' is the name of Acme's Ruritanian arm); 'Beta Inc and Gamma Corp': two."""
    doc = ent.doc
    cut = [t.i for t in ent[1:-1] if t.is_lower and t.lower_ in NO_NAME_PREPS]
    if cut:  # 'Acme Co against Beta Union', one name to the NER: two
        first, second = Span(doc, ent.start, cut[0], label=ent.label), doc[cut[0] + 1 : ent.end]
        return [
            first,
            *_split_of(Span(doc, second.start, second.end, label=ent.label), suffixes, lex),
        ]
    for k in range(ent.start + 2, ent.end):
        two = (
            doc[k].lower_ in ("and", "&")
            and k + 2 < ent.end
            and _suffix(doc[ent.end - 1], suffixes)
        )
        if two and _suffix(doc[k - 1], suffixes):  # 'Beta Inc and Gamma Corp': two companies
            return [Span(doc, ent.start, k, label="ORG"), Span(doc, k + 1, ent.end, label="ORG")]
        if doc[k].lower_ != "of" or not _suffix(doc[k - 1], suffixes):
            continue
        company = Span(doc, ent.start, k, label="ORG")  # the NER may end at 'Co of'
        place = [Span(doc, k + 1, ent.end, label="GPE")] if doc[k + 1 : ent.end].text else []
        known = lex.gaz.lookup(place[0].text, lex.lang) if place else None
        if known is not None and known.type == "Country":
            return [ent]  # 'Acme Corp of Ruritania': a national arm's own name
        return [company, *place]
    return [ent]


def _with_unmarked(doc: Doc, ents: list[Span], suffixes: frozenset[str]) -> list[Span]:
    """The NER's spans and the names it missed that end in a legal form ('Acme Co of
    Ruritown'): capitalised words before 'Co', 'Inc', 'Ltd' ..., in text order."""
    marked = {i for e in ents for i in range(e.start, e.end)}
    found = list(ents)
    for tok in tokens(doc):
        if tok.i in marked or not _suffix(tok, suffixes):
            continue
        start = tok.i
        while start > 0 and doc[start - 1].pos_ == "PROPN" and doc[start - 1].i not in marked:
            start -= 1
        if start < tok.i:
            found.append(Span(doc, start, tok.i + 1, label="ORG"))
    return sorted(found, key=lambda s: s.start)


def _suffix(tok: Token, suffixes: frozenset[str]) -> bool:
    return tok.text[:1].isupper() and tok.lower_.strip(".") in suffixes


def _number_after(ent: Span) -> bool:
    """A channel or a station numbered by a capitalised word: 'Acme Three', 'Beta Five'."""
    doc = ent.doc
    after = doc[ent.end] if ent.end < len(doc) else None
    return (
        ent.label_ == "ORG"
        and after is not None
        and after.is_alpha
        and after.is_title
        and after.like_num
        and after.ent_type_ in ("", "CARDINAL")
    )


def _form_after(ent: Span, suffixes: frozenset[str]) -> bool:
    doc = ent.doc
    after = doc[ent.end] if ent.end < len(doc) else None
    return after is not None and not after.ent_type_ and _suffix(after, suffixes)


def named_with_legal_form(label: str, lex: Lex) -> bool:
    """The name's last word is a company's legal form ('Acme Laboratories Inc')."""
    return label.rsplit(" ", 1)[-1].lower().strip(".") in lex.words("corporate_suffixes")


def legal_form(span: Span, suffixes: frozenset[str]) -> bool:
    """The name ends in a company's legal form ('Inc', 'Plc', 'NV', 'FC'): an organisation."""
    return len(span) > 1 and span[-1].lower_.strip(".") in suffixes


def _arm(company: Span, country: Span, lex: Lex) -> bool:
    known = lex.gaz.lookup(country.text, lex.lang)
    return (
        company.label_ == "ORG"
        and lex.gaz.lookup(company.text, lex.lang) is None
        and len(country) == 1
        and known is not None
        and known.type == "Country"
    )


def country_prefixed(spans: list[Span], lex: Lex) -> list[Span]:
    """'Ruritania Online': a country the NER found, on a capitalised name it left out
    right after it, is the first word of that name (an organisation's), not a country. Not a
    group's noun: 'the Ruritania Government' is Ruritania's government."""
    nouns = lex.words("groups") | lex.words("events")
    spans = [s for s in spans if s.label_ or s[-1].lemma_.lower() not in nouns]
    by_start = {s.start: s for s in spans}
    out: list[Span] = []
    merged: set[int] = set()
    for s in spans:
        run = by_start.get(s.end)
        if run is not None and _portfolio_run(run, lex):
            run = None  # 'Ruritania Interior Secretary X': the country's minister, no firm
        if s.label_ == "GPE" and run is not None and not run.label_ and _on(s[-1], run):
            out.append(Span(s.doc, s.start, run.end, label="ORG"))
            merged.add(run.start)
        elif s.start not in merged:
            out.append(s)
    return out


def _portfolio_run(run: Span, lex: Lex) -> bool:
    """A portfolio's words right before a title ('Interior' of 'Interior Secretary')."""
    doc = run.doc
    after = doc[run.end] if run.end < len(doc) else None
    words = lex.words("portfolios")
    portfolio = all(t.lower_ in words for t in run)
    return portfolio and after is not None and after.lower_ in lex.title_words()


def hyphen_joined(spans: list[Span], lex: Lex) -> list[Span]:
    """'Petro-Ruritania', 'Acme-Beta': two names the NER found on the two sides of a hyphen
    with no space are one name (an organisation's; two people's: one person's), unless both
    are places ('the Ruritania-Borduria talks') or a people's ('Anglo-Ruritanian')."""
    by_start = {s.start: s for s in spans}
    out: list[Span] = []
    merged: set[int] = set()
    for s in spans:
        after = by_start.get(s.end + 1)
        if s.start in merged:
            continue
        opener = s.text.lower() in openers(lex)
        if after is None or not _glued(s, after) or (_place(s, lex) and _place(after, lex)):
            out.append(s)
            continue
        if opener or len(s.text) < 2:  # 'Ex-Rovers striker X': the side is Rovers; 'D-Vt.'
            out.append(s)
            continue
        people = s.label_ == after.label_ == "PERSON"
        out.append(Span(s.doc, s.start, after.end, label="PERSON" if people else "ORG"))
        merged.add(after.start)
    return out


def openers(lex: Lex) -> frozenset[str]:
    """Words on a title the NER may take into the name after it ('Former Acme chief X',
    'Ex-Rovers striker Y', 'Outgoing Beta chairman Z'), made once."""
    words: frozenset[str] = lex.built(
        "openers", lambda: lex.words("name_openers") | lex.words("former_markers")
    )
    return words


def prefix_glued(spans: list[Span], lex: Lex) -> list[Span]:
    """'AFL-CIO', where the NER saw only 'CIO': a capitalised word glued by a hyphen to the
    start of an organisation's name is part of it."""
    doc = spans[0].doc if spans else None
    taken = {i for s in spans for i in range(s.start, s.end)}
    out = []
    for s in spans:
        i = s.start - 2
        if doc is None or s.label_ != "ORG" or i < 0 or i in taken:
            out.append(s)
            continue
        word, dash = doc[i], doc[i + 1]
        glued = dash.text == "-" and not word.whitespace_ and not dash.whitespace_
        named = word.is_alpha and word.text[:1].isupper() and word.lower_ not in openers(lex)
        out.append(Span(doc, i, s.end, label=s.label_) if glued and named else s)
    return out


def runs_on_orgs(spans: list[Span], lex: Lex) -> list[Span]:
    """'World Anti-Doping Agency', where the NER saw only 'Anti-Doping Agency': a run of
    the words that open organisations' names (`org_name_openers`) it left out, right before
    an organisation's name, opens it (not 'Advisors Acme Corp')."""
    words = lex.words("org_name_openers")
    by_start = {s.start: s for s in spans}
    out: list[Span] = []
    merged: set[int] = set()
    for s in sorted(spans, key=lambda s: s.start):
        after = by_start.get(s.end)
        if s.start in merged:
            continue
        run = not s.label_ and all(t.text[:1].isupper() and t.lower_ in words for t in s)
        if run and after is not None and after.label_ == "ORG" and s.doc[s.end - 1].whitespace_:
            out.append(Span(s.doc, s.start, after.end, label="ORG"))
            merged.add(after.start)
        else:
            out.append(s)
    return out


def given_joined(spans: list[Span], lex: Lex) -> list[Span]:
    """'X Y Z', where the NER saw a firm 'X' and a person 'Y Z': one capitalised word no
    gazetteer knows, hung on the person's name right after it, is the given name."""
    by_start = {s.start: s for s in spans}
    out: list[Span] = []
    merged: set[int] = set()
    for s in spans:
        after = by_start.get(s.end)
        if s.start in merged:
            continue
        if after is None or after.label_ != "PERSON" or len(s) != 1 or s.label_ != "ORG":
            out.append(s)
            continue
        one = s[0].is_title and s[0].pos_ == "PROPN" and s[0].head in after
        alone = one and not recurs_alone(s[0])  # not 'Acme X Y' ... 'Acme said'
        if alone and not (lex.gaz.lookup(s.text, lex.lang) or lex.city(s.text)):
            out.append(Span(s.doc, s.start, after.end, label="PERSON"))
            merged.add(after.start)
            continue
        out.append(s)
    return out


def recurs_alone(tok: Token) -> bool:
    """The word comes again in the document before another word than the one after it here
    ('Acme X Y said ... Acme said': Acme names something of its own)."""
    doc, after = tok.doc, tok.nbor(1).text if tok.i + 1 < len(tok.doc) else ""
    return any(
        t.text == tok.text and t.i != tok.i and (t.i + 1 == len(doc) or doc[t.i + 1].text != after)
        for t in doc
    )


def _glued(first: Span, second: Span) -> bool:
    doc = first.doc
    dash = doc[first.end]
    return dash.text == "-" and not doc[first.end - 1].whitespace_ and not dash.whitespace_


def _place(span: Span, lex: Lex) -> bool:
    if span.label_ == "NORP" or lex.demonym(span.text) is not None:
        return True
    known = lex.gaz.lookup(span.text, lex.lang)
    return (known is not None and known.type in ("Country", "Place")) or lex.city(
        span.text
    ) is not None


def _on(country: Token, run: Span) -> bool:
    """On the run, or beside it on the same word ('Ruritania Online general manager')."""
    if country.dep_ not in ("compound", "nmod"):
        return False
    return run.start <= country.head.i < run.end or country.head == run[-1].head


def org_then_town(spans: list[Span], lex: Lex) -> list[Span]:
    """'Acme Ruritown' (one place to the NER): an organisation the gazetteer knows or an acronym,
    then a big town, is the organisation and the town ('Acme Ruritown reporter X' reports for
    Acme from Ruritown)."""
    out: list[Span] = []
    for s in spans:
        cut = _known_then_town(s, lex) if len(s) > 1 else None
        if cut is None:
            out.append(s)
            continue
        out += [Span(s.doc, s.start, cut, label="ORG"), Span(s.doc, cut, s.end, label="GPE")]
    return out


def _known_then_town(span: Span, lex: Lex) -> int | None:
    """Where the town starts, after a known organisation or an acronym that is no country's."""
    for cut in range(span.start + 1, span.end):
        first = span.doc[span.start : cut].text
        if not span.doc[cut - 1].whitespace_:
            continue  # 'A-Mobile' is one name, whatever 'Mobile' is
        known = lex.gaz.lookup(first, lex.lang)
        acronym = first.isalpha() and first.isupper() and len(first) > 1
        org = known.type == "Organization" if known else acronym
        town = lex.city(span.doc[cut : span.end].text)
        if org and town is not None and town.population >= BIG_TOWN:
            return cut
    return None
