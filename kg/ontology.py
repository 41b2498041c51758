"""The ontology file is the source of truth for kg: terms. `KG.condemns` works; `KG.condems`
raises OntologyError instead of minting a new IRI. Domains and ranges come from the file too."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from rdflib import OWL, RDF, RDFS, Graph, URIRef

from kg.errors import OntologyError

NAMESPACE = "https://w3id.org/kg-news/ontology#"
ONTOLOGY_FILE = Path(__file__).resolve().parent.parent / "ontology" / "kg.ttl"


class Vocabulary:
    """The terms the ontology defines, with their class hierarchy, domains and ranges."""

    def __init__(self, graph: Graph) -> None:
        self.graph = graph
        self.terms = frozenset(
            str(s)[len(NAMESPACE) :]
            for s in graph.subjects()
            if isinstance(s, URIRef) and str(s).startswith(NAMESPACE)
        )
        self._supers = {name: self._ancestors(name) for name in self.classes()}

    def __getattr__(self, name: str) -> URIRef:
        if name.startswith("_"):
            raise AttributeError(name)
        return self.term(name)

    def term(self, name: str) -> URIRef:
        if name not in self.terms:
            raise OntologyError(f"'{name}' is not a term of the kg ontology ({ONTOLOGY_FILE.name})")
        return URIRef(NAMESPACE + name)

    def classes(self) -> list[str]:
        return sorted(n for n in self.terms if (self.term(n), RDF.type, OWL.Class) in self.graph)

    def object_properties(self) -> list[str]:
        found = set(self.graph.subjects(RDF.type, OWL.ObjectProperty))
        return sorted(n for n in self.terms if self.term(n) in found)

    def relations(self) -> list[str]:
        """The predicates between entities: object properties with a kg: domain under
        kg:Entity and a range that is not kg:Article (so not mentionedIn or statement terms)."""
        entity = {n for n, sup in self._supers.items() if "Entity" in sup}
        return [
            p
            for p in self.object_properties()
            if self._bound(p, RDFS.domain) in entity and self._bound(p, RDFS.range) in entity
        ]

    def is_a(self, cls: str, ancestor: str) -> bool:
        return ancestor in self._supers.get(cls, frozenset())

    def cameo(self, predicate: str) -> str | None:
        """The CAMEO event code of a predicate, if it names an event-like act."""
        value = self.graph.value(self.term(predicate), self.term("cameoCode"))
        return str(value) if value is not None else None

    def aligned_types(self, cls: str) -> tuple[URIRef, ...]:
        """The classes of other vocabularies (schema.org, PROV-O) a `cls` is a subclass of,
        directly or through its kg: superclasses; sorted, for deterministic output."""
        found = {
            parent
            for parent in self.graph.transitive_objects(self.term(cls), RDFS.subClassOf)
            if isinstance(parent, URIRef) and not str(parent).startswith(NAMESPACE)
        }
        return tuple(sorted(found))

    def _ancestors(self, name: str) -> frozenset[str]:
        seen = {name}
        for parent in self.graph.transitive_objects(self.term(name), RDFS.subClassOf):
            text = str(parent)
            if text.startswith(NAMESPACE):
                seen.add(text[len(NAMESPACE) :])
        return frozenset(seen)

    def _bound(self, predicate: str, which: URIRef) -> str | None:
        value = self.graph.value(self.term(predicate), which)
        return str(value)[len(NAMESPACE) :] if value and str(value).startswith(NAMESPACE) else None

    def accepts(self, predicate: str, subject_class: str, object_class: str) -> bool:
        """Whether `subject predicate object` respects the predicate's domain and range."""
        domain = self._bound(predicate, RDFS.domain)
        range_ = self._bound(predicate, RDFS.range)
        ok_s = domain is None or domain in self._supers.get(subject_class, frozenset())
        ok_o = range_ is None or range_ in self._supers.get(object_class, frozenset())
        return ok_s and ok_o

    def label(self, name: str, lang: str = "en") -> str:
        for value in self.graph.objects(self.term(name), RDFS.label):
            if getattr(value, "language", None) == lang:
                return str(value)
        return name


@cache
def vocabulary(path: Path = ONTOLOGY_FILE) -> Vocabulary:
    try:
        return Vocabulary(Graph().parse(path, format="turtle"))
    except (OSError, SyntaxError, ValueError) as exc:
        raise OntologyError(f"cannot read the ontology {path}: {exc}") from exc


KG = vocabulary()
