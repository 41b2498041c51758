"""Relations carried by nouns: events ('the raid BY the militia ON Ruritanian police IN Ruritown')
and places ('Ruritown, northeastern Ruritania'; "Ruritania's Ruritown"; 'Westshire province IN
southern Ruritania')."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from kg.extract.common import preps, resolve
from kg.extract.docs import kids, tokens
from kg.extract.mentions import MentionIndex
from kg.extract.organisations import country_at
from kg.extract.stance import relation
from kg.lexicon import load_toml
from kg.model import Article, EntityType, Mention, Relation

_LOCATIONS = (EntityType.COUNTRY, EntityType.PLACE)


def _role(event: Token, role: str, index: MentionIndex) -> list[Mention]:
    """Mentions in the event's prepositional phrases for a role, one level of nesting deep
    (parsers often attach 'on troops' to the agent rather than to the attack)."""
    words = index.lex.vocab["roles"][role]
    found = [m for t in preps(event, words) if (m := resolve(t, index))]
    for child in kids(event):
        for obj in (c for c in kids(child) if c.dep_ == "pobj"):
            found += [m for t in preps(obj, words) if (m := resolve(t, index))]
    return found


def _event(tok: Token, ev: Mention, index: MentionIndex, article: Article) -> list[Relation]:
    found: list[Relation | None] = []
    agents, targets = _role(tok, "agent", index), _role(tok, "target", index)
    if ev.label in load_toml("concepts.toml")["violent_events"]:
        found += [
            relation(a, ["attacks"], t, [tok], article, "event", index)
            for a in agents
            for t in targets
        ]
        owned = any(c.dep_ == "poss" for c in kids(tok))  # 'his attack on the Party': his
        if not agents and not owned:
            found += [relation(ev, ["attacks"], t, [tok], article, "event", index) for t in targets]
    found += [
        relation(ev, ["occurredIn"], p, [tok], article, "event", index)
        for p in _role(tok, "location", index)
        if p.type in _LOCATIONS
    ]
    return [r for r in found if r]


def event_relations(article: Article, doc: Doc, index: MentionIndex) -> list[Relation]:
    found = []
    for tok in tokens(doc):
        ev = index.by_token.get(tok.i)
        if ev is not None and ev.type == EntityType.EVENT:
            found += _event(tok, ev, index, article)
    return found


def _containers(tok: Token, article: Article, index: MentionIndex) -> list[tuple[Mention, Token]]:
    """Locations a place is said to lie in: apposition, possessive, 'in' phrase, the place
    noun it names ('the Ruritanian island of X')."""
    found = _described_by(tok, article, index)
    for child in kids(tok):
        listed = child.dep_ == "appos" and any(c.dep_ in ("conj", "cc") for c in kids(child))
        if listed:
            continue  # 'the North, the West Region and the South': a list
        if child.dep_ in ("appos", "poss") and (m := resolve(child, index)):
            found.append((m, child))
    for t in preps(tok, index.lex.vocab["roles"]["containment"]):
        if m := resolve(t, index):
            found.append((m, t))
    found += _of_a_place(tok, index)
    return [(m, t) for m, t in found if m.type in _LOCATIONS]


def _described_by(tok: Token, article: Article, index: MentionIndex) -> list[tuple[Mention, Token]]:
    """'the Ruritanian island of X', 'the Ruritania port of Y': a place noun's 'of' names the
    place; a country or its adjective on the noun, where it lies."""
    noun = tok.head.head if tok.dep_ == "pobj" and tok.head.lower_ == "of" else None
    words = index.lex.words("place_descriptors")
    if noun is None or noun.pos_ != "NOUN" or noun.lemma_.lower() not in words:
        return []
    found = []
    for child in (c for c in noun.lefts if c.dep_ in ("amod", "compound")):
        known = index.lex.demonym(child.text) if child.i not in index.by_token else None
        if known is not None and known.type == EntityType.COUNTRY:
            found.append((country_at(child, known.key, known.label, article), child))
        elif (m := resolve(child, index)) is not None and m.type == EntityType.COUNTRY:
            found.append((m, child))
    return found


def _of_a_place(tok: Token, index: MentionIndex) -> list[tuple[Mention, Token]]:
    """'Ruritown, the capital of Ruritania', 'the Westshire Province of southwest Borduria': a
    place noun's 'of' names where the place lies."""
    words = index.lex.words("place_descriptors")
    nouns = [c for c in kids(tok) if c.dep_ == "appos" and c.lemma_.lower() in words]
    nouns += [tok] if tok.lower_ in words else []  # the name's own last word ('Province')
    return [(m, t) for n in nouns for t in preps(n, ["of"]) if (m := resolve(t, index))]


def _in_prose(tok: Token, evidence: Token) -> bool:
    """Not a list or a fragment: the sentence has a verb, and the container is not in
    brackets after the name ('X Y (Ruritania, capt)' in a team sheet is a nationality)."""
    sent = tok.sent
    if not any(t.pos_ in ("VERB", "AUX") for t in sent):
        return False
    between = tok.doc[min(tok.i, evidence.i) : max(tok.i, evidence.i)]
    return not any(t.text in ("(", "[") for t in between)


def _owned_place(place: Mention, index: MentionIndex) -> bool:
    """A place after a possessive is one the gazetteers know, or a name of several words that
    is not the state itself ("Ruritown's West End"; not "Ruritania's Y", the NER's guess at a
    place, nor "Ruritania's Islamic Republic")."""
    words = place.text.lower().split()
    polity = index.lex.words("polity_words")
    return place.is_known or (len(words) > 1 and not any(w in polity for w in words))


def _region_in_a_town(place: Mention, outer: Mention, index: MentionIndex) -> bool:
    """'Ruritania were beaten by Y in Ruritown': a region the gazetteer knows lies in no town."""
    if not place.is_known or outer.type != EntityType.PLACE:
        return False
    return index.lex.city(outer.label) is not None and index.lex.city(place.label) is None


_NOMINAL = ("NOUN", "PROPN", "PRON", "DET")


def location_relations(article: Article, doc: Doc, index: MentionIndex) -> list[Relation]:
    found = []
    for tok in tokens(doc):
        if tok.i not in index.by_token and tok.pos_ not in _NOMINAL:
            continue  # a verb, a preposition: no place of its own (and resolve is not cheap)
        place = resolve(tok, index)
        if place is None or place.type != EntityType.PLACE:
            continue
        for outer, evidence in _containers(tok, article, index):
            if not _in_prose(tok, evidence) or (
                evidence.dep_ == "poss" and not _owned_place(place, index)
            ):
                continue
            if _region_in_a_town(place, outer, index):
                continue
            rel = relation(place, ["locatedIn"], outer, [tok, evidence], article, "place", index)
            found.extend([rel] if rel else [])
    return found
