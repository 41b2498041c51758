"""Line-ups: the team lists of a match report, read by their form, not parsed (the parser
makes nothing of them). Two forms:
- a player and the club in brackets, three or more in a row: 'A Bee (Rovers), C Dee (United,
  capt), E Eff (Ruritania)';
- a side, a colon and its players, at least eight, and the replacements after it:
  'Ruritania: A Bee; C Dee, E Eff, ... G Gee (capt). Replacements: H Aitch, I Eye.'
Only in an article that has a word of a line-up (`lineup_markers`: 'squad', 'replacements',
'capt', ...): a list of people with their towns in brackets names no clubs. A player is a
person the NER found or a name it missed, never a company or a country it found; a side
the NER took for a town or a person is a club ('Sale', 'Narbonne').
The bracketed form with works in the brackets is a cast list ('A Bee (Title), C Dee (Other
Title), ...', a bracket the article names as a work): its people star in them, where the
sentence has a word of acting and none of a film's crew (`acting_words`, `crew_words`)."""

from __future__ import annotations

import re
from dataclasses import replace

from spacy.tokens import Doc, Span

from kg.extract.lexicon import Lex
from kg.extract.named import doc_text, mention
from kg.lexicon import normalize
from kg.model import Article, EntityType, Mention

_WORD = r"(?:[A-Z]\.|[A-Z][\w'\u2019-]*)"  # a name's word, or an initial with its dot
_PARTICLE = r"(?:de|van|der|den|du|le|la|di|da|von|dos|del|dal|el)"
_PLAYER = rf"\b(?:(?:{_WORD}|{_PARTICLE}) ){{0,3}}{_WORD}"
_CAP = r"[A-Z][\w'\u2019.&-]*"
_SMALL = r"(?:of|the|and|in|on|a|an|with|for|to|at|de|la|le)"
_SIDE = rf"{_CAP}(?: (?:{_SMALL} )*{_CAP}){{0,4}}"  # 'Stade Francais', 'My Summer of Love'
_BRACKETED = re.compile(rf"({_PLAYER}) \(({_SIDE})(?:/[A-Z]+)?(?:, ?capt\.?)?\)")
_BETWEEN = re.compile(r"\s*[,;]\s*(?:and\s+)?")
_ITEM = re.compile(rf"({_PLAYER})(?: \((?:capt\.?|{_SIDE})\))?")
_TEAM_LINE = re.compile(rf"(?:^|(?<=[.!?] ))({_SIDE}): ", re.MULTILINE)
_SEPARATOR = re.compile(r"[,;] ")
_NEXT_HEADING = re.compile(r"\.?\s*(\w+): ")
_LEAST_BRACKETED, _LEAST_LISTED = 3, 8

Pair = tuple[tuple[int, int], tuple[int, int]]  # a player's and a side's character spans


def lineup_pairs(doc: Doc) -> list[tuple[Span, Span]]:
    """(player, side) of the article's line-ups, as the mention stage found them
    (`lineup_mentions`), for this pass only (kg.extract.extract drops them)."""
    found = doc.user_data.get(_KEY)
    return found if isinstance(found, list) else []


_KEY = "kg.lineups"


def cast_pairs(doc: Doc) -> list[tuple[Span, Span]]:
    """(actor, work) of the article's cast lists ('A Bee (Title), C Dee (Other Title)'), as
    the mention stage found them, for this pass only."""
    found = doc.user_data.get(_CAST_KEY)
    return found if isinstance(found, list) else []


_CAST_KEY = "kg.casts"


def _pairs(doc: Doc, lex: Lex, by_token: dict[int, Mention]) -> tuple[list[Pair], list[Pair]]:
    """The line-ups' (player, side) pairs, and the cast lists' (actor, work) pairs: people
    with works in brackets, in a sentence with a word of acting and none of directing."""
    text = doc_text(doc)
    bracketed = _bracketed(text)
    people = bool(bracketed) and _mostly_people(doc, bracketed, by_token)
    if people and _works(doc, bracketed, by_token):
        return [], [p for p in bracketed if _acted(doc, p, lex)]
    if _markers(lex).search(text) is None:
        return [], []
    return sorted((bracketed if people else []) + _team_lines(text, lex)), []


def _acted(doc: Doc, pair: Pair, lex: Lex) -> bool:
    sent = doc[_token_at(doc, pair[0][0])].sent
    words = {t.lemma_.lower() for t in sent}
    return bool(words & lex.words("acting_words")) and not words & lex.words("crew_words")


def _markers(lex: Lex) -> re.Pattern[str]:
    """A word of `lineup_markers`, as one pattern made once (a scan of the text, not of
    every token: this runs on every article)."""

    def make() -> re.Pattern[str]:
        words = sorted(lex.words("lineup_markers"), key=len, reverse=True)
        return re.compile(r"\b(?:" + "|".join(map(re.escape, words)) + r")\b", re.IGNORECASE)

    found: re.Pattern[str] = lex.built("lineup_pattern", make)
    return found


def _bracketed(text: str) -> list[Pair]:
    runs: list[list[re.Match[str]]] = []
    for m in _BRACKETED.finditer(text):
        last = runs[-1][-1] if runs else None
        if last is not None and _BETWEEN.fullmatch(text, last.end(), m.start()):
            runs[-1].append(m)
        else:
            runs.append([m])
    return [(m.span(1), m.span(2)) for run in runs if len(run) >= _LEAST_BRACKETED for m in run]


