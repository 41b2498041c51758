"""Named mentions: NER spans and gazetteer names, trimmed and joined ('Acme and Co Inc'), with
aliases in brackets, names glued to a noun ('Liga-chef'), and one type and one person per name
in an article ('Ms Y' is the X Y named before her)."""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from kg.extract.companies import (
    NO_NAME_PREPS,
    company_names,
    country_prefixed,
    given_joined,
    hyphen_joined,
    openers,
    org_then_town,
    prefix_glued,
    recurs_alone,
    runs_on_orgs,
)
from kg.extract.context import (
    context_type,
    employer_named,
    kind_named,
    placed_by_region,
    post_nominal,
    town_named,
    whole_prize,
)
from kg.extract.docs import tokens
from kg.extract.known import known_spans
from kg.extract.lexicon import Lex
from kg.extract.products import whole_product
from kg.extract.repeated import proper, repeated_spans
from kg.extract.runs import and_joined, lone_runs
from kg.extract.works import whole_title, work_spans
from kg.lexicon import load_toml, normalize
from kg.model import Article, EntityType, Mention


def doc_text(doc: Doc) -> str:
    """`doc.text`, made once per Doc: spaCy joins every token again on each call, and a
    mention asking for it made extraction quadratic in the article's length."""
    text = doc.user_data.get("kg.text")
    if not isinstance(text, str):
        text = doc.user_data["kg.text"] = doc.text
    return text


def mention(
    article: Article, doc: Doc, start: int, end: int, etype: str, key: str, label: str
) -> Mention:
    text = doc_text(doc)[start:end]
    return Mention(article.id, text, start, end, EntityType(etype), key, label, article.lang)


_FUNCTION = ("DET", "ADP", "CCONJ")
_MADE_WHOLE = {
    EntityType.WORK: whole_title,
    EntityType.AWARD: whole_prize,
    EntityType.PRODUCT: whole_product,
}


def _trim(span: Span, lex: Lex) -> Span | None:
    """Drop leading determiners, trailing possessives and punctuation, and an unclosed
    bracket with what follows it ('Federation of X (Acme')."""
    dets = lex.words("determiners")
    start, end = span.start, span.end
    doc = tokens(span.doc)  # the Doc's tokens, made once: indexing a Doc makes new ones
    words = [t.text for t in doc[start:end]]
    commas = [start + k for k, w in enumerate(words) if w == ","]
    if commas and lex.gaz.lookup(span.doc[commas[0] + 1 : end].text, lex.lang) is not None:
        end = commas[0]  # 'Ruritown, Ruritania', one name to the NER: the town, then its country
    opened = [start + k for k, w in enumerate(words) if w == "("]
    if opened and ")" not in words[opened[-1] - start :]:
        end = opened[-1]
    skipped = dets | openers(lex)  # 'the', 'Ex-Rovers', 'Outgoing Acme'
    while start < end and (doc[start].lower_ in skipped or _mark(doc[start])):
        start += 1
    while span.label_ == "PERSON" and end - start > 2 and doc[start].lower_ in _professions(lex):
        start += 1  # 'Comedian X Y': a profession, capitalised at a sentence's start
    while span.label_ == "PERSON" and end - start > 1 and doc[start].pos_ == "NOUN":
        if not doc[start].is_lower:
            break
        start += 1  # 'any trade bill X would sign': a common noun opens no one's name
    first = doc[start].text
    size = end - start - sum(1 for t in doc[start:end] if t.dep_ == "case")  # not "X Y's"
    person = size > 2 and (span.label_ == "PERSON" or not lex.demonym(first))
    if person and lex.nationality(first):  # 'Ruritanman', not 'Ruritanian'
        start += 1  # 'Ruritanman X Y', 'Ruritanian Z W': a nationality
    if span.label_ == "PERSON" and end - start == 1 and _half_name(span.doc, start):
        end += 1  # 'Y Z beat X': the tagger made 'Y' an adjective, the NER stopped
    if span.label_ == "PERSON" and end - start > 1:  # 'Party Treasury', a 'person' to the NER
        end = _known_then_portfolio(span.doc, start, end, lex)
    if span.label_ != "PERSON" and start > 0 and _day_on(doc[start - 1], end, lex):
        start -= 1  # 'the Sunday Acme', a newspaper: the NER took the day for a date
    named_at = start
    while (
        span.label_ == "PERSON"
        and start > max(0, named_at - 2)
        and _given_name(doc[start - 1], doc[start], lex)
    ):
        start -= 1  # 'Ann Lee captured ...', where the NER saw only 'Lee' (two words at most)
    if doc[end - 1].pos_ in _FUNCTION and end < len(doc) and doc[end].pos_ == "PROPN":
        while end < len(doc) and doc[end].pos_ == "PROPN":  # NER stopped at 'Office of the'
            end += 1
    while end > start and (
        doc[end - 1].dep_ == "case"
        or doc[end - 1].lower_ in ("'s", "\u2019s")  # 'Acme Radio 4's', mis-parsed
        or _mark(doc[end - 1])
        or doc[end - 1].pos_ in _FUNCTION
    ):
        end -= 1
    if end - start > 2 and doc[end - 1].text in lex.words("post_nominals"):
        end -= 1  # 'X Y QC', a firm to the NER: the letters after a person's name
    while span.label_ == "PERSON" and end - start > 1 and _score_part(doc[end - 1]):
        end -= 1  # 'X Y 7-6': the NER took the score into the name
    verbs = [t.i for t in doc[start + 1 : end] if t.pos_ in ("VERB", "AUX") and t.is_lower]
    verbs += [t.i for t in doc[start + 1 : end] if t.is_lower and t.lower_ in NO_NAME_PREPS]
    if verbs:
        end = min(verbs)  # 'X became Y's third husband', 'a suit by X against Y': no name goes on
    dash = [t.i for t in doc[start + 1 : end] if t.text == "-" and doc[t.i - 1].whitespace_]
    if span.label_ == "PERSON" and dash:
        end = dash[0]  # 'X Y - out of the reckoning': a dash ends a name
    if end - start > 3 and _score(span.doc[end - 3 : end]):
        end -= 3  # 'thrashed Rovers 5-0': a club's name does not end in a score
    return Span(span.doc, start, end, label=span.label) if end > start else None


