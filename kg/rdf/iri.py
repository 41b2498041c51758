"""The one place IRIs of the data (not of the ontology: see kg.ontology) are minted.

IRIs are readable and stable: https://w3id.org/kg-news/id/<kind>/<slug>, the slug being the
linking key transliterated to ASCII (Doğu -> dogu), lower case, with '-' between words.
"""

from __future__ import annotations

import hashlib

from rdflib import URIRef

from kg.errors import KGError
from kg.lexicon import fold

BASE = "https://w3id.org/kg-news/id/"
KINDS = (
    "person",
    "organization",
    "country",
    "place",
    "group",
    "event",
    "work",
    "award",
    "product",
    "article",
    "statement",
)
_MAX_SLUG = 80


def slug(text: str) -> str:
    """ASCII letters, digits and single hyphens; a hash if nothing readable is left."""
    cleaned = fold(text).replace(" ", "-")
    if not cleaned:
        return "x" + hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]
    if len(cleaned) > _MAX_SLUG:
        digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:8]
        cleaned = cleaned[:_MAX_SLUG].rstrip("-") + "-" + digest
    return cleaned


def mint(kind: str, local: str) -> URIRef:
    """The IRI of a thing of `kind` whose key (or id) is `local`."""
    if kind not in KINDS:
        raise KGError(f"cannot mint an IRI of unknown kind {kind!r}")
    return URIRef(f"{BASE}{kind}/{slug(local)}")


def entity_iri(entity_type: str, key: str) -> URIRef:
    """Entities: the key without its namespace ('org:acme' -> organization/acme)."""
    local = key.split(":", 1)[1] if ":" in key else key
    return mint(entity_type.lower(), local)


def statement_iri(*parts: str) -> URIRef:
    """A statement (provenance record): a hash of what it states and where."""
    return mint("statement", hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:20])
