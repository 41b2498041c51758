"""Find the entities an article names: named entities (NER + gazetteers), groups ("Ruritanian
police", "League members") and events ("airstrikes"). Each token maps to at most one mention."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from spacy.tokens import Doc, Token

from kg.extract.companies import named_with_legal_form
from kg.extract.docs import kids, shouted, tokens
from kg.extract.lexicon import Lex, lex_for
from kg.extract.named import doc_text, mention, named_mentions
from kg.extract.senses import one_sense_per_article, surname
from kg.extract.teams import contest_teams
from kg.model import Article, EntityType, Mention


@dataclass(frozen=True)
class MentionIndex:
    """Mentions of one article: by token, plus name modifiers of nouns ("Liga" in Liga-chef)
    and what pronouns stand for and who says each quote (filled in by kg.extract.coref)."""

    by_token: dict[int, Mention]
    prefixes: dict[int, Mention]
    lex: Lex
    corefs: dict[int, tuple[Mention, ...]] = field(default_factory=dict)
    speakers: tuple[tuple[int, int, Mention], ...] = ()  # quotes (char spans) and who says them
    teams: frozenset[str] = frozenset()  # keys of the names the article makes teams


_MODIFIER_DEPS = frozenset({"compound", "amod", "nmod", "poss", "npadvmod", "flat", "nummod"})


def _modifiers(article: Article, tok: Token, index: MentionIndex) -> list[Mention]:
    """Named modifiers of a noun: 'League' members, 'Ruritanian' police, 'X' regime."""
    mods = [index.prefixes[tok.i]] if tok.i in index.prefixes else []
    for child in tok.lefts:
        if child.dep_ not in _MODIFIER_DEPS:
            continue
        found = index.by_token.get(child.i)
        known = index.lex.demonym(child.text) or index.lex.demonym(child.lemma_)
        if found is None and known is not None:
            found = mention(
                article,
                tok.doc,
                child.idx,
                child.idx + len(child),
                known.type,
                known.key,
                known.label,
            )
        if found is not None:
            mods.append(found)
    return mods


def _phrase(
    article: Article, tok: Token, mods: list[Mention], etype: str, key: str, label: str
) -> Mention:
    start = min([tok.idx, *(m.start for m in mods)])
    end = tok.idx + len(tok)
    text = doc_text(tok.doc)[start:end]
    return mention(article, tok.doc, start, end, etype, key, label or text)


Anchors = dict[str, list[tuple[int, Mention]]]  # concept -> (token, organisation), in text order


def _nearest(anchors: list[tuple[int, Mention]], i: int) -> Mention | None:
    """'the allies' are the allies last named with their organisation, or else the next ones
    (news leads often say 'the members' a sentence before 'League members')."""
    before = [m for j, m in anchors if j < i]
    after = [m for j, m in anchors if j > i]
    return before[-1] if before else after[0] if after else None


def _org(mods: list[Mention]) -> Mention | None:
    return next((m for m in mods if m.type == EntityType.ORGANIZATION), None)


def _group(
    article: Article, tok: Token, concept: str, index: MentionIndex, anchors: Anchors
) -> Mention:
    mods = _modifiers(article, tok, index)
    if index.lex.is_collective(concept):
        org = _org(mods) or _nearest(anchors.get(concept, []), tok.i)
        if org is not None:
            return replace(_phrase(article, tok, mods, org.type, org.key, org.label), is_name=False)
    mod_key = mods[0].key if mods else ""
    if mod_key.startswith("name:"):
        mod_key = "name:" + surname(mod_key[5:])  # 'Y X' regime = 'X' regime
    return replace(
        _phrase(article, tok, mods, "Group", f"group:{mod_key}:{concept}", ""), is_name=False
    )


def _figurative(tok: Token, index: MentionIndex) -> bool:
    words = index.lex.words("figurative_modifiers")
    return any(c.dep_ in _MODIFIER_DEPS and c.lemma_.lower() in words for c in kids(tok))


def _titles(tok: Token, index: MentionIndex) -> bool:
    """A noun that is a person's title ('Party MP X', 'X, a Party MP'): no group."""
    near = [tok.head] if tok.dep_ in ("compound", "appos") else []
    near += [c for c in kids(tok) if c.dep_ == "appos"]
    return any((m := index.by_token.get(t.i)) and m.type == EntityType.PERSON for t in near)