def _professions(lex: Lex) -> frozenset[str]:
    """Words for what people do ('comedian', 'teacher', 'DJ'), which open no one's name."""

    def make() -> frozenset[str]:
        titles: dict[str, list[str]] = lex.vocab.get("titles", {})
        trades = (["citizenOf"], ["worksFor"])
        jobs = {t for t, p in titles.items() if p in trades and " " not in t}
        return frozenset(jobs | lex.words("person_nouns"))

    found: frozenset[str] = lex.built("profession_words", make)
    return found


def _day_on(tok: Token, end: int, lex: Lex) -> bool:
    """A weekday hung on the name after it as a part of it ('Sunday Acme journalist X')."""
    day = tok.lower_ in lex.words("weekdays") and tok.pos_ == "PROPN" and tok.dep_ == "compound"
    return day and tok.head.i >= tok.i + 1 and tok.head.i < end + 2 and not tok.is_sent_start


def _known_then_portfolio(doc: Doc, start: int, end: int, lex: Lex) -> int:
    """Where a 'person' that is a known organisation and then a portfolio or a title's words
    ends: after the organisation ('Party Treasury spokesman X': the party)."""
    words = lex.words("portfolios") | lex.title_words()
    for k in range(end - 1, start, -1):
        rest = doc[k:end]
        if all(t.lower_ in words for t in rest) and lex.gaz.lookup(doc[start:k].text, lex.lang):
            return k
    return end


def _given_name(tok: Token, first: Token, lex: Lex) -> bool:
    """A capitalised proper noun the NER left out, right before a person's name and hung on it:
    the given name, unless it is a title, an honorific, a country's or a known name."""
    if tok.pos_ != "PROPN" or tok.ent_type_ or tok.dep_ != "compound" or tok.head.i < first.i:
        return False
    if not (tok.is_alpha and tok.text[:1].isupper() and not tok.is_upper):
        return False
    words: frozenset[str] = lex.built("no_given_names", lambda: _no_given_names(lex))
    known = lex.demonym(tok.text) or lex.nationality(tok.text) or lex.gaz.lookup(tok.text, lex.lang)
    return tok.lower_ not in words and not known and not recurs_alone(tok)  # 'Acme X Y', 'Acme'


