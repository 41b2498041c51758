"""Match reports: results read from the result line ('Rovers 19-20 United': the side with
the higher score defeats the other; a draw gives nothing), and the players of the teams the
article names (kg.extract.teams: sides of a result, names on players' titles): "Rovers'
X Y", 'Z kicked a penalty for Rovers' (the verbs are `playing_verbs` in
kg/data/lexicon_<lang>.toml). Not a coach ("United's W V", where the article calls
him the club's coach or manager elsewhere). And who takes part in a named contest: 'lost in
the first round of the Ruritania Open', 'finished third at the World Championships', 'reached
the final of the Ruritown Open' (`contest_verbs`, `contest_stages`)."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Doc, Token

from kg.extract.common import conjuncts, head_of, preps, resolve
from kg.extract.culture import paired
from kg.extract.docs import kids, tokens
from kg.extract.glory import glory_relations
from kg.extract.lineups import lineup_pairs
from kg.extract.mentions import MentionIndex
from kg.extract.stance import put, relation
from kg.extract.teams import (
    a_team,
    former_before,
    joined_title,
    score_lines,
    side_title_at,
    side_titles,
)
from kg.model import Article, EntityType, Mention, Modality, Relation


def score_relations(article: Article, doc: Doc, index: MentionIndex) -> list[Relation]:
    found = [r for r in _players(article, doc, index) if r is not None] if index.teams else []
    found += [r for r in _contests(article, doc, index) if r is not None]
    found += [r for r in _titled_players(article, doc, index) if r is not None]
    found += [r for r in _seeds(article, doc, index) if r is not None]
    found += [r for r in _titles(article, doc, index) if r is not None]
    found += glory_relations(article, doc, index)
    listed = paired(lineup_pairs(doc), "playsFor", "lineup:list", article, index)
    found += [r for r in listed if r is not None]
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
        for c in (c for c in tok.lefts if c.dep_ == "poss"):  # "Rovers' X Y"
            team = resolve(c, index)
            if team is not None and a_team(team, index.teams, index.lex):
                yield relation(person, ["playsFor"], team, [tok], article, "team:owner", index)
        ahead = index.lex.words("lead_words")  # 'X volleyed Acme AHEAD', 'headed Acme level'
        if tok.dep_ == "nsubj":
            for t in _sides(tok.head, ahead):
                team = resolve(t, index)
                if team is not None and a_team(team, index.teams, index.lex):
                    rule = "team:ahead"
                    yield relation(person, ["playsFor"], team, [tok.head], article, rule, index)
        if tok.dep_ == "nsubj" and tok.head.lemma_.lower() in verbs:
            for t in _for(tok.head):  # 'X kicked a penalty for Rovers'
                team = resolve(t, index)
                if team is not None and a_team(team, index.teams, index.lex):
                    rule = "team:for"
                    yield relation(person, ["playsFor"], team, [tok.head], article, rule, index)


def _titled_players(article: Article, doc: Doc, index: MentionIndex) -> Iterator[Relation | None]:
    """'Rovers lock X Y', 'United prop Z W': a team, a player's or a coach's title,
    a name, in that order (kg.extract.teams.titled_sides made the team)."""
    stars = index.lex.words("sport_star_titles") if index.teams else frozenset()
    titles = side_titles(index.lex) | stars  # 'Rovers star X' only where teams play
    last: tuple[int, Mention] | None = None  # the token after the last titled player, his team
    for tok in tokens(doc):
        person = index.by_token.get(tok.i)
        if person is None or person.type != EntityType.PERSON or person.start != tok.idx:
            continue
        start = side_title_at(doc, tok.i - 1, titles) if tok.i > 1 else -1
        team = index.by_token.get(start - 1) if start > 0 else None
        if team is None and start > 0 and last is not None and last[0] == start - 1:
            team = last[1] if doc[start - 1].lower_ == "and" else None  # 'Y centre X and lock Z'
        national = team is not None and team.type == EntityType.COUNTRY  # 'Ruritania star X'
        if team is None or not (team.key in index.teams or national) or team.key == person.key:
            continue
        if national and joined_title(doc[start : tok.i]) not in stars:
            continue  # 'Ruritania centre X': the title rules read it
        after = tok.i
        while after < len(doc) and index.by_token.get(after) == person:
            after += 1
        last = (after, team)
        first = start - 1
        while first > 0 and index.by_token.get(first - 1) == team:
            first -= 1
        title = joined_title(doc[start : tok.i])
        side = "coaches" if "coaches" in index.lex.vocab["titles"].get(title, []) else "playsFor"
        rel = relation(person, [side], team, [tok], article, "team:title", index)
        if rel is not None and former_before(doc, first, index.lex):  # 'former Rovers captain X'
            rel = put(rel, Modality.FORMER)
        yield rel


def _seeds(article: Article, doc: Doc, index: MentionIndex) -> Iterator[Relation | None]:
    """'Top seed X', 'qualifier Y', 'Z, the second seed': a player in the draw of the one
    tournament the article names (`seed_titles`); none where it names two, or none."""
    ceremonies = index.lex.words("award_ceremonies")
    events = {
        m.key: m
        for m in index.by_token.values()
        if m.type == EntityType.EVENT
        and m.is_name
        and m.label.split()[-1].lower() not in ceremonies
    }
    if len(events) != 1:
        return
    (event,) = events.values()
    words = index.lex.words("seed_titles")
    for tok in tokens(doc):
        person = index.by_token.get(tok.i)
        if person is None or person.type != EntityType.PERSON or not head_of(tok, person):
            continue
        first = doc[person_start(tok, person)]
        before = doc[first.i - 1] if first.i > 0 else None
        titled = before is not None and before.lemma_.lower() in words
        titled = titled or any(c.dep_ == "appos" and c.lemma_.lower() in words for c in kids(tok))
        if titled:
            yield relation(person, ["takesPartIn"], event, [tok], article, "contest:seed", index)


def person_start(tok: Token, person: Mention) -> int:
    """The first token of the person's name that `tok` heads."""
    first = tok.i
    while first > 0 and tok.doc[first - 1].idx >= person.start:
        first -= 1
    return first


