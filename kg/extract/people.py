"""Where people come from, as news puts it beside their names: 'Writer X, from Westshire',
'U T of Ruritania', 'Ruritown teacher Y', 'the Ruritown woman Z', 'Ruritanian
youngster W'; and who they work for: 'V from Acme told Beta'. The nouns that describe a
person without a title are `person_nouns` in kg/data/lexicon_<lang>.toml (titles are read by
kg.extract.titles)."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Doc, Token

from kg.extract import offices
from kg.extract.anaphora import national_noun
from kg.extract.common import next_mention, preps, resolve, resolve_all
from kg.extract.context import is_region
from kg.extract.docs import kids, tokens
from kg.extract.kin import kin_relations
from kg.extract.mentions import MentionIndex
from kg.extract.named import mention
from kg.extract.stance import relation
from kg.extract.teams import a_team
from kg.lexicon import Known
from kg.model import Article, EntityType, Mention, Relation

_PLACES = (EntityType.COUNTRY, EntityType.PLACE)


def _heads(doc: Doc, index: MentionIndex) -> Iterator[tuple[Token, Mention]]:
    """Each person's mention at the word its phrase hangs on."""
    for tok in tokens(doc):
        m = index.by_token.get(tok.i)
        if m is None or m.type != EntityType.PERSON:
            continue
        if tok.head.i == tok.i or index.by_token.get(tok.head.i) != m:
            yield tok, m


def _described_by(tok: Token, person: Mention, index: MentionIndex) -> list[Token]:
    """Nouns describing the person: 'Ruritown TEACHER X', 'X, the Ruritown WOMAN who'."""
    nouns = index.lex.words("person_nouns")
    found = [c for c in tok.lefts if index.by_token.get(c.i) != person]
    found += [c for c in kids(tok) if c.dep_ == "appos"]
    if tok.dep_ == "appos":
        found.append(tok.head)
    return [n for n in found if n.pos_ == "NOUN" and n.lemma_.lower() in nouns]


def _origin_of(noun: Token, article: Article, index: MentionIndex) -> tuple[str, Mention] | None:
    """'Ruritown teacher X' comes from Ruritown; 'Ruritania tycoon Y', 'Ruritanian photographer
    Z' are its citizens (also with a noun between: 'Ruritania business tycoon Y')."""
    lefts = [*noun.lefts]
    lefts += [g for c in lefts if c.dep_ == "compound" and c.pos_ == "NOUN" for g in c.lefts]
    for child in lefts:
        place = resolve(child, index)
        if child.dep_ in ("compound", "nmod", "poss") and place and place.type in _PLACES:
            state = place.type == EntityType.COUNTRY and child.dep_ == "compound"
            return ("citizenOf" if state else "comesFrom"), place
        known = index.lex.demonym(child.text) if child.dep_ == "amod" else None
        if known is not None and known.type == EntityType.COUNTRY:
            end = child.idx + len(child)
            country = mention(article, noun.doc, child.idx, end, known.type, known.key, known.label)
            return "citizenOf", country
    return None


def _nationals(article: Article, doc: Doc, index: MentionIndex) -> Iterator[Relation | None]:
    """'X won. The Ruritanian ...': the person a people's noun stands for is its citizen."""
    for i, people in index.corefs.items():
        tok = doc[i]
        known = index.lex.nationality(tok.text) if national_noun(tok, index) else None
        if known is None or len(people) != 1 or people[0].type != EntityType.PERSON:
            continue
        end = tok.idx + len(tok)
        country = mention(article, doc, tok.idx, end, known.type, known.key, known.label)
        yield relation(people[0], ["citizenOf"], country, [tok], article, "phrase:nation", index)


