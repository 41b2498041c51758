"""Possessives that relate two names: "Acme's X" (a person works for it), "Ruritania's Y" (is
its citizen), "Acme Corp's Acme Transportation Inc" (a company's parent)."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Doc, Token

from kg.extract import offices
from kg.extract.common import head_of, preps, resolve
from kg.extract.companies import named_with_legal_form
from kg.extract.docs import kids, tokens
from kg.extract.mentions import MentionIndex
from kg.extract.stance import relation
from kg.extract.teams import a_team
from kg.model import Article, EntityType, Mention, Relation

_EMPLOYERS = ("at", "of", "with")


def possessed(article: Article, doc: Doc, index: MentionIndex) -> Iterator[Relation | None]:
    """ "Acme's X", "Ruritania's Y", "the Party's Z": a person named with an organisation's or a
    country's possessive and no title works for it or is its citizen (a party's: its member,
    kg.extract.stance); a title says more, and kg.extract.titles reads it."""
    titles = index.lex.title_words()
    for tok in tokens(doc):
        person = index.by_token.get(tok.i)
        if person is None or person.type != EntityType.PERSON or not head_of(tok, person):
            continue
        if " " not in person.label:
            continue  # "Ruritania's Acme", "Borduria's Beta": a lone word is as often a firm
        lefts = [c for c in tok.lefts if index.by_token.get(c.i) != person]
        lefts += [  # "Ruritania's King W": on the name's first word
            c
            for t in tok.lefts
            if index.by_token.get(t.i) == person
            for c in kids(t)
            if c.dep_ == "poss"
        ]
        if any(c.lemma_.lower() in titles for t in lefts for c in t.subtree):
            continue
        for owner in (m for c in lefts if c.dep_ == "poss" and (m := resolve(c, index))):
            if a_team(owner, index.teams, index.lex):
                continue  # "Rovers' X": a player (kg.extract.sport), or its coach
            predicates = ["worksFor"] if owner.type == EntityType.ORGANIZATION else ["citizenOf"]
            yield relation(person, predicates, owner, [tok], article, "phrase:owner", index)
            ruler = person.label.split(" ", 1)[0].lower() in index.lex.words("ruler_titles")
            if ruler and owner.type == EntityType.COUNTRY:  # "Ruritania's King W"
                yield relation(person, ["leads"], owner, [tok], article, "phrase:ruler", index)
        agent = tok.dep_ == "pobj" and tok.head.dep_ == "agent"  # 'joined by X at Y School'
        if not agent and not any(c.dep_ == "appos" for c in kids(tok)):  # 'said X Y AT Acme'
            for t in preps(tok, _EMPLOYERS):
                employer = resolve(t, index)
                if employer is None or employer.type != EntityType.ORGANIZATION:
                    continue
                member = t.head.lower_ == "of" and offices.members_body(employer, index)
                side = "memberOf" if member else "worksFor"  # 'X of the Y Alliance'
                yield relation(person, [side], employer, [tok], article, "phrase:at", index)
                if not member:
                    yield from _office_in(tok, employer, article, index)


def _office_in(
    tok: Token, employer: Mention, article: Article, index: MentionIndex
) -> Iterator[Relation | None]:
    """ "said X at Acme Stockbrokers in Ruritown": the town or country after the person's
    employer, on the person, is where the employer works."""
    for t in preps(tok, ["in"]):
        place = resolve(t, index)
        if place is not None and place.type in (EntityType.PLACE, EntityType.COUNTRY):
            yield relation(employer, ["operatesIn"], place, [tok], article, "phrase:in", index)


def owned_companies(article: Article, doc: Doc, index: MentionIndex) -> Iterator[Relation | None]:
    """ "Acme Corp's Acme Transportation Inc": a company's possessive on a company (a name with
    a legal form) is its parent; on another organisation's name ("Acme's Beta", "Gamma's
    television station WXYZ"), its owner; a person's on a company, its owner ("X
    Y's Sports Entertainment Enterprises Inc"). Not a party's or a body the gazetteer
    knows ("the Party's NEC"), not a team's, not a pronoun's ('its': too often the wrong one)."""
    suffixes, bands = index.lex.words("corporate_suffixes"), index.lex.words("band_nouns")
    for tok in tokens(doc):
        org = index.by_token.get(tok.i)
        if org is None or org.type != EntityType.ORGANIZATION or not head_of(tok, org):
            continue
        if offices.a_party(org, index):
            yield from _people_owning([tok], org, "leads", "phrase:leader", article, index)
            continue
        nouns = [c for c in kids(tok) if c.dep_ == "compound" and c.lemma_.lower() in bands]
        if tok.dep_ in ("appos", "compound") and tok.head.lemma_.lower() in bands:
            nouns.append(tok.head)
        named = doc.char_span(org.start, org.end)
        before = doc[named.start - 1] if named is not None and named.start > 0 else None
        if before is not None and before.lemma_.lower() in bands and before not in nouns:
            nouns.append(before)  # "X's band Y", which the parser made two subjects
        members = _people_owning([tok, *nouns], org, "memberOf", "phrase:band", article, index)
        if nouns and members:  # "X's band Y"
            yield from members
            continue
        if org.is_known or (a_team(org, index.teams, index.lex) and bool(index.teams)):
            continue
        company = tok.lower_.strip(".") in suffixes  # the name's last word: a legal form
        firm = company or _firm_word(tok, index)  # "Beta's Acme Airlines", "the Acme bank"
        sites = index.lex.words("facility_words") | index.lex.words("worship_words")
        if tok.lower_ in sites:
            continue  # "St X's Roman Catholic Church", "Rovers' Acme Stadium"
        for c in _owners(tok, index) if firm else _named_firm(tok, index) + _firms_own(tok, index):
            owner = resolve(c, index)
            if owner is None or owner.key == org.key or offices.a_party(owner, index):
                continue  # "the Party's NEC": a party's organ
            if owner.type == EntityType.ORGANIZATION and company:
                yield relation(org, ["subsidiaryOf"], owner, [tok], article, "phrase:part", index)
            elif owner.type == EntityType.ORGANIZATION or (
                owner.type == EntityType.PERSON and firm
            ):
                yield relation(owner, ["owns"], org, [tok], article, "phrase:owned", index)


def owned_products(article: Article, doc: Doc, index: MentionIndex) -> Iterator[Relation | None]:
    """ "Acme's Beta console", "Gamma's show The Title": an organisation's possessive on a
    product or a work it names (or on the noun the name is on) owns it; not a pronoun's."""
    for tok in tokens(doc):
        thing = index.by_token.get(tok.i)
        if thing is None or thing.type not in (EntityType.PRODUCT, EntityType.WORK):
            continue
        if not head_of(tok, thing):
            continue
        holders = [tok, tok.head] if tok.dep_ in ("compound", "appos") else [tok]
        debut = _debut(tok, index) if thing.type == EntityType.PRODUCT else None
        for c in (c for h in holders for c in kids(h) if c.dep_ == "poss"):
            owner = resolve(c, index) if c.pos_ != "PRON" else None
            if owner is not None and owner.type == EntityType.ORGANIZATION:
                yield relation(owner, ["owns"], thing, [tok], article, "phrase:product", index)
                if debut is not None:
                    yield relation(
                        owner, ["launches"], thing, [debut], article, "verb:debut", index
                    )