def _no_given_names(lex: Lex) -> frozenset[str]:
    """Capitalised words before a name that are no given name: 'Chairman', 'Mr', 'Wildcard'."""
    words = lex.words("titles") | lex.title_words() | lex.words("honorifics") | openers(lex)
    return words | lex.words("seed_titles") | lex.words("player_modifiers")


def _word(tok: Token) -> bool:
    """Letters only, or letters joined by '&' ('AT&T'); not 'X-regime', read as a prefix."""
    return tok.is_alpha or tok.text.replace("&", "").isalpha()


def _half_name(doc: Doc, i: int) -> bool:
    after = doc[i + 1] if i + 1 < len(doc) else None
    capital = after is not None and after.text[:1].isupper() and after.pos_ in ("NOUN", "PROPN")
    return doc[i].pos_ == "ADJ" and capital


def _score(last: Span) -> bool:
    return last[0].is_digit and last[1].text == "-" and last[2].is_digit


def _score_part(tok: Token) -> bool:
    return tok.is_digit or tok.text in ("-", "(", ")")


def _mark(tok: Token) -> bool:
    """Punctuation, the angle brackets of a Reuters ticker ('<Acme Corp>'), or the blanks
    kg.nlp.text.plain left where a ticker was."""
    return tok.is_punct or tok.is_space or tok.text in ("<", ">")


def _named_one(article: Article, span: Span, lex: Lex, types: dict[str, str]) -> Mention | None:
    text = span.text  # made once: spaCy joins the tokens each time it is asked
    known = lex.gaz.lookup(text, lex.lang) or lex.people(text)
    doc = span.doc
    if known and _cased(text):  # not 'an Irish republican': no party's name
        label = known.label or text  # a name the gazetteer only types keeps its spelling
        return mention(article, doc, span.start_char, span.end_char, known.type, known.key, label)
    if span.label_ not in types or lex.demonym(text):
        return None
    words = tokens(doc)[span.start : span.end]
    if not any(_word(t) for t in words):
        return None
    if not any(t.pos_ in ("PROPN", "NOUN", "X") for t in words):  # NER on a verb: 'Based in'
        return None
    norm = normalize(text)
    if norm in lex.words("portfolios") or _new_portfolio(words, doc, span.end, lex):
        return None  # 'Finance' of 'Finance Minister', 'New Home' of 'New Home Secretary'
    generic = lex.words("generic_names") | lex.words("titles") | lex.words("disease_names")
    if len(words) == 1 and span.label_ != "PERSON" and norm in lex.title_words():
        return None  # 'Vice' of 'Acme Vice Chairman X', which the NER took for a company
    if norm in generic or not _cased(text):  # or 'Solicitor General',
        return None  # 'Committee', 'Central Bank', 'management board': which one is unsaid
    if _numbered(span, text) or _currency(words, span.label_, lex):
        return None
    if any(t.lower_ in lex.words("fixture_words") for t in words[1:-1]):
        return None  # 'Rovers v United': a fixture, no name
    return mention(
        article, doc, span.start_char, span.end_char, types[span.label_], "name:" + norm, text
    )


def _currency(words: list[Token], label: str, lex: Lex) -> bool:
    """'the N.Z. Dollar', 'Swiss Franc': a currency, not an organisation (a person may be
    called Mark or Real)."""
    last = words[-1]
    if last.lower_ not in lex.words("currency_words"):
        return False
    before = last.doc[last.i - 1] if last.i > 0 else None  # 'the Swiss Franc' (a PERSON)
    return label != "PERSON" or (before is not None and lex.demonym(before.text) is not None)