def _team_lines(text: str, lex: Lex) -> list[Pair]:
    """'Ruritania: A Bee; C Dee, ...': each player with the side, and the replacements that
    follow in the same paragraph."""
    headings = lex.words("lineup_headings")
    found: list[Pair] = []
    for line in _TEAM_LINE.finditer(text):
        if line.group(1).lower() in headings:
            continue
        players = _players(text, line.end())
        if len(players) < _LEAST_LISTED:
            continue
        end = players[-1][1]
        after = _NEXT_HEADING.match(text[end : end + 40])
        if after and after.group(1).lower() in lex.words("lineup_replacements"):
            players += _players(text, end + after.end())
        found += [(p, line.span(1)) for p in players]
    return found


def _players(text: str, start: int) -> list[tuple[int, int]]:
    """The players listed from `start`, separated by commas or semicolons, up to the first
    item that is not a name (a full stop, a line break, 'X for Y (53)')."""
    found: list[tuple[int, int]] = []
    pos = start
    while True:
        m = _ITEM.match(text, pos)
        if m is None:
            return found
        found.append(m.span(1))
        sep = _SEPARATOR.match(text, m.end())
        if sep is None:
            return found
        pos = sep.end()


def lineup_mentions(
    article: Article, doc: Doc, lex: Lex, by_token: dict[int, Mention]
) -> tuple[dict[int, Mention], set[str]]:
    """Mentions of the players and sides of the line-ups (by token), and the sides' keys."""
    found: dict[int, Mention] = {}
    sides: set[str] = set()
    lineups, casts = _pairs(doc, lex, by_token)
    doc.user_data[_CAST_KEY] = _spans(doc, casts)
    for actor, work in doc.user_data[_CAST_KEY]:
        person, made = _player(article, actor, by_token), _work(article, work, by_token)
        if person is not None and made is not None:
            found.update({i: person for i in range(actor.start, actor.end)})
            found.update({i: made for i in range(work.start, work.end)})
    pairs = doc.user_data[_KEY] = _spans(doc, lineups)
    for player, side in pairs:
        person = _player(article, player, by_token)
        team = _team(article, side, by_token)
        if person is None or team is None or _party(team, lex):
            continue  # 'A Bee (Labour), C Dee (Greens), ...': candidates, no players
        found.update({i: person for i in range(player.start, player.end)})
        found.update({i: team for i in range(side.start, side.end)})
        if team.type != EntityType.COUNTRY:
            sides.add(team.key)  # a country stays one: its side plays as the country
    return found, sides


def _spans(doc: Doc, pairs: list[Pair]) -> list[tuple[Span, Span]]:
    spans = [
        (doc.char_span(*p, alignment_mode="expand"), doc.char_span(*s, alignment_mode="expand"))
        for p, s in pairs
    ]
    return [(p, s) for p, s in spans if p is not None and s is not None]


def _work(article: Article, span: Span, by_token: dict[int, Mention]) -> Mention | None:
    known = by_token.get(span.end - 1)
    if known is not None and (known.start, known.end) == (span.start_char, span.end_char):
        return replace(known, type=EntityType.WORK)  # 'Title', a person to the NER
    if known is not None and not known.key.startswith("name:"):
        return None  # a place or a company the gazetteer knows
    key = "name:" + normalize(span.text)
    return mention(article, span.doc, span.start_char, span.end_char, "Work", key, span.text)


def _mostly_people(doc: Doc, pairs: list[Pair], by_token: dict[int, Mention]) -> bool:
    """At least half the players are people to the NER: a list of firms and their countries
    ('Acme (Ruritania), Beta (Borduria), ...') is no line-up."""
    people = 0
    for (_, end), _side in pairs:
        m = by_token.get(_token_at(doc, end - 1))
        people += m is not None and m.type == EntityType.PERSON
    return 2 * people >= len(pairs)


def _works(doc: Doc, pairs: list[Pair], by_token: dict[int, Mention]) -> bool:
    """A bracket that names a work: actors with their films ('X (Title)'), a cast list."""
    works = {m.text for m in by_token.values() if m.type == EntityType.WORK}
    text = doc_text(doc)
    for _, (start, end) in pairs:
        if text[start:end] in works or doc[_token_at(doc, start)].ent_type_ == "WORK_OF_ART":
            return True  # a work the article names so elsewhere ('the drama Title')
    return False


def _party(team: Mention, lex: Lex) -> bool:
    words = lex.words("party_words")
    return any(w in words for w in team.label.lower().split())


def _token_at(doc: Doc, char: int) -> int:
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    return span.start if span is not None else -1


def _player(article: Article, span: Span, by_token: dict[int, Mention]) -> Mention | None:
    known = by_token.get(span.end - 1)
    whole = known is not None and known.start <= span.start_char
    if known is not None and known.type == EntityType.PERSON and whole:
        return known  # not 'Easterby' of 'G Easterby': 'S Easterby' is his brother
    if known is not None and not known.key.startswith("name:"):
        return None  # a country or a company the gazetteer knows
    key = "name:" + normalize(span.text)
    return mention(article, span.doc, span.start_char, span.end_char, "Person", key, span.text)


def _team(article: Article, span: Span, by_token: dict[int, Mention]) -> Mention | None:
    known = by_token.get(span.end - 1)
    if known is not None and (known.start, known.end) == (span.start_char, span.end_char):
        if known.type in (EntityType.COUNTRY, EntityType.ORGANIZATION):
            return known
        return replace(known, type=EntityType.ORGANIZATION)  # 'Sale', 'Narbonne': a club
    key = "name:" + normalize(span.text)
    return mention(
        article, span.doc, span.start_char, span.end_char, "Organization", key, span.text
    )
