"""The records passed between stages. All frozen: a stage returns new records, never edits."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class EntityType(StrEnum):
    """Entity classes of the ontology (the value is the class's local name)."""

    PERSON = "Person"
    ORGANIZATION = "Organization"
    COUNTRY = "Country"
    PLACE = "Place"
    GROUP = "Group"
    EVENT = "Event"
    WORK = "Work"
    AWARD = "Award"
    PRODUCT = "Product"


class Modality(StrEnum):
    """How the text puts a relation: as a fact, denied, or as a possibility. Only asserted
    relations become triples of the graph; the others are kept as flagged statements."""

    ASSERTED = "asserted"
    NEGATED = "negated"  # 'did not condemn', 'refused to back'
    HYPOTHETICAL = "hypothetical"  # 'may attack', 'threatened to strike', 'if X backs Y', '?'
    INTENDED = "intended"  # 'agreed to buy', 'plans to visit', 'the planned takeover'
    FORMER = "former"  # 'former minister', 'ex-chairman', 'chief until last year': held no longer


@dataclass(frozen=True)
class RawArticle:
    """An article's text before its language is known, with what its source says of it."""

    source: str
    title: str
    text: str
    sha256: str
    lang: str | None = None  # as the source declares it (JSON Lines "lang")
    date: str | None = None  # ISO 8601 if the source's date names a day, else as it gives it
    url: str | None = None
    author: str | None = None
    publisher: str | None = None  # the site or agency (HTML site name, JSON Lines "source")


@dataclass(frozen=True)
class Skipped:
    """An input that is not built, and why (one line)."""

    source: str
    reason: str


@dataclass(frozen=True)
class Article:
    """One news article as read from disk."""

    id: str  # first 16 hex digits of sha256
    source: str  # the path as the user gave it (POSIX form)
    title: str
    text: str
    lang: str  # ISO 639-1 code
    sha256: str
    date: str | None = None  # ISO 8601 (YYYY-MM-DD) if the source's date names a day
    url: str | None = None
    author: str | None = None
    publisher: str | None = None


@dataclass(frozen=True)
class Mention:
    """A stretch of an article's text that names an entity.

    `key` is the linking key: mentions with equal keys are the same entity. Keys come from
    lexicons where a name is known (country:XX, org:acme) and from the normalised text otherwise.
    """

    article_id: str
    text: str
    start: int
    end: int
    type: EntityType
    key: str
    label: str  # the best name for the entity this mention gives (canonical if known)
    lang: str
    is_name: bool = True  # a name (not 'the member states' for the League)
    coref: bool = False  # found through a pronoun ('he', 'we' in a quote), not named here

    @property
    def is_known(self) -> bool:
        """A gazetteer knows the entity (its key is not made from the text: 'name:...')."""
        return not self.key.startswith("name:")


@dataclass(frozen=True)
class Provenance:
    """Where a relation was read (article, sentence, character spans in the article text), by
    which rule, how sure the extractor is (`confidence` in [0, 1], see kg/extract/stance.py),
    how the text puts it (`modality`) and, for an event, the day it happened if the sentence
    says (`date`)."""

    article_id: str
    sentence: str
    sentence_start: int
    sentence_end: int
    start: int
    end: int
    rule: str
    confidence: float = 1.0
    modality: Modality = Modality.ASSERTED
    date: str | None = None  # the day (ISO 8601) the sentence says it happened (kg.extract.dates)
    date_text: str | None = None  # the expression that says when: 'Thursday', '3 March'
    code: str | None = None  # the CAMEO code of the pattern that matched ('112': accuse)
    role_title: str | None = (
        None  # a post's title as written, on holdsRoleAt ('chief operating officer')
    )


@dataclass(frozen=True)
class Relation:
    """`subject predicate object`, as one article says it. `predicate` is an ontology local name.
    `speaker`: who said it, when the article reports it from a quote or reported speech."""

    subject: Mention
    predicate: str
    object: Mention
    provenance: Provenance
    speaker: Mention | None = None


@dataclass(frozen=True)
class Extraction:
    """Everything the map step produced for one article."""

    article: Article
    mentions: tuple[Mention, ...]
    relations: tuple[Relation, ...]


@dataclass(frozen=True)
class Entity:
    """One node of the graph: all mentions that share a linking key, across articles."""

    key: str
    type: EntityType
    label: str
    label_lang: str
    alt_labels: tuple[tuple[str, str], ...]  # (name, language), sorted
    articles: tuple[str, ...]  # article ids, sorted


@dataclass(frozen=True)
class Triple:
    """A linked relation: subject, object and speaker are entity keys."""

    subject: str
    predicate: str
    object: str
    provenance: Provenance
    speaker: str | None = None

    def holds(self, min_confidence: float) -> bool:
        """Whether the graph asserts it: stated as a fact, and confident enough."""
        prov = self.provenance
        return prov.modality == Modality.ASSERTED and prov.confidence >= min_confidence


@dataclass(frozen=True)
class Graph:
    """The result of linking: what the RDF writer serialises."""

    articles: tuple[Article, ...]
    entities: tuple[Entity, ...]
    triples: tuple[Triple, ...]
    close_matches: tuple[tuple[str, str], ...] = ()  # entity keys that may be the same