def _surnames(
    article: Article, missed: list[Span], by_token: dict[int, Mention], lex: Lex
) -> dict[int, Mention]:
    """A capitalised word the NER left out that is the surname of a person the article names
    in full is that person ('Y was born in Ruritown' after 'X Y'), and so is one after an
    honorific ('Mr Y')."""
    people = {
        m.text.split()[-1]
        for m in by_token.values()
        if m.type == EntityType.PERSON and len(m.text.split()) > 1
    }
    honorifics = lex.words("honorifics")
    found: dict[int, Mention] = {}
    for span in missed:
        if len(span) == 2 and span[0].lower_.rstrip(".") in honorifics:
            span = span[1:]  # 'Mr Y' as one run
        titled = span.start > 0 and span.doc[span.start - 1].lower_.rstrip(".") in honorifics
        if len(span) != 1 or not proper(span[0]) or span.label_:  # 'Y praised Z': a noun,
            # to the tagger, at a sentence's start
            continue
        if span.text in people or (titled and span[0].is_alpha and span.text[:1].isupper()):
            key = "name:" + normalize(span.text)
            found[span.start] = mention(
                article, span.doc, span.start_char, span.end_char, "Person", key, span.text
            )
    return found


def _named_by_context(article: Article, span: Span) -> Mention:
    key = "name:" + normalize(span.text)
    return mention(
        article, span.doc, span.start_char, span.end_char, "Organization", key, span.text
    )


def _new_portfolio(words: list[Token], doc: Doc, end: int, lex: Lex) -> bool:
    """'New Home' before 'Secretary': an opener ('new', 'outgoing') and a portfolio, the
    NER's name for the start of a title."""
    after = _title_after(doc, end, lex)
    if after is None or len(words) < 2:
        return False
    rest = " ".join(t.lower_ for t in words[1:])
    title = rest in lex.words("portfolios") or f"{rest} {after.lower_}" in lex.words("titles")
    return words[0].lower_ in openers(lex) | lex.words("portfolio_openers") and title


def _title_after(doc: Doc, end: int, lex: Lex) -> Token | None:
    """The title word right after a name ('New Home | Secretary'), or after 'and' and another
    portfolio ('Federal Resources | and Energy Minister')."""
    titles = lex.title_words()
    if end < len(doc) and doc[end].lower_ in titles:
        return doc[end]
    if end + 2 < len(doc) and doc[end].lower_ in ("and", "&"):
        found = (t for t in doc[end + 1 : end + 4] if t.lower_ in titles)
        return next(found, None)
    return None


def _cased(text: str) -> bool:
    """A name has a capital somewhere ('eAcme', 'al-Beta'); text the NER took for one and that
    has none ('management board') is a common noun."""
    return any(c.isupper() for c in text)


def _numbered(span: Span, text: str) -> bool:
    """The title of a work or product ('Title 9/11', 'Title 13'), which the NER takes for
    a person or cuts before its number: no person's name has a number, and a number the parser
    joins to a name the NER ended before it says the name goes on."""
    doc = span.doc
    if span.label_ == "PERSON" and any(c.isdigit() for c in text):
        return True
    after = doc[span.end] if span.end < len(doc) else None
    score = span.end + 2 < len(doc) and doc[span.end + 1].text == "-" and doc[span.end + 2].is_digit
    return (
        after is not None
        and not score  # 'X Y 7-6 6-2': a score, not a title's number
        and after.pos_ == "NUM"
        and (after.head.i in range(span.start, span.end) or any(t.head.i == after.i for t in span))
    )


def _models(doc: Doc) -> dict[str, EntityType]:
    """Names the article gives a generation's number ('the Beta 2', 'Beta 3'): a product's line,
    whatever the article calls it elsewhere ('the Beta'), not a firm."""
    found = {}
    toks = tokens(doc)
    for i, tok in enumerate(toks[:-1]):
        after = toks[i + 1]
        if len(after.text) != 1 or not after.text.isdigit() or tok.pos_ != "PROPN":
            continue  # a digit, not 'Acme 747'
        numbered = after.pos_ == "NUM" and after.head.i == tok.i and after.dep_ == "nummod"
        rest = toks[i + 2 : i + 4]
        score = any(t.text in ("-", "\u2013") or t.like_num or t.pos_ == "PROPN" for t in rest)
        if numbered and not score and not after.ent_type_:
            found["name:" + normalize(tok.text)] = EntityType.PRODUCT
    return found


