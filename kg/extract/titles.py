"""Offices: 'League Commission chair X Y', 'Liga-chef, Z W', 'Governor
V U of Westshire'. Yields the title's relation and the person's affiliations."""

from __future__ import annotations

import re
from dataclasses import replace

from spacy.tokens import Doc, Token

from kg.extract import offices, unnamed
from kg.extract.docs import kids, quote_marks, shouted
from kg.extract.employers import personal_employer, title_orgs
from kg.extract.mentions import MentionIndex
from kg.extract.named import mention
from kg.extract.stance import put, relation
from kg.model import Article, EntityType, Mention, Modality, Relation

_OFFICES = frozenset({"leads", "memberOf", "speaksFor", "holdsRoleAt"})
_SIDES = frozenset({"playsFor", "coaches"})
Affiliations = dict[str, list[Mention]]  # person key -> organisations or countries they speak for


def _context(head: Token, person: Mention, index: MentionIndex) -> tuple[list[Token], list[Token]]:
    """Tokens around a person's name that may hold a title: the rest of its noun phrase and
    the noun phrase it is in apposition to; and apart, the noun phrase just before it and a
    comma ('League chief, X Y'), used only when the first gives no title."""
    near = [t for t in head.subtree if t.idx + len(t) <= person.start]
    near = _last_conjunct(near, person, index)
    if head.dep_ == "appos" and head.head.i not in index.by_token:  # not 'of Faith, X'
        own = {x.i for x in head.subtree}
        near += [t for t in _phrase(head.head, person, index) if t.i not in own]
    appositions = [  # not another person: 'X, Y and Z have all said' is a list
        _phrase(c, person, index)
        for c in kids(head)
        if c.dep_ == "appos" and c.i not in index.by_token
    ]
    # only an apposition with a title: 'X, director of Acme, a merger of Y and Z,' (the title's);
    # 'Prime Minister X, an advocate of a float for the Acme,' (no title there, no Acme)
    appositions = [a for a in appositions if index.lex.title(_words(a, index))[1]]
    for phrase in appositions:
        near += phrase
    for attr in offices.predicated(head):  # 'X is the editor of Y'
        near += _phrase(attr, person, index)
    first = min((t.i for t in head.subtree if t.idx >= person.start), default=head.i)
    extra: list[Token] = []
    if first >= 2 and head.doc[first - 1].text == ",":  # 'League chief, X Y'
        before = head.doc[first - 2]
        if before.dep_ != "pobj":  # not '... his term as Ruritania President, Y Z said'
            extra = [t for t in before.subtree if t.i < first - 1]
            if any(_other_person(t, person, index) for t in extra):
                extra = []  # 'Ruritanian actor X, Award nominee Y': X's title, not Y's
    return _outside_quotes(sorted(set(near), key=lambda t: t.i), head), extra


def _last_conjunct(near: list[Token], person: Mention, index: MentionIndex) -> list[Token]:
    """The words before the name after another named person's 'and' ('Rovers flanker Y
    and United coach X': X's title is 'United coach')."""
    cut = [
        t.i
        for t in near
        if t.pos_ == "CCONJ"
        and t.i > 0
        and (_other_person(t.doc[t.i - 1], person, index) or t.doc[t.i - 1].ent_type_ == "PERSON")
    ]
    return [t for t in near if t.i > max(cut)] if cut else near


def _first_conjunct(tok: Token) -> Token:
    """The first of a list's names: 'X' of 'managers X, Y and Z' (Z hangs on Y)."""
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    return tok


def _other_person(tok: Token, person: Mention, index: MentionIndex) -> bool:
    m = index.by_token.get(tok.i)
    return m is not None and m.type == EntityType.PERSON and m.key != person.key


def _phrase(tok: Token, person: Mention, index: MentionIndex) -> list[Token]:
    """The noun phrase of an apposition without what describes someone or something else: a
    relative clause ('X, an aide, who visited Ruritania'), an apposition to a name in it ('director
    of Acme, a venture of Beta Airways and Gamma Air'), a part naming another person ('X,
    an aide to Borduria's leader Y': 'leader' is Y's title, not X's) or the person a relation noun
    relates to ('X, a friend of the Party leader': the leader is someone else)."""
    found = [tok]
    named = index.by_token.get(tok.i) is not None
    relational = tok.lemma_.lower() in index.lex.words("person_relations")
    for child in kids(tok):
        other = (index.by_token.get(t.i) for t in child.subtree)
        if (
            child.dep_ == "relcl"
            or (child.dep_ == "appos" and named)
            or (child.dep_ == "prep" and relational)  # 'a friend of the Party leader'
            or any(m and m.type == EntityType.PERSON and m.key != person.key for m in other)
        ):
            continue
        found += _phrase(child, person, index)
    return found


