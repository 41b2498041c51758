"""Results read from a match report's result line ('Borders 19-20 Ulster'): the side with
the higher score defeats the other; a draw gives nothing. The sides are typed as teams by
kg.extract.teams."""

from __future__ import annotations

from spacy.tokens import Doc

from kg.extract.mentions import MentionIndex
from kg.extract.stance import relation
from kg.extract.teams import score_lines
from kg.model import Article, Relation


def score_relations(article: Article, doc: Doc, index: MentionIndex) -> list[Relation]:
    found = []
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
