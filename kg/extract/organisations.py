"""Relations that news puts in noun phrases rather than verbs:

- where an organisation is: 'the Ruritown-based bank Acme', "Ruritania's Beta", 'Ruritanian
  newspaper Gamma', 'Ruritania firm Acme' (basedIn);
- what it is part of or owns: 'X, a unit of Y', 'the X unit of Y', 'X is a subsidiary of Y',
  'X, the owner of Y' (subsidiaryOf, owns);
- acts named by a noun: "X's takeover of Y", 'the sale of Y to X', "X's visit to Y", 'talks
  between X and Y' (kg/data/lexicon_<lang>.toml [nominalisations]).

The words are in the lexicon (`base_words`, [relational_nouns],
[nominalisations]); the ontology's domains and ranges decide, as everywhere.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from spacy.tokens import Doc, Token

from kg.extract.common import conjuncts, head_of, next_mention, pobjs, preps, resolve, resolve_all
from kg.extract.docs import kids, tokens
from kg.extract.mentions import MentionIndex
from kg.extract.named import mention
from kg.extract.offices import former
from kg.extract.possessives import owned_companies, owned_products, possessed
from kg.extract.stance import put, relation
from kg.model import Article, EntityType, Mention, Modality, Relation

_PLACES = (EntityType.COUNTRY, EntityType.PLACE)
_MODIFIERS = ("compound", "amod", "nmod", "poss", "npadvmod")


def _place_of(tok: Token, article: Article, index: MentionIndex) -> Mention | None:
    """A place that modifies the token: "Ruritania's", 'Ruritania', an adjective ('Ruritanian'),
    also on a noun compounded with it ('the Ruritanian telecoms firm')."""
    lefts = [c for c in tok.lefts]
    lefts += [g for c in lefts if c.dep_ == "compound" and c.pos_ == "NOUN" for g in c.lefts]
    for child in lefts:
        if child.dep_ not in _MODIFIERS:
            continue
        m = resolve(child, index)
        if m is not None and m.type in _PLACES and child.i not in _own_tokens(tok, index):
            return m
        known = index.lex.demonym(child.text) if child.i not in index.by_token else None
        if known is not None and known.type == EntityType.COUNTRY:
            return country_at(child, known.key, known.label, article)
    return None


def _town(place: Mention, company: bool) -> bool:
    """A place a company is 'of' ('Acme Inc of Ruritown'); not an organisation's ('the University
    of Ruritown' is not based in Ruritown: it is Ruritown's)."""
    return company and place.type == EntityType.PLACE


def _own_tokens(tok: Token, index: MentionIndex) -> set[int]:
    """The tokens of the mention at `tok` (a mention's tokens are consecutive)."""
    m = index.by_token.get(tok.i)
    if m is None:
        return set()
    start = end = tok.i
    while start > 0 and index.by_token.get(start - 1) == m:
        start -= 1
    while end + 1 < len(tok.doc) and index.by_token.get(end + 1) == m:
        end += 1
    return set(range(start, end + 1))


def country_at(tok: Token, key: str, label: str, article: Article) -> Mention:
    """A country named by the adjective at `tok` ('Ruritanian'), as a mention there."""
    end = tok.idx + len(tok)
    return mention(article, tok.doc, tok.idx, end, EntityType.COUNTRY, key, label)


def _described(tok: Token, index: MentionIndex) -> list[Token]:
    """The tokens whose modifiers may place an organisation named at `tok`: the name itself,
    and a describing noun beside it ('newspaper Gamma', 'Gamma, a newspaper')."""
    titles = index.lex.title_words()  # 'Ruritanian package courier X'; not a person's title
    found = [tok]
    found += [c for c in kids(tok) if c.dep_ in ("compound", "appos") and _describes(c, titles)]
    company = tok.head.lemma_.lower() in index.lex.words("company_nouns")
    describing = tok.dep_ == "appos" or (tok.dep_ == "compound" and company)
    if describing and _describes(tok.head, titles):
        found.append(tok.head)  # 'the Gamma newspaper'; not 'Ruritanian Acme gongs' (Acme's)
    if tok.dep_ == "nsubj" and tok.head.lemma_ == "be":  # "X is Ruritania's premier carrier"
        nouns = index.lex.words("company_nouns")
        found += [c for c in kids(tok.head) if c.dep_ == "attr" and c.lemma_.lower() in nouns]
    return found


def _describes(noun: Token, titles: frozenset[str]) -> bool:
    return noun.pos_ == "NOUN" and noun.lemma_.lower() not in titles


def based_in(article: Article, doc: Doc, index: MentionIndex) -> Iterator[Relation | None]:
    """Organisations placed by the noun phrase that names them."""
    for tok in tokens(doc):
        org = index.by_token.get(tok.i)
        if org is None or org.type != EntityType.ORGANIZATION or not head_of(tok, org):
            continue
        venue = tok.dep_ == "pobj" and tok.head.lower_ in index.lex.words("venue_preps")
        for described in [] if venue else _described(tok, index):  # 'at Ruritown's X': a
            place = _place_of(described, article, index)  # venue there, or a firm's office
            if place is not None and place.key != org.key:
                yield relation(org, ["basedIn"], place, [tok], article, "phrase:place", index)
                break
        company = tok.lower_.strip(".") in index.lex.words("corporate_suffixes")
        for t in preps(tok, ["of"]):  # 'Acme-Beta AB of Ruritania', 'Acme Co of Ruritown'
            place = resolve(t, index)
            set_off = doc[t.head.i - 1].text == ","  # 'Acme International, of Ruritown,'
            if place is not None and (
                place.type == EntityType.COUNTRY or _town(place, company or set_off)
            ):
                yield relation(org, ["basedIn"], place, [tok], article, "phrase:of", index)
    for tok in tokens(doc):  # 'the Ruritown-based bank Acme'
        if (
            tok.lower_ in index.lex.words("base_words")
            and tok.i >= 2
            and doc[tok.i - 1].text == "-"
        ):
            place = index.by_token.get(tok.i - 2)
            org = _appositive_org(tok, index) or next_mention(
                tok, EntityType.ORGANIZATION, index, 8
            )
            if place is not None and place.type in _PLACES and org is not None:
                yield relation(org, ["basedIn"], place, [tok], article, "phrase:based", index)


def _appositive_org(based: Token, index: MentionIndex) -> Mention | None:
    """'Acme, a Ruritown-based bank,': the organisation (or the person: 'X, a Ruritown-based
    fund manager,') the based noun is in apposition to; 'the Ruritown-based group': the
    organisation it stands for."""
    noun = based.head
    if based.dep_ != "amod":
        return None
    meant = index.corefs.get(noun.i, ())
    if noun.dep_ != "appos":
        return meant[0] if len(meant) == 1 and meant[0].type == EntityType.ORGANIZATION else None
    agent = index.by_token.get(noun.head.i)
    agents = (EntityType.ORGANIZATION, EntityType.PERSON)
    return agent if agent is not None and agent.type in agents else None


def operates_in(article: Article, doc: Doc, index: MentionIndex) -> Iterator[Relation | None]:
    """'Acme Beta bank in Ruritown', 'the High Court in Ruritown', 'a Beta depot in Ruritania':
    a place after 'in' on an organisation's name (or on the noun it names) is where it works."""
    for tok in tokens(doc):
        org = index.by_token.get(tok.i)
        if org is None or org.type != EntityType.ORGANIZATION or not head_of(tok, org):
            continue
        if _after_a_verb(tok):
            continue  # 'protested against Acme in Ruritown': where the protest was
        for t in (t for described in _described(tok, index) for t in preps(described, ["in"])):
            place = resolve(t, index)
            if place is not None and place.type in _PLACES and place.key != org.key:
                yield relation(org, ["operatesIn"], place, [tok], article, "phrase:in", index)


def _after_a_verb(tok: Token) -> bool:
    """The name is a verb's object, or in a phrase on a verb: a place after it may well say
    where the act was, not where the organisation is."""
    while tok.dep_ == "conj":
        tok = tok.head
    if tok.dep_ in ("dobj", "dative", "attr", "oprd"):
        return True
    return tok.dep_ == "pobj" and tok.head.head.pos_ in ("VERB", "AUX")


def part_at(article: Article, doc: Doc, index: MentionIndex) -> Iterator[Relation | None]:
    """'the Disaster Research Center at the University of Westshire': a centre, an institute
    or a school (`part_names`) at an organisation is part of it."""
    parts = index.lex.words("part_names")
    for tok in tokens(doc):
        org = index.by_token.get(tok.i)
        if org is None or org.type != EntityType.ORGANIZATION or not head_of(tok, org):
            continue
        if org.label.lower().rsplit(" ", 1)[-1] not in parts:
            continue
        after = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
        right = [after] if after is not None and after.lower_ == "at" else []  # misattached
        for t in [*preps(tok, ["at"]), *(g for p in right for g in kids(p) if g.dep_ == "pobj")]:
            whole = resolve(t, index)
            if whole is not None and whole.type == EntityType.ORGANIZATION:
                yield relation(org, ["subsidiaryOf"], whole, [tok], article, "phrase:at", index)


def _relational(tok: Token, index: MentionIndex) -> tuple[str, Token] | None:
    """'unit', 'owner' with an 'of' phrase: (predicate, the noun)."""
    table: dict[str, str] = index.lex.vocab.get("relational_nouns", {})
    lemma = tok.lemma_.lower()
    if lemma in table:
        return table[lemma], tok
    if tok.pos_ != "NOUN" or tok.n_lefts == 0:
        return None
    for c in tok.lefts:  # 'a subsidiary company of'
        if c.dep_ in ("compound", "amod") and c.lemma_.lower() in table:
            return table[c.lemma_.lower()], tok
    return None


def _named_by(noun: Token, index: MentionIndex) -> list[Mention]:
    """Who the relational noun describes: 'X, a unit of', 'the X unit of', 'X is a unit of'."""
    cands: list[Token] = []
    if noun.dep_ == "appos":
        cands.append(noun.head)
    cands += [c for c in noun.lefts if c.dep_ in ("compound", "nmod")]
    cands += [c for c in noun.rights if c.dep_ == "appos"]  # "Acme's subsidiary Beta"
    if noun.dep_ == "attr" and noun.head.lemma_ == "be":
        cands += [c for c in kids(noun.head) if c.dep_ == "nsubj"]
    return [m for t in cands for c in conjuncts(t) if (m := resolve(c, index))]


def part_of(article: Article, doc: Doc, index: MentionIndex) -> Iterator[Relation | None]:
    for tok in tokens(doc):
        found = _relational(tok, index) if tok.i not in index.by_token else None
        if found is None:
            continue  # a relational noun is no word of a name ('Simon Champion')
        predicate, noun = found
        others = [m for t in preps(noun, ["of"]) if (m := resolve(t, index))]
        others += [m for c in kids(noun) if c.dep_ == "poss" for m in resolve_all(c, index)]
        if not others and noun.dep_ == "appos":  # 'X, an Acme International subsidiary'
            others = [m for c in noun.lefts if c.dep_ == "compound" and (m := resolve(c, index))]
        was = former(list(noun.lefts), index)  # 'its former parent X'
        was = was or _sold(noun, index)  # 'X was forced to sell its unit Y': Y was its unit
        if predicate == "wins":  # 'former UK champion X': a country is won by no one
            others = [o for o in others if o.type not in _GROUNDS]
        for subject in (m for m in _named_by(noun, index) if m not in others):
            for other in others:
                rel = relation(subject, [predicate], other, [noun], article, "phrase:part", index)
                yield put(rel, Modality.FORMER) if rel is not None and was else rel


def _sold(noun: Token, index: MentionIndex) -> bool:
    """The unit's noun is what a verb of undoing did, in the past ('sold its unit X', 'was
    forced to sell'; not 'will sell', 'plans to sell')."""
    verb = noun.head
    if noun.dep_ != "dobj" or verb.lemma_.lower() not in index.lex.words("undoing_verbs"):
        return False
    if verb.tag_ == "VBD":
        return True
    done = verb.tag_ == "VB" and verb.dep_ == "xcomp" and verb.head.tag_ in ("VBD", "VBN")
    return done and verb.head.lemma_.lower() in index.lex.words("compulsion_verbs")


_DEPS = ("poss", "compound")  # roles in a noun's phrase that are no preposition
_GROUNDS = (EntityType.PLACE, EntityType.COUNTRY, EntityType.PERSON)  # where, not what, is won


def _roles(noun: Token, words: list[str], index: MentionIndex) -> list[Mention]:
    """Mentions in the noun's phrases for one role: 'poss' ("X's"), 'compound' ('X
    headquarters'), or prepositions."""
    found = [m for c in kids(noun) if c.dep_ in words for m in _res(c, index)]  # poss, compound
    found += [m for t in preps(noun, [w for w in words if w not in _DEPS]) for m in _res(t, index)]
    light = index.lex.words("nominal_light_verbs")  # 'a suit FILED by X against Y': a light
    filed = [  # verb's participle on the noun, with its phrases (not 'a bid REJECTED by')
        c for c in kids(noun) if c.dep_ == "acl" and c.tag_ == "VBN" and c.lemma_ in light
    ]
    if filed:
        found += [m for a in filed for t in preps(a, words) for m in _res(t, index)]
        agents = [p for a in filed for p in kids(a) if p.dep_ == "agent" and "by" in words]
        found += [m for p in agents for t in pobjs(p) for m in _res(t, index)]
    if "as_in" in words:  # "her role as X Y IN The Title"
        found += [m for a in preps(noun, ["as"]) for t in preps(a, ["in"]) for m in _res(t, index)]
    return found


def _res(tok: Token, index: MentionIndex) -> list[Mention]:
    """The mentions of a token and those coordinated with it, pronouns resolved."""
    return [m for c in conjuncts(tok) for m in resolve_all(c, index)]


def _doer(noun: Token, index: MentionIndex) -> list[Mention]:
    """The subject of a light verb the noun is the object of ('X HAS a stake in', 'X MADE a
    bid for', 'X COMPLETED the takeover of')."""
    verb = noun.head
    clause = verb.head.head if verb.head.dep_ == "dobj" else verb.head  # 'won the title WITH'
    to_a_result = noun.dep_ == "pobj" and verb.lower_ in ("to", "with") and clause.pos_ == "VERB"
    if to_a_result and noun.lemma_.lower() in index.lex.words("result_nouns"):
        return [m for c in kids(clause) if c.dep_ == "nsubj" for m in _res(c, index)]
    if noun.dep_ != "dobj" or verb.lemma_.lower() not in index.lex.words("nominal_light_verbs"):
        return []
    return [m for c in _subjects(verb) for m in _res(c, index)]


def _subjects(verb: Token) -> list[Token]:
    """The verb's subject, or its governor's: 'X fired 19 aces TO SECURE a win over Y'."""
    own = [c for c in kids(verb) if c.dep_ == "nsubj"]
    if not own and verb.dep_ in ("xcomp", "advcl") and verb.head.pos_ == "VERB":
        return [c for c in kids(verb.head) if c.dep_ == "nsubj"]
    return own


def _between(noun: Token, index: MentionIndex) -> list[Mention]:
    """'talks between X and Y': X and Y."""
    return [m for t in preps(noun, index.lex.words("between_preps")) if (m := resolve(t, index))]


def nominal_acts(article: Article, doc: Doc, index: MentionIndex) -> Iterator[Relation | None]:
    """Acts named by a noun, with their agent and object in its phrases."""
    table: dict[str, Any] = index.lex.vocab.get("nominalisations", {})
    for tok in tokens(doc):
        found = table.get(tok.lemma_.lower()) if tok.pos_ == "NOUN" else None
        entries = found if isinstance(found, list) else [found] if found else []
        for entry in entries:
            yield from _act(tok, entry, article, index)


def _act(
    tok: Token, entry: dict[str, Any], article: Article, index: MentionIndex
) -> Iterator[Relation | None]:
    undone = tok.dep_ in ("dobj", "nsubjpass") and tok.head.pos_ in ("VERB", "AUX")
    if undone and tok.head.lemma_.lower() in index.lex.words("undoing_verbs"):
        return  # 'sold its stake in X', 'regulators blocked the merger': not (or no longer) so
    agents = _roles(tok, entry["agent"], index) or _doer(tok, index)
    if entry.get("named_agent"):  # 'his role in X': in a profile, 'his' is too often misread
        agents = [a for a in agents if not a.coref]
    objects = _roles(tok, entry["object"], index)
    if not objects and {"poss", "by"} <= set(entry["agent"]):  # "Y's takeover BY X": Y's is
        doers, done = _roles(tok, ["by"], index), _roles(tok, ["poss"], index)  # what is taken
        agents, objects = (doers, done) if doers and done else (agents, objects)
    pairs = [(a, o) for a in agents for o in objects]
    if entry.get("symmetric"):  # 'talks between X and Y'; 'X and Y began talks'
        named = [a for a in agents if not a.coref]  # not 'THEIR last meeting': too often misread
        both = _between(tok, index) or (named if not objects else [])
        pairs += [(a, o) for a in both for o in both if a.key != o.key]
    if entry["predicate"] == "wins":  # "X's victory at Twickenham": a ground is won by no one
        pairs = [(a, o) for a, o in pairs if o.type not in _GROUNDS]
    for agent, obj in pairs:
        rule = f"noun:{tok.lemma_}"
        rel = relation(agent, [entry["predicate"]], obj, [tok], article, rule, index)
        yield _meant(rel, tok, entry, index)


def _meant(
    rel: Relation | None, noun: Token, entry: dict[str, Any], index: MentionIndex
) -> Relation | None:
    """A 'bid', a 'planned takeover': intended; a 'possible merger': hypothetical."""
    if rel is None or rel.provenance.modality != Modality.ASSERTED:
        return rel
    ended = noun.dep_ == "pobj" and noun.head.lower_ in index.lex.words("of_preps")
    if ended and noun.head.head.lemma_.lower() in index.lex.words("ending_nouns"):
        return put(rel, Modality.FORMER)  # 'the end of his membership of X'
    mods = {c.lower_ for c in kids(noun) if c.dep_ in ("amod", "compound", "acl")}
    if noun.dep_ == "pobj":  # 'two rounds of talks, scheduled for Friday'
        mods |= {c.lower_ for c in kids(noun.head.head) if c.dep_ == "acl"}
    if entry.get("modality") == "intended" or mods & index.lex.words("intention_modifiers"):
        modality = Modality.INTENDED
    elif mods & index.lex.words("hypothetical_modifiers"):
        modality = Modality.HYPOTHETICAL
    else:
        return rel
    return put(rel, modality)


def organisation_relations(article: Article, doc: Doc, index: MentionIndex) -> list[Relation]:
    found = [*based_in(article, doc, index), *operates_in(article, doc, index)]
    found += [*part_of(article, doc, index), *part_at(article, doc, index)]
    found += [*possessed(article, doc, index), *owned_companies(article, doc, index)]
    found += owned_products(article, doc, index)
    found += nominal_acts(article, doc, index)
    return [r for r in found if r is not None]