def _outside_quotes(tokens: list[Token], head: Token) -> list[Token]:
    """The tokens not cut off from the person by a quotation mark: a quote is not the
    speaker's title, though the parser may hang the speaker under it as an apposition
    ('"... in countries such as Ruritania and Borduria," Y Z, head of X, said')."""
    quotes = [q for q in quote_marks(head.doc) if head.i - 60 <= q < head.i + 60]
    return [t for t in tokens if not any(min(t.i, head.i) < q < max(t.i, head.i) for q in quotes)]


def _words(tokens: list[Token], index: MentionIndex) -> list[str]:
    words = []
    for t in tokens:
        if t.i in index.prefixes:
            words.append(t.text.partition("-")[2].lower())
        elif (t.i not in index.by_token and t.is_alpha) or "-" in t.text:
            # a participle in a title stays as written ('chief operating officer', not 'operate')
            words.append(t.lower_ if t.tag_ in ("VBG", "VBN") else t.lemma_.lower())
    text = " ".join(words)
    return re.sub(r"\s*-\s*", "-", text).split()


def _person_heads(doc: Doc, index: MentionIndex) -> list[tuple[Token, Mention]]:
    """Each person (or country: 'League partner Ruritania') mention once, with its head token."""
    heads: dict[tuple[int, int], tuple[Token, Mention]] = {}
    for i, m in sorted(index.by_token.items()):
        head = doc[i].head
        if m.type in (EntityType.PERSON, EntityType.COUNTRY) and not (
            head.i != i and m.start <= head.idx < m.end
        ):
            heads.setdefault((m.start, m.end), (doc[i], m))
    return list(heads.values())


def title_relations(
    article: Article, doc: Doc, index: MentionIndex
) -> tuple[list[Relation], Affiliations]:
    found: list[Relation] = []
    affiliations: Affiliations = {}
    for head, person in _person_heads(doc, index):
        if shouted(head.sent.text):
            continue  # a headline's capitals: 'RURITANIAN MINISTER MEETS X'
        titled(head, person, article, index, found, affiliations)
    return found, affiliations


