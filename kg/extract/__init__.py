"""Extract (the map, third stage): one article and its spaCy `Doc` -> an `Extraction`. Pure.

In: an `Article` and its `Doc`. Out: typed mentions and relations with provenance (sentence,
span, speaker, modality, confidence, date), checked against the ontology's domains and ranges.

- `mentions`, `named`, `lexicon`, `dictionary`: who and what the article names
- `relations`, `titles`, `offices`, `nominal`: relations from verbs, titles, event nouns and
  place phrases; `organisations`, `people`: from the noun phrases of organisations and people
  ("Ruritania's Acme", "X's takeover of Y", 'Ruritown teacher Z'); `stance`: speaker, modality and
  confidence; `coref`, `anaphora`: pronouns, 'the firm', 'the film'
- `dates`: date expressions anchored to the article's date
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc

from kg.extract.dates import find_timexes
from kg.extract.lexicon import lex_for
from kg.extract.mentions import find_mentions
from kg.extract.relations import find_relations
from kg.lexicon import cities
from kg.model import Article, Extraction, Relation
from kg.ontology import KG
from kg.read.dates import iso_date


def preload(lang: str) -> None:
    """Read the lexicons and gazetteers extraction looks up in one language (once per process:
    ~0.4 s, mostly GeoNames' cities), so that the first article does not pay for them."""
    lex_for(lang)
    cities()


def extract(article: Article, doc: Doc) -> Extraction:
    """Typed mentions and relations, with provenance, from one parsed article."""
    try:
        index = find_mentions(article, doc)
        relations = dated(article, find_relations(article, doc, index))
    finally:
        for key in (
            "kg.tokens",
            "kg.kids",
            "kg.quotes",
            "kg.lineups",
            "kg.casts",
        ):  # for this pass only
            doc.user_data.pop(key, None)
    mentions = tuple(sorted(set(index.by_token.values()), key=lambda m: (m.start, m.end, m.key)))
    return Extraction(article, mentions, relations)


def dated(article: Article, relations: tuple[Relation, ...]) -> tuple[Relation, ...]:
    """Events (predicates with a CAMEO code) with the day their sentence gives: the date
    expression of the sentence nearest the relation, relative ones anchored to the article's
    date ('on Thursday' in an article of Friday 28 February 2020 is 2020-02-27). Without an
    article date a relative expression is kept as written, with no day."""
    timexes = find_timexes(article.text, article.lang, iso_date(article.date))
    out = []
    for r in relations:
        p = r.provenance
        near = [t for t in timexes if p.sentence_start <= t.start and t.end <= p.sentence_end]
        if near and KG.cameo(r.predicate) is not None:
            t = min(near, key=lambda t: min(abs(t.start - p.end), abs(p.start - t.end)))
            r = replace(r, provenance=replace(p, date=t.iso, date_text=t.text))  # iso: or None
        out.append(r)
    return tuple(out)
