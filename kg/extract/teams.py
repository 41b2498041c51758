"""Teams named by the contest they are in: the subject and the object of a verb of beating
('Rovers defeated United 4-0', 'City beat Athletic', 'Wanderers lost to Albion') are
teams (or players, or countries), whatever the NER made of them; so is what a player signs
for or someone joins ('X joined Ruritown': a club, not the town). The NER takes a club named
after its town for the town, or misses it; a place cannot beat anyone, so the domain check
then drops a true `defeats`. The verbs are the generated rules' for `defeats`
(kg/data/verbs_<lang>.toml); a team so named is an organisation wherever the article names it.
"""

from __future__ import annotations

import re
from dataclasses import replace

from spacy.symbols import NOUN, VERB
from spacy.tokens import Doc, Span, Token

from kg.extract.companies import named_with_legal_form, openers
from kg.extract.docs import adverb_object, kids, tokens
from kg.extract.lexicon import Lex
from kg.extract.lineups import lineup_mentions
from kg.extract.named import doc_text, mention
from kg.lexicon import BIG_TOWN, normalize
from kg.model import Article, EntityType, Mention

_PARTS = ("compound", "flat")
_KINDS = (VERB, NOUN)  # the parts of speech of the words of beating, as spaCy's ids


def _contest_words(lex: Lex) -> dict[tuple[str, str], list[str]]:
    """(lemma, VERB or NOUN) -> the object slots ('dobj', 'prep:to') of the verb rules and the
    nominalisations for `defeats` ('X beat Y', 'X lost to Y', "X's victory over Y"), and of
    the rules for joining and signing ('X joined Ruritown'); made once."""
    found: dict[tuple[str, str], list[str]] = lex.built("contest_words", lambda: _collect(lex))
    return found


def _collect(lex: Lex) -> dict[tuple[str, str], list[str]]:
    found: dict[tuple[str, str], list[str]] = {}
    for rule in lex.vocab.get("verbs", []):
        joins = rule.get("object_types") == ["Organization"] and "worksFor" in rule["predicate"]
        if {"defeats", "playsFor"} & set(rule["predicate"]) or joins:
            for lemma in rule["lemmas"]:
                found.setdefault((lemma, "VERB"), []).extend(rule["object"])
    for noun, entries in lex.vocab.get("nominalisations", {}).items():
        for entry in entries if isinstance(entries, list) else [entries]:
            if entry["predicate"] == "defeats":  # both sides: "Ruritania's defeat TO Borduria"
                slots = [*entry["agent"], *entry["object"]]
                found.setdefault((noun, "NOUN"), []).extend(
                    p if p == "poss" else "prep:" + p for p in slots
                )
    return found


def _sides(word: Token, slots: list[str]) -> list[Token]:
    """The subject and the objects of a verb of beating; a passive's subject and agent ('Ruritania
    were beaten by Borduria')."""
    subjects = ("nsubj", "nsubjpass")
    found = [c for c in kids(word) if c.dep_ in subjects] if word.pos_ == "VERB" else []
    found += adverb_object(word) if word.pos_ == "VERB" else []  # 'beat Rovers 2-1'
    if word.pos_ == "NOUN" and word.dep_ == "dobj":  # 'X suffered a defeat to Y'
        found += [c for c in kids(word.head) if c.dep_ in subjects]
    if word.pos_ == "NOUN" and word.dep_ == "pobj" and word.head.lower_ in ("to", "with"):
        found += [c for c in kids(word.head.head) if c.dep_ in subjects]  # 'with a win over'
    found += [g for c in kids(word) if c.dep_ == "agent" for g in kids(c)]
    for slot in slots:
        dep, _, prep = slot.partition(":")
        if dep == "prep":
            found += [g for c in kids(word) if c.lower_ == prep for g in kids(c)]
        else:
            found += [c for c in kids(word) if c.dep_ == dep]
    return [t for t in found if t.pos_ == "PROPN"]


def _name_at(tok: Token) -> Span:
    """The proper name ending at `tok` ('Ruritown United')."""
    start = tok.i
    while start > 0 and tok.doc[start - 1].pos_ == "PROPN" and tok.doc[start - 1].dep_ in _PARTS:
        start -= 1
    return tok.doc[start : tok.i + 1]


_NAME = r"[A-Z][\w.'&]*(?:[ -][A-Z][\w.'&]*){0,3}"
_SCORE_LINE = re.compile(rf"^({_NAME}) (\d{{1,3}})-(\d{{1,3}}) ({_NAME})[ \t]*$", re.MULTILINE)


def score_lines(doc: Doc) -> list[tuple[Span, int, Span, int]]:
    """Result lines, as a match report's headline gives them: 'Rovers 19-20 United', 'Ruritown
    City 2-1 Bordur Town' (a line of its own): the two sides and their scores."""
    found = []
    for m in _SCORE_LINE.finditer(doc_text(doc)):
        home = doc.char_span(m.start(1), m.end(1), alignment_mode="expand")
        away = doc.char_span(m.start(4), m.end(4), alignment_mode="expand")
        if home is not None and away is not None:
            found.append((home, int(m.group(2)), away, int(m.group(3))))
    return found