def titled(
    head: Token,
    person: Mention,
    article: Article,
    index: MentionIndex,
    found: list[Relation],
    affiliations: Affiliations,
) -> None:
    """The relations the title around one person's name gives, added to `found`; the
    organisations the person speaks for, to `affiliations`."""
    tokens, before = _context(head, person, index)
    title, predicates = index.lex.title(_words(tokens, index))
    lead = _first_conjunct(head)
    first = index.by_token.get(lead.i) if lead.i != head.i else None
    if not predicates and first is not None and first.type == EntityType.PERSON:
        shared, before = _context(lead, first, index)  # 'Party hopefuls X and Y'
        if any(t.tag_ in ("NNS", "NNPS") and t.i not in index.by_token for t in shared):
            tokens = shared  # a plural title; not 'Ruritania President X and Y'
            title, predicates = index.lex.title(_words(tokens, index))
    if not predicates and before:
        tokens = sorted({*tokens, *before}, key=lambda t: t.i)
        title, predicates = index.lex.title(_words(tokens, index))
    asides = [c for c in kids(head) if c.dep_ == "advmod"]  # 'X, formerly an aide'
    if head.dep_ == "pobj" and head.head.lower_ == "of":
        asides.append(head.head.head)  # 'the removal of party chief X': no longer chief
    if not predicates:
        return
    was = offices.former(tokens + asides, index)  # 'former chairman X': the post, as former
    sides = bool({"playsFor", "coaches"} & set(predicates))  # a player retires from sport
    quit = not sides and offices.left(head, index)  # 'Chairman X has resigned'
    was = was or quit
    held = len(found)
    if "wins" in predicates:  # 'Ruritown champion X', 'W Games 100m champion Y'
        found.extend(_won(person, tokens, head, article, index))
    orgs = title_orgs(head, tokens, index) or _first_conjuncts_orgs(lead, first, index)
    if not orgs and "playsFor" in predicates and (side := unnamed.owning_side(head, index)):
        orgs, predicates = [side], ["playsFor"]  # 'Flanker X ... in Ruritania's last games'
    if offices.portfolios(tokens, index):  # 'Economy and Labour Minister X': no party's
        fields = {m.key for t in tokens if _coordinated(t) and (m := index.by_token.get(t.i))}
        orgs = [o for o in orgs if not (offices.a_party(o, index) and o.key in fields)]
    national = _national(title, predicates, index)
    adjectives: set[str] = set()  # 'Ruritanian midfielder Y' is Ruritanian, not surely capped
    if national and not any(o.type == EntityType.ORGANIZATION for o in orgs):
        known = {o.key for o in orgs}  # 'Ruritanian President X', 'Bordurian midfielder Y'
        named_by_adjective = [c for c in _demonyms(tokens, article, index) if c.key not in known]
        adjectives = {c.key for c in named_by_adjective}
        orgs += named_by_adjective
    if not orgs and (sole := unnamed.national_country(tokens, title, article, index)):
        orgs = [sole]  # 'Home Secretary X': the one country's with the title
    if not orgs and (sole := unnamed.sole_country(tokens, title, index)) is not None:
        orgs = [sole]  # 'President X Y', in an article that names one country
    if not orgs and predicates == ["worksFor"]:
        orgs = [boss] if (boss := personal_employer(tokens, person, index)) else []
    firm = None if orgs else unnamed.lead_company(tokens, title, predicates, head, index)
    if firm is not None:
        orgs = [firm]  # 'X, chief financial officer, said', in an article about Acme Inc
    parts = offices.units(tokens, orgs, index)
    orgs = [o for o in orgs if o not in parts]
    partisan = offices.partisan(tokens, index) or offices.party_office(title, tokens, orgs, index)
    narrow = bool(parts or partisan or offices.narrowed(tokens, orgs, index))
    membership = set(predicates) <= {"memberOf", "citizenOf"}  # 'MP', 'member', 'senator'
    if {"leads", "holdsRoleAt"} & set(predicates) and narrow:
        predicates = ["memberOf"]
    if "leads" in predicates and any(t.lower_ in index.lex.words("shadow_words") for t in tokens):
        predicates = ["memberOf" if p == "leads" else p for p in predicates]  # 'Party Shadow
        # Chancellor X' leads neither the party nor the country
    if "leads" in predicates and any(t.lower_ in index.lex.words("deputy_words") for t in tokens):
        predicates = ["holdsRoleAt" if p == "leads" else p for p in predicates]  # 'deputy leader'
    # analysts speak for themselves
    office = bool(set(predicates) & _OFFICES)  # a player or a founder is no one's voice
    voice = office and title not in index.lex.words("no_voice_titles") and not partisan
    units = index.lex.words("unit_nouns")  # the head of Acme's Ruritania unit speaks for the unit
    voice = voice and not parts and not any(t.lemma_.lower() in units for t in tokens)
    analysts = index.lex.words("analyst_firm_words")  # 'X, vice president at analyst firm Y'
    voice = voice and not any(
        t.lower_ in analysts
        and t.dep_ in ("compound", "amod")
        and t.i not in index.by_token
        and t.head.lemma_ in ("firm", "house", "company", "group")
        for t in tokens
    )
    if set(predicates) <= {"worksFor"}:  # 'a Ruritania banker': staff of no country
        orgs = [o for o in orgs if o.type != EntityType.COUNTRY]
    for org in orgs:
        elected = org.type == EntityType.COUNTRY and title in index.lex.words("place_offices")
        member = membership and offices.a_party(org, index)
        if voice and not (elected or member or was) and not offices.academic(org, index):
            affiliations.setdefault(person.key, []).append(org)  # 'Party MP X' speaks for himself
        for predicate in offices.predicates_for(title, predicates, org, index):
            if predicate in ("holdsRoleAt", "wins"):
                continue  # with its title, below; what was won: _won
            if predicate in _SIDES and org.key in adjectives:
                continue  # 'Ruritanian midfielder Y': not surely its; 'Ruritania captain Z' is
            if narrow and predicate == "memberOf" and not _a_body(org, index):
                predicate = "worksFor"  # 'director of Ruritania Equities at Acme Life'
            if predicate == "memberOf" and org.type == EntityType.COUNTRY:
                continue  # a minister holds a post in the country, not membership of it
            rel = relation(person, [predicate], org, [head], article, "title", index)
            found.extend([rel] if rel else [])
        citizen = org.type == EntityType.COUNTRY and "citizenOf" in predicates
        post = not narrow or org.type == EntityType.COUNTRY  # 'Ruritania's Europe director'
        profession = set(predicates) <= {"citizenOf"}  # 'Ruritown sprinter X': no post
        partys = title in index.lex.words("place_offices") and offices.a_party(org, index)
        personal = org.type == EntityType.PERSON  # "X's lawyer Y": no post at a person
        if (
            post
            and not citizen
            and not profession
            and not partys
            and not personal
            and ("playsFor" not in predicates)
        ):
            found.extend(role_at(person, title, org, head, article, index))
    if was:
        found[held:] = [_former(r, index) for r in found[held:]]
    for org in [o for o in orgs if o.type == EntityType.ORGANIZATION] if quit else []:
        rel = relation(person, ["resignsFrom"], org, [head.head], article, "title:left", index)
        found.extend([rel] if rel else [])


