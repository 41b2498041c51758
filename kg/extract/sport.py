"""Match reports: results read from the result line ('Borders 19-20 Ulster': the side with
the higher score defeats the other; a draw gives nothing), and the players of the teams the
article names (kg.extract.teams: sides of a result, names on players' titles): "Everton's
Thomas Gravesen", 'Hore kicked a penalty for Borders' (the verbs are `playing_verbs` in
kg/data/lexicon_<lang>.toml). Not a coach ("Chelsea's Jose Mourinho", where the article calls
him the club's coach or manager elsewhere). And who takes part in a named contest: 'lost in
the first round of the Australian Open', 'finished third at the World Championships', 'reached
the final of the Dubai Open' (`contest_verbs`, `contest_stages`)."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Doc, Token

from kg.extract.common import conjuncts, head_of, preps, resolve
from kg.extract.docs import tokens
from kg.extract.mentions import MentionIndex
from kg.extract.stance import relation
from kg.extract.teams import (
    a_team,
    former_before,
    joined_title,
    score_lines,
    side_title_at,
    side_titles,
)
from kg.model import Article, EntityType, Mention, Relation


def score_relations(article: Article, doc: Doc, index: MentionIndex) -> list[Relation]:
    found = [r for r in _players(article, doc, index) if r is not None] if index.teams else []
    found += [r for r in _contests(article, doc, index) if r is not None]
    found += [r for r in _titled_players(article, doc, index) if r is not None]
    for home_span, home_score, away_span, away_score in score_lines(doc):
        home = index.by_token.get(home_span.end - 1)
        away = index.by_token.get(away_span.end - 1)
        if home is None or away is None or home_score == away_score:
            continue
        winner, loser = (home, away) if home_score > away_score else (away, home)
        tokens = [*home_span, *away_span]
        rel = relation(winner, ["defeats"], loser, tokens, article, "score:line", index)
        found.extend([rel] if rel else [])
    return found


def _players(article: Article, doc: Doc, index: MentionIndex) -> Iterator[Relation | None]:
    coaches = _coaches(doc, index)
    verbs = index.lex.words("playing_verbs")
    for tok in tokens(doc):
        person = index.by_token.get(tok.i)
        if person is None or person.type != EntityType.PERSON or not head_of(tok, person):
            continue
        if person.key in coaches:
            continue
        for c in (c for c in tok.lefts if c.dep_ == "poss"):  # "Everton's Thomas Gravesen"
            team = resolve(c, index)
            if team is not None and a_team(team, index.teams, index.lex):
                yield relation(person, ["playsFor"], team, [tok], article, "team:owner", index)
        if tok.dep_ == "nsubj" and tok.head.lemma_.lower() in verbs:
            for t in _for(tok.head):  # 'Hore kicked a penalty for Borders'
                team = resolve(t, index)
                if team is not None and a_team(team, index.teams, index.lex):
                    rule = "team:for"
                    yield relation(person, ["playsFor"], team, [tok.head], article, rule, index)


def _titled_players(article: Article, doc: Doc, index: MentionIndex) -> Iterator[Relation | None]:
    """'Dragons lock Ian Gough', 'Blues prop John Yapp': a team, a player's or a coach's title,
    a name, in that order (kg.extract.teams.titled_sides made the team)."""
    titles = side_titles(index.lex)
    for tok in tokens(doc):
        person = index.by_token.get(tok.i)
        if person is None or person.type != EntityType.PERSON or person.start != tok.idx:
            continue
        start = side_title_at(doc, tok.i - 1, titles) if tok.i > 1 else -1
        team = index.by_token.get(start - 1) if start > 0 else None
        if team is None or team.key not in index.teams or team.key == person.key:
            continue
        first = start - 1
        while first > 0 and index.by_token.get(first - 1) == team:
            first -= 1
        if former_before(doc, first, index.lex):  # 'former England captain X'
            continue
        title = joined_title(doc[start : tok.i])
        side = "coaches" if "coaches" in index.lex.vocab["titles"].get(title, []) else "playsFor"
        yield relation(person, [side], team, [tok], article, "team:title", index)


def _for(verb: Token) -> list[Token]:
    """'scored twice FOR Leeds', 'kicked a penalty FOR Borders'."""
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    return [t for w in [verb, *objects] for t in preps(w, ["for"])]


def _coaches(doc: Doc, index: MentionIndex) -> set[str]:
    """People the article gives a coach's or a club official's title ('Chelsea boss X'):
    `team_titles` and the titles that give `coaches`."""
    titles: dict[str, list[str]] = index.lex.vocab.get("titles", {})
    words = index.lex.words("team_titles") | {t for t, p in titles.items() if "coaches" in p}
    return {
        m.key
        for tok in tokens(doc)
        if tok.lemma_.lower() in words
        for near in _titled(tok)
        if (m := index.by_token.get(near.i)) is not None and m.type == EntityType.PERSON
    }


def _titled(title: Token) -> list[Token]:
    """Who bears a title: the name it is on ('boss X'), in apposition ('X, the manager')."""
    found = [title.head] if title.dep_ in ("compound", "appos") else []
    return found + [c for c in title.children if c.dep_ == "appos"]


def _contests(article: Article, doc: Doc, index: MentionIndex) -> Iterator[Relation | None]:
    verbs = index.lex.words("contest_verbs")
    ceremonies = index.lex.words("award_ceremonies")  # won best actress AT the X Awards
    for verb in tokens(doc):
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in verbs:
            continue
        events = [m for t in _where(verb, index) if (m := resolve(t, index))]
        events = [
            m
            for m in events
            if m.type == EntityType.EVENT
            and m.is_name
            and m.label.split()[-1].lower() not in ceremonies
        ]
        events = events or _placed_at(verb, index)
        if not events:
            continue
        for subject in (c for c in verb.children if c.dep_ == "nsubj"):
            for side in (m for t in conjuncts(subject) if (m := resolve(t, index))):
                for event in events:
                    rule = "contest:in"
                    yield relation(side, ["takesPartIn"], event, [verb], article, rule, index)


def _placed_at(verb: Token, index: MentionIndex) -> list[Mention]:
    """'Butler and Yelling finished fourth and fifth': a place in a contest the sentence does
    not name is in the last contest the article named before it (not an awards night)."""
    if verb.lemma_.lower() not in index.lex.words("placing_verbs"):
        return []
    if not any(c.ent_type_ == "ORDINAL" and c.dep_ in _PLACINGS for c in verb.children):
        return []
    ceremonies = index.lex.words("award_ceremonies")
    before = [
        m
        for m in set(index.by_token.values())
        if m.type == EntityType.EVENT
        and m.is_name
        and m.end <= verb.idx
        and m.label.split()[-1].lower() not in ceremonies
    ]
    return [max(before, key=lambda m: m.start)] if before else []


_PLACINGS = ("advmod", "dobj", "oprd", "npadvmod", "attr")


def _where(verb: Token, index: MentionIndex) -> list[Token]:
    """Where a verb of contest happens: 'at the World Championships', 'in the first round of
    the Australian Open', 'reached the final of the Dubai Open'."""
    stages = index.lex.words("contest_stages")
    found = list(preps(verb, ["in", "at"]))
    found += [c for c in verb.children if c.dep_ == "dobj" and c.lemma_.lower() in stages]
    inner = [t for f in found if f.lemma_.lower() in stages for t in preps(f, ["of", "at"])]
    return found + inner