def _side(article: Article, doc: Doc, named: Span, known: Mention | None) -> Mention:
    """The mention of one side of a contest: the one the NER found, if it is just that name;
    else the name itself, as a team ('Ruritown City 2-1 Bordur Town' was one name to the
    NER; it missed 'Rovers' in 'Rovers beat United')."""
    if known is not None and (known.start, known.end) == (named.start_char, named.end_char):
        return known
    text, key = named.text, "name:" + normalize(named.text)
    return mention(article, doc, named.start_char, named.end_char, "Organization", key, text)


def _side_like(tok: Token, lex: Lex) -> bool:
    """A capitalised word the NER missed, as a side: not a nationality, nor a name whose number
    the parser split off ('the Four Shires win over Ruritania': a competition)."""
    numbered = any(c.dep_ == "nummod" and c.text[:1].isupper() for c in kids(tok))
    return tok.text[:1].isupper() and not numbered and not _national(tok, lex)


def _national(tok: Token, lex: Lex) -> bool:
    """'beat Ruritanian qualifier X': a nationality, no team."""
    return bool(lex.demonym(tok.text) or lex.nationality(tok.text))


def contest_teams(
    article: Article, doc: Doc, lex: Lex, by_token: dict[int, Mention]
) -> tuple[dict[int, Mention], frozenset[str]]:
    """`by_token` with the sides of a contest typed as teams (a person or a country stays),
    and the keys of the teams the article names: the sides, and the names on a player's or a
    coach's title ('Rovers midfielder X', "United's coach Y")."""
    words = _contest_words(lex)
    keys: set[str] = set()
    players: set[str] = set()  # 'X suffered a defeat to Y Z', an organisation to the NER
    found: dict[int, Mention] = {}
    lemmas = {doc.vocab.strings.add(lemma) for lemma, _ in words}  # as ids: a cheap test
    for word in (t for t in tokens(doc) if t.lemma in lemmas and t.pos in _KINDS):
        if (word.lemma_.lower(), word.pos_) not in words:
            continue
        sides = _sides(word, words[word.lemma_.lower(), word.pos_])
        clubs = _clubs_as_people(sides, by_token, lex)
        keys |= clubs
        players |= _people_as_clubs(sides, by_token, lex, clubs)
        for side in sides:
            known = by_token.get(side.i)
            if known is not None and known.key in players:
                continue
            if known is not None and known.type == EntityType.PLACE:
                keys.add(known.key)
            elif known is not None and known.type == EntityType.ORGANIZATION and len(sides) > 1:
                keys.add(known.key)  # 'Rovers beat United'; not 'Acme beat forecasts'
            elif known is None and _side_like(side, lex):
                named = _name_at(side)
                team = _side(article, doc, named, None)
                found.update({i: team for i in range(named.start, named.end)})
                keys.add(team.key)
    dropped: set[int] = set()  # the NER's one name over a whole result line
    for line in score_lines(doc):
        dropped.update(range(line[0].start, line[2].end))
        for named in (line[0], line[2]):
            team = _side(article, doc, named, by_token.get(named.end - 1))
            found.update({i: team for i in range(named.start, named.end)})
            keys.update([team.key] if team.type != EntityType.COUNTRY else [])
    for i, team in titled_sides(article, doc, lex, by_token).items():
        found[i] = team
        keys.add(team.key)
    listed, lined = lineup_mentions(article, doc, lex, by_token)  # 'A Bee (Rovers), ...'
    found.update(listed)
    keys |= lined
    players |= {m.key for m in listed.values() if m.type == EntityType.PERSON}
    typed = {
        i: _retyped(m, keys, players)
        for i, m in {**by_token, **found}.items()
        if i in found or i not in dropped
    }
    return typed, frozenset(keys | _titled_teams(doc, lex, typed))


def _retyped(m: Mention, teams: set[str], players: set[str]) -> Mention:
    if m.key in players:
        return replace(m, type=EntityType.PERSON)
    return replace(m, type=EntityType.ORGANIZATION) if m.key in teams else m


def _people_as_clubs(
    sides: list[Token], by_token: dict[int, Mention], lex: Lex, clubs: set[str]
) -> set[str]:
    """A 'company' of two or three words that beats or loses to a person named in full is a
    person ('X suffered a defeat to Y Z'): clubs play clubs, people people."""
    known = [m for t in sides if (m := by_token.get(t.i)) is not None]
    if not any(m.type == EntityType.PERSON and m.key not in clubs for m in known):
        return set()
    return {
        m.key
        for m in known
        if m.type == EntityType.ORGANIZATION
        and not m.is_known
        and 2 <= len(m.label.split()) <= 3
        and not named_with_legal_form(m.label, lex)
    }


def side_title_at(doc: Doc, i: int, titles: frozenset[str]) -> int:
    """The first token of a player's or a coach's title ending at token i ('prop',
    'loose-head', 'number eight'), or -1."""
    for start in (i - 2, i - 1, i):
        if start >= 0 and joined_title(doc[start : i + 1]) in titles:
            return start
    return -1


