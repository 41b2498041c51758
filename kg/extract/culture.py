"""Who made a work and who is in it, read from noun phrases:

- a person's possessive on the work or on its noun is its maker: "Y's boxing drama X"
  (directs, for a film), "Z's novel W" (authorOf), "V's Title";
- 'Title star V U', 'X, the star of Y', "the film's director Z": starsIn,
  directs.

Works are typed by kg/extract/works.py; the ontology's domains and ranges decide, as everywhere.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Doc, Span, Token

from kg.extract.common import conjuncts, head_of, preps, resolve, resolve_all
from kg.extract.docs import kids, tokens
from kg.extract.lineups import cast_pairs
from kg.extract.mentions import MentionIndex
from kg.extract.stance import relation
from kg.extract.works import work_noun
from kg.model import Article, EntityType, Mention, Relation


def _owners(tok: Token, work: Mention, index: MentionIndex) -> Iterator[tuple[Token, str]]:
    """Possessives on the work's name or on the work noun before it, with the predicate of
    the maker: "X's novel W" (authorOf), "Y's V" (a bare title). Not a screen
    work's noun's owner with no maker's title: "Z's romantic comedy U" and "Z's thriller T"
    may be their star's ([possessive_makers]: the written and the
    musical works, whose possessive is their maker's)."""
    noun = _token_before(work, tok.doc)
    if tok.dep_ == "appos" and work_noun(tok.head, index.lex):
        noun = tok.head  # "X's novel, Title"
    predicate = work_noun(noun, index.lex) if noun is not None else None
    holders = [tok] + ([noun] if noun is not None and predicate else [])
    makers = index.lex.words("possessive_makers")
    for holder in holders:
        for c in holder.lefts:
            if c.dep_ == "poss" and index.by_token.get(c.i) != work:
                mine = c.pos_ == "PRON" and c.lower_ != "whose"  # "X, whose film Y": X's
                if holder is noun and mine and predicate == "directs":
                    continue  # 'her new movie X': she may be in it as well as have made it
                written = predicate is None or noun is None or noun.lemma_.lower() in makers
                if written or _titled_maker(c, index):
                    yield c, predicate or "authorOf"


def _titled_maker(owner: Token, index: MentionIndex) -> bool:
    """ "Director X's": a maker's title on the possessive."""
    roles: dict[str, str] = index.lex.vocab.get("work_roles", {})
    makers = {w for w, p in roles.items() if p in ("directs", "authorOf")}
    return any(c.lemma_.lower() in makers for c in owner.subtree if c.i != owner.i)


def made(article: Article, doc: Doc, index: MentionIndex) -> Iterator[Relation | None]:
    """ "V's Title", "Y's boxing drama X": a person's possessive on a work is
    its maker. (An organisation's on a name is too often a product or a scheme the NER took
    for a name: "Acme's new BetaFares".)"""
    for tok in tokens(doc):
        work = index.by_token.get(tok.i)
        if work is None or work.type != EntityType.WORK or not head_of(tok, work):
            continue
        for c, predicate in _owners(tok, work, index):
            owner = resolve(c, index)
            if owner is not None and owner.type == EntityType.PERSON and c.lower_[:2] != "it":
                yield relation(owner, [predicate], work, [tok], article, "phrase:owner", index)


def crew(article: Article, doc: Doc, index: MentionIndex) -> Iterator[Relation | None]:
    """'Title star V U', 'X, the star of Y', "the film's director Z": a
    person with a role in a work ([work_roles]: star, director, writer) is in it or made it."""
    roles: dict[str, str] = index.lex.vocab.get("work_roles", {})
    for tok in tokens(doc):
        person = index.by_token.get(tok.i)
        if person is None or person.type != EntityType.PERSON or not head_of(tok, person):
            continue
        nouns = [c for c in kids(tok) if c.pos_ == "NOUN" and c.lemma_.lower() in roles]
        nouns += [tok.head] if tok.dep_ == "appos" and tok.head.lemma_.lower() in roles else []
        for noun in nouns:
            near = [c for c in noun.lefts if c.dep_ in ("compound", "poss", "nmod")]
            near += [g for p in kids(noun) if p.lower_ == "of" for g in kids(p)]
            for work in (w for t in near for w in resolve_all(t, index)):  # 'the film's'
                if work.type == EntityType.WORK:
                    predicate = roles[noun.lemma_.lower()]
                    yield relation(person, [predicate], work, [tok], article, "phrase:crew", index)


def _token_before(work: Mention, doc: Doc) -> Token | None:
    """The word right before a work's name ('the film' of 'the film X')."""
    first = doc.char_span(work.start, work.end, alignment_mode="expand")
    return doc[first.start - 1] if first is not None and first.start > 0 else None


def _noun_before(work: Mention, doc: Doc, index: MentionIndex) -> str | None:
    before = _token_before(work, doc)
    return work_noun(before, index.lex) if before is not None else None


