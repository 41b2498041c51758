"""Prizes won and given, where the prize is named or only its category is:

- 'X took home the Acme Viewers Choice Award', 'X picked up a W Medal': a verb of winning
  ([award_verbs]) on a prize (a name ending in a prize's word, [award_heads], typed by
  kg.extract.context) or an event;
- 'X won best actress at the Y Awards', 'X took the best director prize', 'X won the award for
  best feature', 'X scooped one of the top prizes': a category, not a name. What is won is the
  ceremony or contest: the one the sentence names after 'at', else the last one the article
  named before (its tournament; its awards night, when it names only one);
- 'The best screenplay award went to X', 'the prize was awarded to Y': the prize's recipient;
- 'X was nominated for best actress': the same, for nominatedFor.

The verb's own modality holds ('are favourites to win best actress' is not a win).
"""

from __future__ import annotations

from spacy.tokens import Token

from kg.extract.common import conjuncts, resolve
from kg.extract.docs import kids
from kg.extract.lexicon import Lex
from kg.extract.mentions import MentionIndex
from kg.model import EntityType, Mention

_GIVE_PASSIVE = ("auxpass", "nsubjpass")


def _category(tok: Token, index: MentionIndex) -> bool:
    """'best actress', 'the best director prize', 'awards for best video', 'one of the top
    prizes', 'the title of best male': an unnamed prize ([award_nouns]) or a category (a
    superlative on a category noun: not 'the best price')."""
    lex = index.lex
    if tok.lemma_.lower() == "one":
        inner = [g for p in kids(tok) if p.lower_ == "of" for g in kids(p)]
        return any(_category(g, index) for g in inner)
    if tok.pos_ != "NOUN":
        return False
    if tok.lemma_.lower() in lex.words("award_nouns"):
        return True
    best = any(c.lower_ in lex.words("award_superlatives") for c in tok.lefts)
    return best and tok.lemma_.lower() in lex.words("award_categories")


def _ceremony(
    verb: Token, objects: list[Token], index: MentionIndex, contests: bool
) -> Mention | None:
    """The contest a category is won at: 'at the Y Awards' in the sentence, else the last
    one the article named before: an awards night ([award_ceremonies]: not a festival, where
    a prize is collected, not the festival won), or with `contests` (a title, a crown) any
    event (a tournament)."""
    for holder in [verb, *objects]:
        for p in kids(holder):
            if p.dep_ == "prep" and p.lower_ in ("at", "in"):
                for g in kids(p):
                    m = resolve(g, index)
                    if m is not None and _won_at(m, index, contests):
                        return m
    named = [m for m in set(index.by_token.values()) if _won_at(m, index, contests) and m.is_name]
    if len({m.key for m in named}) > 1 and not contests:
        return None  # 'X won best editing', in an article on one awards night and the next
    before = [m for m in named if m.end <= verb.idx]
    return max(before, key=lambda m: m.start) if before else None


def _won_at(m: Mention, index: MentionIndex, contests: bool) -> bool:
    last = m.label.lower().split()[-1] if m.label else ""
    ceremony = last in index.lex.words("award_ceremonies")
    return m.type == EntityType.EVENT and (contests or ceremony)


def prizes(verb: Token, objects: list[Token], index: MentionIndex) -> list[Mention]:
    """What a verb of winning (or a nomination) on `objects` wins: named prizes and events,
    or, for categories, their ceremony."""
    found: list[Mention] = []
    for obj in objects:
        m = resolve(obj, index)
        if m is not None and m.type in (EntityType.AWARD, EntityType.EVENT):
            found.extend(
                [m] if m.is_name or m.type == EntityType.AWARD else []
            )  # not 'claimed the attack'
        elif m is None and _category(obj, index):
            contests = obj.lemma_.lower() in index.lex.words("contest_prizes")
            ceremony = _ceremony(verb, objects, index, contests)
            found.extend([ceremony] if ceremony is not None else [])
    return found


def prize_verbs(lex: Lex) -> frozenset[str]:
    """The lemmas `won` and `given` read (the rest give nothing): made once."""

    def make() -> frozenset[str]:
        lemmas = {"go", "nominate", "name", "be"}  # 'be': 'X is up for a W'
        return lex.words("award_verbs") | lex.words("award_giving") | lemmas

    found: frozenset[str] = lex.built("prize_verbs", make)
    return found


