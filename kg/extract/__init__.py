"""Extraction (the map step): one article's spaCy Doc -> mentions and relations. Pure."""

from __future__ import annotations

from spacy.tokens import Doc

from kg.extract.mentions import find_mentions
from kg.extract.relations import find_relations
from kg.model import Article, Extraction


def extract(article: Article, doc: Doc) -> Extraction:
    """Typed mentions and relations, with provenance, from one parsed article."""
    index = find_mentions(article, doc)
    relations = find_relations(article, doc, index)
    mentions = tuple(sorted(set(index.by_token.values()), key=lambda m: (m.start, m.end, m.key)))
    return Extraction(article, mentions, relations)