def origins(article: Article, doc: Doc, index: MentionIndex) -> Iterator[Relation | None]:
    yield from _nationals(article, doc, index)
    for tok, person in _heads(doc, index):
        for t in preps(tok, ["from"]):  # 'X, from Westshire'; 'Y from Acme told Beta'
            place = resolve(t, index)
            if place is not None and place.type in _PLACES and _a_real_place(place, t, index):
                yield relation(person, ["comesFrom"], place, [tok], article, "phrase:from", index)
            elif place is not None and place.type == EntityType.ORGANIZATION:
                side = "playsFor" if a_team(place, index.teams, index.lex) else "worksFor"
                yield relation(person, [side], place, [tok], article, "phrase:from", index)
            elif place is not None and place.type == EntityType.WORK:  # 'X from W (Acme TV)'
                yield relation(person, ["starsIn"], place, [tok], article, "phrase:from", index)
        for t in preps(tok, ["of"]):  # 'X of Ruritania'; 'Y of Acme said'
            known = resolve(t, index)
            if known is not None and known.type == EntityType.COUNTRY:
                yield relation(person, ["citizenOf"], known, [tok], article, "phrase:of", index)
            elif known is not None and known.type == EntityType.PLACE and _bare(tok, t):
                if _a_real_place(known, t, index):  # 'X Y, 43, of Ruritown, Westshire'
                    yield relation(person, ["comesFrom"], known, [tok], article, "phrase:of", index)
            elif known is not None and known.type == EntityType.ORGANIZATION and _bare(tok, t):
                side = (
                    "memberOf" if offices.members_body(known, index) else "worksFor"
                )  # 'X of the Y League'
                yield relation(person, [side], known, [tok], article, "phrase:of", index)
        for c in tok.lefts:  # 'Ruritanian X Y', 'Ruritanman Z W'
            nation = _nationality(c, person, index)
            if nation is not None:
                end = c.idx + len(c)
                country = mention(article, doc, c.idx, end, nation.type, nation.key, nation.label)
                yield relation(
                    person, ["citizenOf"], country, [tok], article, "phrase:nation", index
                )
        people = _peoples_noun(tok, index) or _a_national(tok, index)  # 'Ruritanians X and
        if people is not None:  # Y won', 'X, the Ruritanian, won'
            nation = index.lex.nationality(people.text)
            assert nation is not None
            end = people.idx + len(people)
            country = mention(article, doc, people.idx, end, nation.type, nation.key, nation.label)
            yield relation(person, ["citizenOf"], country, [tok], article, "phrase:nation", index)
        for noun in _described_by(tok, person, index):
            found = _origin_of(noun, article, index)
            if found is not None:
                yield relation(person, [found[0]], found[1], [tok], article, "phrase:from", index)


def _peoples_noun(tok: Token, index: MentionIndex) -> Token | None:
    """The people's noun a name is in apposition with, or a conjunct of one so ('Ruritanians
    X Y and Z W'); not its adjective ('the Ruritanian X')."""
    head = tok.head.head if tok.dep_ == "conj" and tok.head.dep_ == "appos" else tok.head
    appos = tok.dep_ == "appos" or (tok.dep_ == "conj" and tok.head.dep_ == "appos")
    named = index.by_token.get(head.i)
    if not appos or not head.text[:1].isupper() or (named and named.type != EntityType.COUNTRY):
        return None
    lex = index.lex
    return head if lex.nationality(head.text) and lex.demonym(head.text) is None else None


def _a_national(tok: Token, index: MentionIndex) -> Token | None:
    """The people's word alone in apposition to a name: 'X, the Ruritanian, won'."""
    for c in kids(tok):
        others = [g for g in kids(c) if g.dep_ not in ("det", "punct")]
        if c.dep_ == "appos" and not others and c.i not in index.by_token and c.text[:1].isupper():
            return c if index.lex.nationality(c.text) is not None else None
    return None


def _nationality(word: Token, person: Mention, index: MentionIndex) -> Known | None:
    """The country of a nationality word right on a person's name (not inside it)."""
    if word.dep_ not in ("compound", "amod") or word.i in index.by_token or " " not in person.text:
        return None  # a full name: not 'Ruritanian Idol', whose 'Idol' the NER took for a person
    return index.lex.nationality(word.text)


def _a_real_place(place: Mention, tok: Token, index: MentionIndex) -> bool:
    """A place one is from: one a gazetteer or GeoNames knows, a name of several words, or one
    with its region after it ('from Ruritown Green, Westshire'); not one word the NER only
    guessed was a place ('X Y, from Acme, told Beta')."""
    if place.is_known or " " in place.text or index.lex.city(place.label) is not None:
        return True
    doc = tok.doc
    if tok.i + 2 >= len(doc) or doc[tok.i + 1].text != ",":
        return False
    return is_region(doc[tok.i + 2], index.lex)


