"""SHACL validation of a built graph against ontology/shapes.ttl, with pySHACL (the reference
Python SHACL engine), and violations as plain one-line descriptions."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from rdflib import RDF, RDFS, Graph, URIRef
from rdflib.namespace import SH
from rdflib.term import Node

from kg.errors import KGError, ValidationError
from kg.lexicon import load_toml
from kg.ontology import ONTOLOGY_FILE

SHAPES_FILE = ONTOLOGY_FILE.with_name("shapes.ttl")


@dataclass(frozen=True)
class Violation:
    """One SHACL result: what failed (focus node, path, offending value) and why."""

    severity: str
    focus: str
    path: str
    value: str
    message: str
    shape: str

    def __str__(self) -> str:
        where = f"{self.focus} {self.path}".rstrip()
        value = f" (value: {self.value})" if self.value and self.value != self.focus else ""
        shape = f" [{self.shape}]" if self.shape else ""
        return f"{self.severity}: {where}: {self.message}{value}{shape}"


@cache
def shapes(path: Path = SHAPES_FILE) -> Graph:
    try:
        return Graph().parse(path, format="turtle")
    except (OSError, SyntaxError, ValueError) as exc:
        raise KGError(f"cannot read the shapes {path}: {exc}") from exc


def _name(g: Graph, node: Node | None) -> str:
    if node is None:
        return ""
    if isinstance(node, URIRef):
        try:
            text = g.namespace_manager.normalizeUri(node)
        except ValueError:
            text = f"<{node}>"
        label = g.value(node, RDFS.label)
        return f"{text} ({label})" if label is not None and not text.startswith("kg:") else text
    return str(node) if not hasattr(node, "n3") else node.n3()


def _violation(report: Graph, data: Graph, result: Node) -> Violation:
    severity = report.value(result, SH.resultSeverity)
    shape = report.value(result, SH.sourceShape)
    message = report.value(result, SH.resultMessage)
    return Violation(
        severity=str(severity).rsplit("#", 1)[-1] if severity else "Violation",
        focus=_name(data, report.value(result, SH.focusNode)),
        path=_name(data, report.value(result, SH.resultPath)),
        value=_name(data, report.value(result, SH.value)),
        message=str(message) if message is not None else "constraint not met",
        shape=_shape_name(shape),
    )


def _shape_name(shape: Node | None) -> str:
    """A named shape's prefixed name; '' for an inline (blank) property shape."""
    return _name(shapes(), shape) if isinstance(shape, URIRef) else ""


def validate(g: Graph, shapes_path: Path = SHAPES_FILE) -> list[Violation]:
    """The violations of `g` against the shapes, sorted; an empty list means it conforms."""
    import pyshacl  # a heavy import: only when validating

    conforms, report, _ = pyshacl.validate(
        g, shacl_graph=shapes(shapes_path), inference="none", advanced=True, allow_warnings=True
    )
    if conforms:
        return []
    assert isinstance(report, Graph)
    found = [_violation(report, g, r) for r in report.subjects(RDF.type, SH.ValidationResult)]
    return sorted(found, key=str)


def validation_limit() -> int:
    """The largest graph kg build validates by default (kg/data/build.toml)."""
    return int(load_toml("build.toml")["validation"]["max_triples"])


def check(g: Graph) -> None:
    """Raise ValidationError naming the first violations if `g` does not conform."""
    found = validate(g)
    if found:
        shown = "; ".join(str(v) for v in found[:3])
        more = f" (and {len(found) - 3} more; run kg validate)" if len(found) > 3 else ""
        raise ValidationError(f"the graph breaks {len(found)} SHACL constraint(s): {shown}{more}")