def _sides(verb: Token, ahead: frozenset[str]) -> list[Token]:
    """The team a verb puts ahead: its object ('fired Acme ahead'), or the name on 'level'
    where the parser made that the object ('headed Acme level')."""
    objects = [c for c in kids(verb) if c.dep_ == "dobj"]
    if not any(c.lower_ in ahead for o in [verb, *objects] for c in [o, *kids(o)]):
        return []
    named = [c for o in objects if o.lower_ in ahead for c in kids(o) if c.dep_ == "compound"]
    return named or [o for o in objects if o.lower_ not in ahead]


def _for(verb: Token) -> list[Token]:
    """'scored twice FOR Rovers', 'kicked a penalty FOR United'."""
    objects = [c for c in kids(verb) if c.dep_ == "dobj"]
    return [t for w in [verb, *objects] for t in preps(w, ["for"])]


def _coaches(doc: Doc, index: MentionIndex) -> set[str]:
    """People the article gives a coach's or a club official's title ('Rovers boss X'):
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
    return found + [c for c in kids(title) if c.dep_ == "appos"]


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
        taken_on = verb.lemma_ == "take" and any(c.lower_ == "on" for c in kids(verb))
        rivals = taken_on or verb.lemma_.lower() in index.lex.words("versus_verbs")
        others = [c for c in kids(verb) if c.dep_ == "dobj"] if rivals else []
        others += _defeated_by(verb)
        for subject in _contestants(verb) + others:  # 'X beat Y in the final of the W Open'
            for side in (m for t in conjuncts(subject) if (m := resolve(t, index))):
                for event in events:
                    rule = "contest:in"
                    yield relation(side, ["takesPartIn"], event, [verb], article, rule, index)


def _defeated_by(verb: Token) -> list[Token]:
    """'suffered a defeat TO Y in the W Open': Y took part too."""
    losses = [c for c in kids(verb) if c.dep_ == "dobj" and c.lemma_ in ("defeat", "loss")]
    return [g for n in losses for g in preps(n, ["to", "against"])]


def _titles(article: Article, doc: Doc, index: MentionIndex) -> Iterator[Relation | None]:
    """'X won her first title ... at the Acme Open', 'Y captured the crown in the final of the
    W Classic': a title won in a named contest of the clause wins the contest."""
    verbs, titles = index.lex.words("title_verbs"), index.lex.words("title_nouns")
    ceremonies = index.lex.words("award_ceremonies")
    for verb in tokens(doc):
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in verbs:
            continue
        if not any(c.dep_ == "dobj" and c.lemma_.lower() in titles for c in kids(verb)):
            continue
        events = {
            m.key: m
            for t in verb.subtree
            if t.dep_ == "pobj"
            and t.head.lower_ in ("at", "in", "of")
            and (m := index.by_token.get(t.i)) is not None
            and m.type == EntityType.EVENT
            and m.is_name
            and m.label.split()[-1].lower() not in ceremonies
        }
        for event in list(events.values())[:1]:
            for side in (
                m for s in _contestants(verb) for t in conjuncts(s) if (m := resolve(t, index))
            ):
                yield relation(side, ["wins"], event, [verb], article, "contest:title", index)


def _contestants(verb: Token) -> list[Token]:
    """The verb's subject, or its governor's: 'X survived a scare TO REACH the last four'."""
    own = [c for c in kids(verb) if c.dep_ == "nsubj"]
    if not own and verb.dep_ in ("xcomp", "advcl") and verb.head.pos_ == "VERB":
        return [c for c in kids(verb.head) if c.dep_ == "nsubj"]
    return own


def _placed_at(verb: Token, index: MentionIndex) -> list[Mention]:
    """'X and Y finished fourth and fifth': a place in a contest the sentence does
    not name is in the last contest the article named before it (not an awards night)."""
    if verb.lemma_.lower() not in index.lex.words("placing_verbs"):
        return []
    if not any(c.ent_type_ == "ORDINAL" and c.dep_ in _PLACINGS for c in kids(verb)):
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
    the Ruritania Open', 'reached the final of the Ruritown Open'."""
    stages = index.lex.words("contest_stages")
    found = list(preps(verb, ["in", "at", "into"]))  # 'eased into the final of the W Cup'
    found += [c for c in kids(verb) if c.dep_ == "dobj" and _stage(c, stages)]
    inner = [t for f in found if _stage(f, stages) for t in preps(f, ["of", "at"])]
    return found + inner


def _stage(noun: Token, stages: frozenset[str]) -> bool:
    """'the final', 'the semi-finals'; 'the last eight', 'the last 16'."""
    last = noun.like_num and any(c.lower_ == "last" for c in kids(noun))
    return last or noun.lemma_.lower() in stages