def _prefix(article: Article, tok: Token, lex: Lex) -> Mention | None:
    """'Liga-gezanten', 'X-regime': a name glued to a noun by a hyphen."""
    head, sep, _ = tok.text.partition("-")
    if not sep or not head[:1].isupper() or tok.ent_type_ == "PERSON":
        return None
    start = tok.idx
    known = lex.gaz.lookup(head, lex.lang)
    if known:
        return mention(
            article, tok.doc, start, start + len(head), known.type, known.key, known.label
        )
    key = "name:" + normalize(head)
    return mention(article, tok.doc, start, start + len(head), "Organization", key, head)


def _retypable(m: Mention, fixed: EntityType, span: Span) -> bool:
    """A name no gazetteer knows takes the context's type; a town the NER and the context
    both call an organisation is one, of its own key ('X Y, Beta chief economist':
    the bank, not the town)."""
    town = m.type == EntityType.PLACE and span.label_ == "ORG"
    return m.key.startswith("name:") or (town and fixed == EntityType.ORGANIZATION)


def _bracket_aliases(doc: Doc, by_token: dict[int, Mention]) -> dict[int, Mention]:
    """'the Office of Fair Play (OFP)', 'Acme Corp <ACM>': a name in brackets right after a
    name is its alias (an abbreviation, a stock ticker), not an entity of its own; not after
    a person's name ('X Y (Rovers)': the club, the party or the town)."""
    fixed = dict(by_token)
    for m in sorted(set(by_token.values()), key=lambda m: m.start):
        if m.type == EntityType.PERSON:
            continue
        after = doc.char_span(m.end, m.end + 1, alignment_mode="expand")
        if after is None or after.start + 2 >= len(doc) or doc[after.start].text not in "(<":
            continue
        inner = by_token.get(after.start + 1)
        closing = doc[after.start + 2]
        if inner and inner.key.startswith("name:") and closing.text in (")", ">"):
            fixed[after.start + 1] = replace(inner, key=m.key, type=m.type, label=m.label)
    return fixed


def _abbreviates(word: str, name: str) -> bool:
    """'ASE' of 'Acme Stock Exchange': capitals that open with the name's first initial and
    are no more than its words (not '(UK)' after 'Acme Corp')."""
    words = [w for w in name.split() if w[:1].isupper() and w.lower() != "the"]
    fits = 2 <= len(word) <= 6 and word.isupper() and word.isalpha() and len(words) > 1
    return fits and word[0] == words[0][0] and len(word) <= len(name.split())


def _defined_aliases(
    article: Article, doc: Doc, by_token: dict[int, Mention]
) -> dict[int, Mention]:
    """'the Acme Stock Exchange (ASE) ... ASE chief X': an abbreviation the text defines in
    brackets after a name names it wherever it stands alone, whether the NER saw it or not."""
    defined: dict[str, Mention] = {}
    if "(" not in doc_text(doc):
        return {}
    toks = tokens(doc)
    for i in (i for i in range(2, len(toks) - 1) if toks[i - 1].text == "("):
        m, tok = by_token.get(i - 2), toks[i]
        if m is None or toks[i + 1].text != ")" or m.end > toks[i - 1].idx:
            continue
        if m.type != EntityType.PERSON and _abbreviates(tok.text, m.label):
            defined.setdefault(tok.text, m)
    found = {}
    for tok in toks if defined else []:
        m, had = defined.get(tok.text), by_token.get(tok.i)
        if m is not None and (
            had is None or (had.key.startswith("name:") and had.text == tok.text)
        ):
            end = tok.idx + len(tok.text)
            found[tok.i] = mention(article, doc, tok.idx, end, m.type.value, m.key, m.label)
    return found