def _concepts(doc: Doc, index: MentionIndex) -> dict[int, tuple[str | None, str | None]]:
    """(group concept, event concept) of each noun that has one."""
    found = {}
    for tok in tokens(doc):
        if (
            tok.i not in index.by_token
            and tok.pos_ in ("NOUN", "PROPN")
            and not _titles(tok, index)
        ):
            rest = tok.text.partition("-")[2] if tok.i in index.prefixes else None
            group = index.lex.concept("groups", tok, rest)
            if group in index.lex.words("plural_groups") and tok.tag_ not in ("NNS", "NNPS"):
                group = None  # 'the Ruritown MP' is one person, not a group
            event = None if group else index.lex.concept("events", tok, rest)
            if event and _figurative(tok, index):
                event = None  # 'legal attacks', 'price war': not the event the word names
            if group or event:
                found[tok.i] = (group, event)
    return found


def _anchors(
    article: Article,
    doc: Doc,
    index: MentionIndex,
    concepts: dict[int, tuple[str | None, str | None]],
) -> Anchors:
    anchors: Anchors = {}
    for i, (group, _) in concepts.items():
        org = _org(_modifiers(article, doc[i], index)) if group else None
        if group and org and index.lex.is_collective(group):
            anchors.setdefault(group, []).append((i, org))
    return anchors


def _nouns(article: Article, doc: Doc, index: MentionIndex) -> dict[int, Mention]:
    found: dict[int, Mention] = {}
    concepts = _concepts(doc, index)
    anchors = _anchors(article, doc, index, concepts)
    for i, (group, event) in concepts.items():
        tok = doc[i]
        if group:
            found[tok.i] = _group(article, tok, group, index, anchors)
        elif event:
            key = f"event:{article.id}:{event}"
            ev = mention(article, doc, tok.idx, tok.idx + len(tok), "Event", key, event)
            found[tok.i] = replace(ev, is_name=False)
    return found


def short_names(by_token: dict[int, Mention], lex: Lex, body: int = 0) -> dict[int, Mention]:
    """An organisation's name that opens the name of exactly one other organisation of the
    article is that one ("Acme's chairman" in an article on Acme Exchange, 'Beta
    National Bank' for the Beta National Bank of Ruritown); two ('Acme' beside Acme
    Bank and Acme Exchange) leave it alone, and so does a prize, a fixture or a unit named
    after it ('Beta First Book Award', 'Rovers v United', 'Acme Radio')."""
    orgs = {
        m.key: m
        for m in by_token.values()
        if m.type == EntityType.ORGANIZATION and m.key.startswith("name:")
    }
    longer: dict[str, list[Mention]] = {}
    clubs = lex.words("club_words")
    for key in orgs:
        words = key[5:].split()
        longer[key] = [o for k, o in orgs.items() if _goes_on(words, o, lex)]
        if words[0] in clubs and len(words) == 1:  # 'United' for Ruritown United
            longer[key] += [o for k, o in orgs.items() if k.endswith(" " + words[0])]
    first = _first_starts(by_token, body)
    into = {
        k: found[0]
        for k, found in longer.items()
        if len(found) == 1 and first[k] >= first[found[0].key]  # not 'Acme' long before Acme Unit
    }
    into |= _firms_opened(by_token, orgs, lex)
    into |= _initialled(orgs, lex)  # 'BP' for British Petroleum Co, not for BP North America
    into |= _state_opened(by_token, orgs)  # 'the Republic' for the Republic of Ireland
    return {
        i: replace(m, key=into[m.key].key, label=into[m.key].label, type=into[m.key].type)
        if m.key in into
        else m
        for i, m in by_token.items()
    }


def _first_starts(by_token: dict[int, Mention], body: int) -> dict[str, int]:
    """Where each key is first named after a headline in capitals ('ACME TO BUY ...'), which
    ends at `body`."""
    first: dict[str, int] = {}
    for m in by_token.values():
        start = m.start if m.start >= body else body + m.start
        first[m.key] = min(first.get(m.key, start), start)
    return first