def _bare(name: Token, pobj: Token) -> bool:
    """'Y of Acme': an untitled name (a title says the post: kg.extract.titles), with the
    organisation's name right after its 'of' (not 'Y of the sales team at Acme')."""
    titled = any(c.dep_ == "compound" and (c.pos_ == "NOUN" or not c.ent_type) for c in name.lefts)
    return not titled and pobj.head.i + 1 == pobj.left_edge.i


def born(article: Article, doc: Doc, index: MentionIndex) -> Iterator[Relation | None]:
    """'the Ruritanian-born Y', 'Ruritown-born X': where the person is from."""
    for tok in tokens(doc):
        if tok.lower_ != "born" or tok.i < 2 or doc[tok.i - 1].text != "-":
            continue
        before = doc[tok.i - 2]
        place = index.by_token.get(before.i)
        known = index.lex.demonym(before.text) if place is None else None
        if known is not None and known.type == EntityType.COUNTRY:
            end = before.idx + len(before)
            place = mention(article, doc, before.idx, end, known.type, known.key, known.label)
        person = next_mention(tok, EntityType.PERSON, index, 7)
        if place is not None and place.type in _PLACES and person is not None:
            yield relation(person, ["comesFrom"], place, [tok], article, "phrase:born", index)


def party_letters(article: Article, doc: Doc, index: MentionIndex) -> Iterator[Relation | None]:
    """'Senator X (D-Wsh.)', 'Rep. Y, R-Westshire,': a party's letter and a state's after a name
    (`party_letters`: letter -> the party's name in the gazetteer): a member of the party."""
    letters: dict[str, str] = index.lex.vocab.get("party_letters", {})
    for tok in tokens(doc):
        name = letters.get(tok.text)
        if name is None or tok.i < 2 or tok.i + 2 >= len(doc) or doc[tok.i + 1].text != "-":
            continue
        if doc[tok.i - 1].text not in ("(", ",") or not doc[tok.i + 2].text[:1].isupper():
            continue
        closing = [t.text for t in doc[tok.i + 3 : tok.i + 5]]
        if not closing or (
            closing[0] not in (")", ",") and closing[:2] not in ([".", ")"], [".", ","])
        ):
            continue  # the state's abbreviation, then the bracket or comma: not '(D-Day veteran)'
        person = index.by_token.get(tok.i - 2)
        known = index.lex.gaz.lookup(name, index.lex.lang)
        if person is None or person.type != EntityType.PERSON or known is None:
            continue
        party = mention(article, doc, tok.idx, tok.idx + 1, known.type, known.key, known.label)
        yield relation(person, ["memberOf"], party, [tok], article, "phrase:party", index)


def homes(article: Article, doc: Doc, index: MentionIndex) -> Iterator[Relation | None]:
    """ "X's Ruritown home", 'his Westshire hometown': a place on a person's home noun."""
    nouns = index.lex.words("home_nouns")
    for tok in tokens(doc):
        if tok.dep_ != "poss" or tok.head.lemma_.lower() not in nouns or tok.head.pos_ != "NOUN":
            continue
        people = [m for m in resolve_all(tok, index) if m.type == EntityType.PERSON]
        places = [
            m
            for c in kids(tok.head)
            if c.dep_ in ("compound", "nmod") and c.i > tok.i
            for m in [resolve(c, index)]
            if m is not None and m.type in _PLACES
        ]
        places += [
            m for t in preps(tok.head, ["in"]) if (m := resolve(t, index)) and m.type in _PLACES
        ]
        for person in people[:1] if len(people) == 1 else []:
            for place in places[:1]:
                yield relation(
                    person, ["comesFrom"], place, [tok.head], article, "phrase:home", index
                )


def people_relations(article: Article, doc: Doc, index: MentionIndex) -> list[Relation]:
    found = [*origins(article, doc, index), *born(article, doc, index), *homes(article, doc, index)]
    found += party_letters(article, doc, index)
    return [r for r in found if r is not None] + kin_relations(article, doc, index)