def named_mentions(
    article: Article, doc: Doc, lex: Lex
) -> tuple[dict[int, Mention], dict[int, Mention]]:
    types: dict[str, str] = load_toml("ner_types.toml")
    by_token: dict[int, Mention] = {}
    prefixes: dict[int, Mention] = {}
    spans = [s for s in (_trim(e, lex) for e in company_names(doc, lex)) if s is not None]
    spans = given_joined(hyphen_joined(spans, lex), lex)  # 'Petro-Ruritania'; 'X' + 'Y Z'
    inside = {i for s in spans for i in range(s.start, s.end)}  # 'FC' of 'Rovers FC'
    no_name = lex.words("titles") | openers(lex)  # 'Party MP X', 'Embattled Acme'
    spans = country_prefixed(spans + lone_runs(doc, inside, no_name), lex)
    spans = and_joined(spans, lex.words("joint_name_heads"))  # 'the X and Y Project'
    spans = runs_on_orgs(hyphen_joined(prefix_glued(spans, lex), lex), lex)  # 'World Anti-Doping
    # Agency', 'AFL-CIO' where the NER saw a part or nothing
    spans = org_then_town(spans, lex)  # 'Acme Ruritown reporter
    spans += known_spans(doc, lex, spans)  # 'Party Democrat' where the NER saw 'Democrat'
    spans += work_spans(doc, lex)  # 'the drama Title Of Words', which the NER missed
    spans = repeated_spans(doc, spans, lex)  # 'Coach X Y ... Y said', where the NER missed Y
    spans = [whole_product(s) if s.label_ == "PRODUCT" else s for s in spans]  # 'Beta Portable'
    sure: dict[str, EntityType] = _models(doc)  # names whose type the context gives
    suffixes = lex.words("corporate_suffixes")
    whole: set[int] = set()  # tokens of work titles made whole ('Title of the Words')
    missed: list[Span] = []
    for span in spans:
        if span.start in whole:
            continue
        mention = _named_one(article, span, lex, types)
        fixed = context_type(span, lex, suffixes) if mention else None
        if mention and fixed is not None and _retypable(mention, fixed, span):
            key = mention.key if mention.key.startswith("name:") else "name:" + normalize(span.text)
            mention = replace(mention, type=fixed, key=key)  # 'Mr X', 'Beta Plc', 'carmaker Acme'
            sure.setdefault(mention.key, fixed)  # the type wherever the article names it
        elif (kind := kind_named(span, lex)) is not None:  # 'wine comedy Title', 'Rovers boss'
            made_whole = _MADE_WHOLE.get(kind)
            if made_whole is not None and (title := made_whole(span)) is not span:
                span, mention = title, None  # 'Finding Title', where the NER saw 'Title'
                whole.update(range(span.start, span.end))
            named = mention or _named_one(article, span, lex, {**types, span.label_: kind.value})
            if named is None and kind == EntityType.ORGANIZATION and span[0].pos_ == "ADJ":
                named = _named_by_context(
                    article, span
                )  # 'Rovers midfielder X', the tagger's adjective
            elif named is None and kind == EntityType.PRODUCT:
                named = _named_by_context(
                    article, span
                )  # 'Title 2': a product's name may have a number
            if named is not None and named.key.startswith("name:"):
                mention = replace(named, type=kind)
                sure[mention.key] = kind
        if mention is None and (town_named(span, lex) or placed_by_region(span, lex)):
            mention = _named_one(article, span, lex, {span.label_: "Place"})
        elif mention is None and employer_named(span, lex):  # 'an analyst at Acme'
            mention = _named_one(article, span, lex, {span.label_: "Organization"})
        if mention is None and len(span) == 1 and "-" in span.text:
            prefix = _prefix(article, span[0], lex)
            if prefix:
                prefixes[span[0].i] = prefix
        elif mention is not None:
            if mention.type == EntityType.PERSON and post_nominal(doc, span.end, lex):
                span = doc[span.start : span.end + 1]  # 'X Y QC': named 'X Y', the phrase's head
                mention = replace(mention, end=span.end_char, text=span.text)
            by_token.update({t.i: mention for t in span})
        else:
            missed.append(span)
    by_token.update(_surnames(article, missed, by_token, lex))
    by_token = {  # what the context calls a work or a team is one wherever the article names it
        i: replace(m, type=sure[m.key]) if m.key in sure else m for i, m in by_token.items()
    }
    by_token = _bracket_aliases(doc, by_token)
    return {**by_token, **_defined_aliases(article, doc, by_token)}, prefixes