def joined_title(words: Span) -> str:
    """A title as the lexicon spells it: 'loose-head' of 'loose - head'."""
    return re.sub(r"\s*-\s*", "-", words.text.lower())


def titled_sides(
    article: Article, doc: Doc, lex: Lex, by_token: dict[int, Mention]
) -> dict[int, Mention]:
    """Teams named right before a player's or a coach's title that is right before a name:
    'Rovers lock Y Z', 'United prop W V', 'City back X', which the parser tears
    apart (it made 'lock' a verb, 'Rovers' its subject); by token, as organisations."""
    titles = side_titles(lex)
    found: dict[int, Mention] = {}
    for tok in tokens(doc):
        person = by_token.get(tok.i + 1)
        if person is None or person.type != EntityType.PERSON or person.start < tok.idx:
            continue
        start = side_title_at(doc, tok.i, titles) if tok.is_lower else -1
        run = _capitalised_before(doc, start) if start > 0 else None
        while run is not None and len(run) > 1 and run[0].lower_ in openers(lex):
            run = run[1:]  # 'Former Ruritania captain X': the side is Ruritania
        if run is None or former_before(doc, run.start, lex):
            continue
        if lex.demonym(run.text) or lex.nationality(run.text):
            continue  # 'Ruritanian player X': a nationality, no team
        known = by_token.get(run.end - 1)
        if doc[run.start].is_sent_start and known is None:
            continue  # 'Veteran prop X': a sentence's first word may be any word
        if known is not None and known.type == EntityType.COUNTRY:
            continue  # 'Ruritania prop X': the country's side, as the title rules read it
        if known is not None and (known.start, known.end) == (run.start_char, run.end_char):
            team = replace(known, type=EntityType.ORGANIZATION)
        else:
            team = _side(article, doc, run, None)
        found.update({i: team for i in range(run.start, run.end)})
    return found


def _capitalised_before(doc: Doc, end: int) -> Span | None:
    """The capitalised words right before token `end` (at most three)."""
    start = end
    while start > max(0, end - 3) and doc[start - 1].text[:1].isupper() and doc[start - 1].is_alpha:
        start -= 1
    while start < end and doc[start].pos_ == "DET":  # 'The Rovers prop X'
        start += 1
    return doc[start:end] if start < end else None


def former_before(doc: Doc, start: int, lex: Lex) -> bool:
    """'former Ruritania and Lions prop X', 'ex-Rovers striker Y': a side once played for."""
    words = lex.words("former_markers")
    before = [t.lower_ for t in doc[max(0, start - 3) : start]]
    return any(w in words or w.split("-")[0] in words for w in before)


def _clubs_as_people(sides: list[Token], by_token: dict[int, Mention], lex: Lex) -> set[str]:
    """A one-word 'person', or one named after a town ('Ruritown United'), that beats or
    loses to a team is a team ('Rovers beat United', Rovers a person to the NER): people
    beat people, not clubs."""
    known = [m for t in sides if (m := by_token.get(t.i)) is not None]
    teams = any(m.type == EntityType.ORGANIZATION for m in known) or len(known) < len(sides)
    people = [m for m in known if m.type == EntityType.PERSON and _club_like(m, lex)]
    return {m.key for m in people} if teams else set()


def _club_like(m: Mention, lex: Lex) -> bool:
    words = m.label.split()
    town = lex.city(words[0]) if len(words) > 1 else None
    return len(words) == 1 or (town is not None and town.population >= BIG_TOWN)


def _titled_teams(doc: Doc, lex: Lex, by_token: dict[int, Mention]) -> set[str]:
    """The clubs on players' and coaches' titles ('Rovers midfielder X', 'United coach Y')."""
    titles = side_titles(lex)
    return {
        m.key
        for tok in tokens(doc)
        if tok.pos == NOUN and tok.lemma_.lower() in titles
        for c in kids(tok)
        if c.dep_ in ("compound", "poss", "nmod")
        and (m := by_token.get(c.i)) is not None
        and m.type == EntityType.ORGANIZATION
    }


def side_titles(lex: Lex) -> frozenset[str]:
    """The titles of players and coaches ([titles] giving playsFor or coaches; not 'boss' or
    'chairman', which companies have too)."""

    def make() -> frozenset[str]:
        titles: dict[str, list[str]] = lex.vocab.get("titles", {})
        return frozenset(t for t, p in titles.items() if {"playsFor", "coaches"} & set(p))

    found: frozenset[str] = lex.built("side_titles", make)
    return found


def a_team(m: Mention, teams: frozenset[str], lex: Lex) -> bool:
    """A team the article names: one the context made a team, or, in an article about a contest
    (it names teams), an organisation no gazetteer knows and no legal form makes a company
    ("Rovers' Y"; not Beta, not Acme Corp)."""
    if m.key in teams:
        return True
    if not teams or m.type != EntityType.ORGANIZATION or not m.key.startswith("name:"):
        return False
    return not named_with_legal_form(m.label, lex)