def _debut(tok: Token, index: MentionIndex) -> Token | None:
    """The verb that puts the product named at `tok` on the market: "Acme's Beta will go on sale
    in May", 'hit the shelves', 'was launched (unveiled, released)'."""
    verb = tok.head
    if tok.dep_ == "nsubjpass" and verb.lemma_.lower() in index.lex.words("launch_passives"):
        return verb
    if tok.dep_ != "nsubj":
        return None
    lemma = verb.lemma_.lower()
    markets = index.lex.words("market_nouns")
    on_sale = lemma == "go" and any(t.lemma_.lower() in markets for t in preps(verb, ["on"]))
    shelves = lemma == "hit" and any(
        c.dep_ == "dobj" and c.lemma_.lower() in markets for c in kids(verb)
    )
    return verb if on_sale or shelves else None


def _people_owning(
    holders: list[Token],
    org: Mention,
    predicate: str,
    rule: str,
    article: Article,
    index: MentionIndex,
) -> list[Relation | None]:
    """A person's possessive on the holders: "X Y's W Party", "Mr Y's Party" (leads the
    party, on its name); "X Y's band W" (a member, on the band's noun)."""
    owners = (
        resolve(c, index) or _clause_subject(c, index)
        for h in holders
        for c in kids(h)
        if c.dep_ == "poss"
    )
    tok = holders[0]
    return [
        relation(p, [predicate], org, [tok], article, rule, index)
        for p in owners
        if p is not None and p.type == EntityType.PERSON
    ]


def _clause_subject(poss: Token, index: MentionIndex) -> Mention | None:
    """'his' or 'her' on the object of a verb whose subject is a person named there: that
    person ('X took his new band Y on tour')."""
    if poss.lower_ not in ("his", "her") or poss.head.dep_ not in ("dobj", "pobj", "conj"):
        return None
    verb = poss.head.head
    while verb.pos_ == "ADP" or (verb.dep_ == "conj" and verb.pos_ == "NOUN"):
        verb = verb.head
    subjects = [index.by_token.get(c.i) for c in kids(verb) if c.dep_ == "nsubj"]
    return next((m for m in subjects if m is not None and m.type == EntityType.PERSON), None)


def _firms_own(tok: Token, index: MentionIndex) -> list[Token]:
    """A company's possessive, with its legal form, right on another organisation's name ("Acme
    AG's Beta Information Systems"): its owner."""
    own = index.by_token.get(tok.i)
    found = []
    for c in tok.lefts:
        owner = index.by_token.get(c.i) if c.dep_ == "poss" else None
        if owner is not None and owner != own and named_with_legal_form(owner.label, index.lex):
            found.append(c)
    return found


def _firm_word(tok: Token, index: MentionIndex) -> bool:
    """A name ending in a company's noun ('Acme Airlines', 'Ruritown Dominion Bank')."""
    nouns, word = index.lex.words("company_nouns"), tok.lower_
    return word in nouns or (word.endswith("s") and word[:-1] in nouns)  # 'Airlines


def _named_firm(tok: Token, index: MentionIndex) -> list[Token]:
    """The possessives on the company noun a name is on ("Gamma's station WXYZ"); a bare
    name is as often a product ("Acme's new BetaFares")."""
    return [c for c in _owners(tok, index) if c.head.i != tok.i]


def _owners(tok: Token, index: MentionIndex) -> list[Token]:
    """The possessives on a name, or on the company noun it names ("Gamma's station WXYZ";
    not a noun that makes it a part, "Acme's unit Y", which kg.extract.organisations reads)."""
    own = index.by_token.get(tok.i)
    found = [c for c in tok.lefts if c.dep_ == "poss" and index.by_token.get(c.i) != own]
    noun, nouns = tok.head, index.lex.words("company_nouns")
    parts = set(index.lex.vocab.get("relational_nouns", {}))
    words = {noun.lemma_.lower(), *(c.lemma_.lower() for c in noun.lefts)}
    if tok.dep_ in ("appos", "compound") and noun.lemma_.lower() in nouns and not words & parts:
        found += [c for c in kids(noun) if c.dep_ == "poss"]
    return [c for c in found if c.pos_ != "PRON"]