def _coordinated(tok: Token) -> bool:
    """A word of a coordination ('Labour' of 'Economy and Labour'), not one before it ('Party'
    of 'Party work and pensions spokesman')."""
    doc = tok.doc
    beside = [doc[i] for i in (tok.i - 1, tok.i + 1) if 0 <= i < len(doc)]
    return any(t.dep_ == "cc" or t.lower_ in ("and", "&") for t in beside)


def _former(rel: Relation, index: MentionIndex) -> Relation:
    """A relation of a post no longer held ('former Acme chairman X'); a nationality, a win and
    a party stay ('former Ruritanian minister X' is Ruritanian; a former champion won; an
    ex-Party minister was a minister, and of the Party)."""
    if rel.predicate in ("citizenOf", "wins"):
        return rel
    if rel.predicate == "memberOf" and offices.a_party(rel.object, index):
        return rel
    return put(rel, Modality.FORMER)


def _first_conjuncts_orgs(lead: Token, first: Mention | None, index: MentionIndex) -> list[Mention]:
    """The organisation of the first person of a list, for a later one's title that names
    none ("Acme's chairman X and chief executive Y": Y is Acme's too)."""
    if first is not None and first.type == EntityType.PERSON:
        tokens, _ = _context(lead, first, index)
    elif first is None and lead.pos_ == "NOUN":  # "Acme's chairman X and chief Y": the title
        tokens = [t for t in lead.subtree if t.i <= lead.i]
    else:
        return []
    return [o for o in title_orgs(lead, tokens, index) if o.type == EntityType.ORGANIZATION]


_CONTESTS = (EntityType.EVENT, EntityType.PLACE, EntityType.WORK, EntityType.AWARD)  # 'the W Open'


def _won(
    person: Mention, tokens: list[Token], head: Token, article: Article, index: MentionIndex
) -> list[Relation]:
    """A winner's title names what was won: an event, or the place it is named after."""
    won = {m.key: m for t in tokens if (m := index.by_token.get(t.i)) and m.type in _CONTESTS}
    found = [relation(person, ["wins"], m, [head], article, "title", index) for m in won.values()]
    return [r for r in found if r is not None]


def _a_body(org: Mention, index: MentionIndex) -> bool:
    """A country, a party, an organisation the gazetteer knows (a union of states, a league) or a
    body of members (a house, a council, a committee): one holds a post in a part of it as a member;
    in a company, as staff."""
    if org.type != EntityType.ORGANIZATION or org.is_known:  # the gazetteer's: unions, parties
        return True
    words = index.lex.words("party_words") | index.lex.words("member_bodies")
    return any(w in words for w in org.label.lower().split())


def _national(title: str, predicates: list[str], index: MentionIndex) -> bool:
    """A country's adjective on the title names the country served ('Ruritanian President X',
    'Bordurian Finance Minister Y') when the title heads a state or an office of a place, or
    serves or speaks for one, or names where a player is from ('Ruritanian midfielder Z'); not
    on a post at an organisation ('Ruritanian film director W')."""
    offices = index.lex.words("state_heads") | index.lex.words("place_offices")
    return title in offices or bool(set(predicates) & {"memberOf", "speaksFor", "citizenOf"})


def _demonyms(tokens: list[Token], article: Article, index: MentionIndex) -> list[Mention]:
    """Countries named by an adjective in the title ('Ruritanian President', 'Bordurian
    midfielder'), as mentions at the adjective."""
    found = []
    firms = index.lex.words("company_nouns")
    for t in tokens:
        if t.i in index.by_token or t.dep_ not in ("amod", "compound"):
            continue
        between = t.doc[t.i + 1 : t.head.i + 1] if t.head.i > t.i else [t.head]
        if any(w.lemma_.lower() in firms for w in between):
            continue  # "a Ruritanian bank's spokesman", 'Ruritanian central bank governor'

        lefts = [c for c in t.lefts if c.dep_ in ("amod", "compound") and c.i == t.i - 1]
        known = index.lex.demonym(f"{lefts[0].text} {t.text}") if lefts else None  # 'South X-an'
        start = lefts[0].idx if known is not None else t.idx
        if known is None and t.dep_ == "amod":
            known = index.lex.demonym(t.text)
        if known is not None and known.type == EntityType.COUNTRY:
            end = t.idx + len(t)
            found.append(mention(article, t.doc, start, end, known.type, known.key, known.label))
    return found


def role_at(
    person: Mention, title: str, org: Mention, head: Token, article: Article, index: MentionIndex
) -> list[Relation]:
    """The post itself: 'chief operating officer of Acme' is a role at Acme, its title on the
    statement (W3C ORG's membership with a role). Not for bare membership ('member', 'ally')."""
    if title in index.lex.words("membership_titles") | index.lex.words("non_posts"):
        return []
    rel = relation(person, ["holdsRoleAt"], org, [head], article, "title", index)
    return [replace(rel, provenance=replace(rel.provenance, role_title=title))] if rel else []