def by_makers(article: Article, doc: Doc, index: MentionIndex) -> Iterator[Relation | None]:
    """'Title by X Y', 'the film Title by Z W': who made the work
    (directs for a film, else authorOf)."""
    for tok in (
        doc[i] for i in sorted(i for i, m in index.by_token.items() if m.type == EntityType.WORK)
    ):
        work = index.by_token[tok.i]
        if not head_of(tok, work):
            continue
        predicate = _noun_before(work, doc, index) or "authorOf"
        after = doc[tok.i + 1] if tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "by" else None
        by = [p for p in kids(tok) if p.dep_ == "prep" and p.lower_ == "by"]
        for t in (g for p in [*by, *([after] if after else [])] for g in kids(p)):
            for maker in (m for c in conjuncts(t) if (m := resolve(c, index)) is not None):
                if maker.type == EntityType.PERSON:
                    yield relation(maker, [predicate], work, [tok], article, "phrase:by", index)


_CAST_VERBS = ("include", "feature", "comprise")
_INNER = ("adaptation", "version", "remake", "sequel")


def cast(article: Article, doc: Doc, index: MentionIndex) -> Iterator[Relation | None]:
    """'The cast of Title includes X, Y and Z', 'X joins the cast of Y': starsIn."""
    for tok in tokens(doc):
        if tok.lower_ not in ("cast", "casts") or tok.pos_ != "NOUN":
            continue
        inner = [t for t in preps(tok, ["of"])]
        inner += [g for t in inner if t.lemma_.lower() in _INNER for g in preps(t, ["of"])]
        works = [m for t in inner for m in resolve_all(t, index)]  # 'of the film adaptation of X'
        works = [w for w in works if w.type == EntityType.WORK]
        verb = tok.head
        if not works or verb.pos_ not in ("VERB", "AUX"):
            continue
        if tok.dep_ == "nsubj" and verb.lemma_.lower() in _CAST_VERBS:
            people = [c for c in kids(verb) if c.dep_ == "dobj"]
        elif tok.dep_ == "dobj" and verb.lemma_.lower() == "join":
            people = [c for c in kids(verb) if c.dep_ == "nsubj"]
        else:
            continue
        people += [a for p in people for a in kids(p) if a.dep_ == "appos"]  # 'X, Y and Z'
        for person in (m for p in people for c in conjuncts(p) for m in resolve_all(c, index)):
            if person.type == EntityType.PERSON:
                for work in works:
                    yield relation(person, ["starsIn"], work, [verb], article, "verb:cast", index)


def listed(article: Article, doc: Doc, index: MentionIndex) -> Iterator[Relation | None]:
    """ "X's other films include Title Two", "her novels include X and Y": the
    owner of the works named made them (directs for films, else authorOf)."""
    for noun in tokens(doc):
        if noun.dep_ != "nsubj" or noun.head.lemma_.lower() != "include":
            continue
        predicate = work_noun(noun, index.lex)
        if predicate is None:
            continue
        owners = [m for c in kids(noun) if c.dep_ == "poss" for m in resolve_all(c, index)]
        objects = [t for c in kids(noun.head) if c.dep_ == "dobj" for t in conjuncts(c)]
        works = [m for t in objects if (m := resolve(t, index)) and m.type == EntityType.WORK]
        for owner in (o for o in owners if o.type == EntityType.PERSON):
            for work in works:
                yield relation(owner, [predicate], work, [noun], article, "phrase:owner", index)


def paired(
    pairs: list[tuple[Span, Span]],
    predicate: str,
    rule: str,
    article: Article,
    index: MentionIndex,
) -> Iterator[Relation | None]:
    """The people of a list read by its form (kg.extract.lineups) and what each is paired
    with: a cast list's works (starsIn), a line-up's side (playsFor)."""
    for who, what in pairs:
        person, other = index.by_token.get(who.end - 1), index.by_token.get(what.end - 1)
        if person is None or other is None or person.type != EntityType.PERSON:
            continue
        yield relation(person, [predicate], other, [*who, *what], article, rule, index)


def cast_lists(article: Article, doc: Doc, index: MentionIndex) -> Iterator[Relation | None]:
    """The actors of a cast list star in the works it names."""
    return paired(cast_pairs(doc), "starsIn", "lineup:cast", article, index)


def category_credits(
    verb: Token, people: list[Token], index: MentionIndex, article: Article
) -> list[Relation]:
    """'X won best actor for W', 'Y was nominated for best director for V': a person's
    category for a work says what the person did in it ([category_credits])."""
    credits: dict[str, str] = index.lex.vocab.get("category_credits", {})
    best = index.lex.words("award_superlatives")
    named = [c for c in kids(verb) if c.dep_ in ("dobj", "attr", "oprd")]
    named += [g for c in kids(verb) if c.dep_ == "prep" and c.lower_ == "for" for g in kids(c)]
    found = []
    for category in (t for c in named for t in conjuncts(c)):
        predicate = credits.get(category.lemma_.lower())
        if predicate is None or not any(c.lower_ in best for c in category.lefts):
            continue
        fors = [*preps(category, ["for"]), *preps(verb, ["for"])]
        works = [m for t in fors if (m := resolve(t, index)) and m.type == EntityType.WORK]
        for person in (m for t in people for m in resolve_all(t, index)):
            for work in works if person.type == EntityType.PERSON else []:
                rel = relation(person, [predicate], work, [verb], article, "prize:for", index)
                found.extend([rel] if rel else [])
    return found


def work_relations(article: Article, doc: Doc, index: MentionIndex) -> list[Relation]:
    found = [*made(article, doc, index), *crew(article, doc, index)]
    found += [*by_makers(article, doc, index), *cast(article, doc, index)]
    found += [*listed(article, doc, index), *cast_lists(article, doc, index)]
    return [r for r in found if r is not None]