def body_start(doc: Doc) -> int:
    """Where the text after a headline in capitals starts (0 without one)."""
    return next((s.start_char for s in doc.sents if not shouted(s.text)), 0)


def _firms_opened(
    by_token: dict[int, Mention], orgs: dict[str, Mention], lex: Lex
) -> dict[str, Mention]:
    """A name no gazetteer knows, a place or a person to the NER, that opens the name of
    exactly one company with a legal form in the article is that company ('president of
    Acme' in an article on Acme Consolidated Industries Inc)."""
    firms = [o for o in orgs.values() if named_with_legal_form(o.label, lex)]
    found: dict[str, Mention] = {}
    for m in {m.key: m for m in by_token.values()}.values():  # each name once, not per token
        if m.type not in (EntityType.PLACE, EntityType.PERSON) or not m.key.startswith("name:"):
            continue
        opened = [f for f in firms if _goes_on(m.key[5:].split(), f, lex)]
        if len(opened) == 1:
            found[m.key] = opened[0]
    return found


def _state_opened(by_token: dict[int, Mention], orgs: dict[str, Mention]) -> dict[str, Mention]:
    """A one-word name that opens the formal name of exactly one country the article names
    ('the Republic', after 'the Republic of Ireland') is that country."""
    countries = {m.key: m for m in by_token.values() if m.type == EntityType.COUNTRY}
    found = {}
    for key, m in orgs.items():
        opened = [c for c in countries.values() if c.text.startswith(m.label + " of ")]
        if " " not in m.label and len(opened) == 1:
            found[key] = opened[0]
    return found


def _initialled(orgs: dict[str, Mention], lex: Lex) -> dict[str, Mention]:
    """A name in capitals that spells the initials of exactly one other organisation of the
    article is that one ('GM' for General Motors Corp; not the legal form's initials)."""
    skip = lex.words("name_inner_words") | lex.words("corporate_suffixes")
    spelt: dict[str, list[Mention]] = {}
    for m in orgs.values():
        words = [w for w in m.label.split() if w.lower().strip(".") not in skip]
        if len(words) > 1 and all(w[:1].isupper() for w in words):
            spelt.setdefault("".join(w[0] for w in words), []).append(m)
    found = {}
    for key, m in orgs.items():
        same = spelt.get(m.label, [])
        if m.label.isupper() and 1 < len(m.label) <= 5 and len(same) == 1:
            found[key] = same[0]
    return found


def _goes_on(words: list[str], other: Mention, lex: Lex) -> bool:
    """The other name starts with these words and goes on with a name's words ('of Ruritown',
    'Exchange'), not a prize's noun or a small word ('Award', 'v')."""
    label = other.label.split()
    if len(label) <= len(words) or other.key[5:].split()[: len(words)] != words:
        return False
    rest = label[len(words) :]
    inner, nouns = lex.words("name_inner_words"), lex.words("name_nouns")
    units = lex.words("unit_name_words")
    return not any(w.lower() in nouns or w.lower() in units for w in rest) and all(
        w[:1].isupper() or w.lower() in inner for w in rest
    )


def find_mentions(article: Article, doc: Doc) -> MentionIndex:
    """Every entity mention of the article, keyed by the tokens it covers."""
    lex = lex_for(article.lang)
    named, prefixes = named_mentions(article, doc, lex)
    named, teams = contest_teams(article, doc, lex, named)  # 'Rovers beat United'
    named = short_names(
        one_sense_per_article(named, lex.words("honorifics"), lex.words("peer_honorifics")),
        lex,
        body_start(doc),
    )
    index = MentionIndex(named, prefixes, lex)
    people = {i for i, m in index.by_token.items() if m.type == EntityType.PERSON}
    nouns = {i: m for i, m in _nouns(article, doc, index).items() if i not in people}
    by_token = {**index.by_token, **nouns}  # not 'Ally' of 'Ally X': no allies
    return MentionIndex(by_token, prefixes, lex, teams=teams)