def won(verb: Token, index: MentionIndex) -> tuple[list[Token] | None, list[Mention], str]:
    """(winners' tokens, prizes, predicate) of a verb of winning: 'X took home the Y Award',
    'X won best actress' (winners None: the verb's subjects); 'X was awarded a W Medal'; 'X was
    nominated for best actress' (nominatedFor)."""
    lemma = verb.lemma_.lower()
    if lemma == "be":  # 'X is up for a W'
        return None, _up_for(verb, index), "nominatedFor"
    if verb.dep_ == "amod":
        return _adjectival(verb, index)
    passive = bool({c.dep_ for c in kids(verb)} & set(_GIVE_PASSIVE))
    patients = [t for c in kids(verb) if c.dep_ == "nsubjpass" for t in conjuncts(c)]
    objects = [t for c in kids(verb) if c.dep_ == "dobj" for t in conjuncts(c)]
    fors = [g for c in kids(verb) if c.dep_ == "prep" and c.lower_ == "for" for g in kids(c)]
    nominated = _nominations(objects, fors, index)
    if nominated is not None:  # 'X received (was given) two nominations for the W Awards'
        return (patients if passive else None), prizes(verb, nominated, index), "nominatedFor"
    if lemma == "nominate" and passive:
        categories = [t for g in fors for t in conjuncts(g)]
        return patients, prizes(verb, categories, index), "nominatedFor"
    if lemma in index.lex.words("award_giving") and passive:
        return patients, prizes(verb, objects, index), "wins"
    if lemma == "name" and passive:  # 'Y were named best alternative act'
        named = [t for c in kids(verb) if c.dep_ in ("oprd", "attr") for t in conjuncts(c)]
        return patients, prizes(verb, [t for t in named if _category(t, index)], index), "wins"
    particle = {c.lower_ for c in kids(verb) if c.dep_ == "prt"}
    if lemma in index.lex.words("award_particle_verbs") and not particle & {"up", "home"}:
        return None, [], "wins"  # 'picked up the award', not 'picked X for the team'
    if lemma not in index.lex.words("award_verbs") or passive:
        return None, [], "wins"
    fors = [g for g in fors if _category(g, index)]  # 'the award for best feature'
    return None, prizes(verb, objects + (fors if objects else []), index), "wins"


def _up_for(verb: Token, index: MentionIndex) -> list[Mention]:
    if not any(c.lower_ == "up" and c.dep_ in ("advmod", "prt") for c in kids(verb)):
        return []
    fors = [g for c in kids(verb) if c.dep_ == "prep" and c.lower_ == "for" for g in kids(c)]
    return prizes(verb, [t for g in fors for t in conjuncts(g)], index)


def _adjectival(verb: Token, index: MentionIndex) -> tuple[list[Token], list[Mention], str]:
    """'W-winning actor X', 'the W-nominated director, Y', "Z's W-winning film": the prize on
    the adjective, won by the name the noun it qualifies is on or in apposition to."""
    lemma = verb.lemma_.lower()
    if lemma not in ("win", "nominate"):
        return [], [], "wins"
    prizes_on = [c for c in kids(verb) if c.dep_ in ("npadvmod", "compound", "nmod")]
    found = [m for c in prizes_on if (m := resolve(c, index)) and m.type == EntityType.AWARD]
    noun = verb.head
    bearers = [noun.head] if noun.dep_ == "compound" and noun.head.pos_ == "PROPN" else []
    bearers += [c for c in kids(noun) if c.dep_ == "appos"]
    if noun.dep_ == "appos":
        bearers.append(noun.head)  # 'X, the W-winning actor'
    return bearers, found, "wins" if lemma == "win" else "nominatedFor"


def _nominations(
    objects: list[Token], fors: list[Token], index: MentionIndex
) -> list[Token] | None:
    """What nominations received are for (the verb's 'for' and theirs), or None: no win."""
    words = index.lex.words("nomination_nouns")
    nominations = [o for o in objects if o.lemma_.lower() in words]
    if not nominations:
        return None
    inner = [g for o in nominations for c in kids(o) if c.lower_ == "for" for g in kids(c)]
    named = [c for o in nominations for c in kids(o) if c.dep_ == "compound"]  # 'a W nomination'
    return [t for g in fors + inner for t in conjuncts(g)] + named


def given(verb: Token, index: MentionIndex) -> list[tuple[Token, Mention]]:
    """'The best screenplay award went to X', 'the prize was awarded to Y': (Y, the prize)."""
    lemma = verb.lemma_.lower()
    passive = {c.dep_ for c in kids(verb)} & set(_GIVE_PASSIVE)
    if not (lemma == "go" or (lemma in index.lex.words("award_giving") and passive)):
        return []
    subjects = [c for c in kids(verb) if c.dep_ in ("nsubj", "nsubjpass")]
    won_prizes = prizes(verb, subjects, index)
    to = [g for c in kids(verb) if c.dep_ == "prep" and c.lower_ == "to" for g in kids(c)]
    return [(t, p) for g in to for t in conjuncts(g) for p in won_prizes]
