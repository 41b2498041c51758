"""The tree is the pipeline: a module imports only from an earlier stage, its own, or the shared
modules on top (the records, errors, files, data files, ontology); never from a later stage."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

KG = Path(__file__).resolve().parent.parent / "kg"
SHARED = [
    "errors",
    "model",
    "files",
    "jail",
    "lexicon",
    "ontology",
]  # in this order among themselves
STAGES = ["read", "nlp", "extract", "link", "rdf", "view", "pipeline"]  # the pipeline's order
TOP = ["api", "cli", "__init__"]


def _unit(module: str) -> str:
    """The stage package or top-level module a dotted name under kg belongs to."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


def _rank(unit: str) -> int:
    order = SHARED + STAGES + TOP
    assert unit in order, f"kg/{unit} is in no stage: add it to a package or to this test"
    return order.index(unit)


def _imports(path: Path) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("kg"):
            names = [node.module] if node.module != "kg" else [f"kg.{a.name}" for a in node.names]
            found.update(names)
        elif isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name.startswith("kg."))
    return found


def _module(path: Path) -> str:
    return ".".join(("kg", *path.relative_to(KG).with_suffix("").parts))


MODULES = sorted(KG.rglob("*.py"))


def test_every_module_is_in_a_stage() -> None:
    units = {_unit(_module(p)) for p in MODULES}
    assert units <= set(SHARED + STAGES + TOP), units - set(SHARED + STAGES + TOP)
    assert {p.parent.name for p in MODULES if p.parent != KG} <= set(STAGES)


@pytest.mark.parametrize("path", MODULES, ids=lambda p: p.relative_to(KG).as_posix())
def test_imports_go_to_earlier_stages_only(path: Path) -> None:
    mine = _unit(_module(path))
    for imported in _imports(path):
        theirs = _unit(imported)
        if theirs == mine:
            continue
        assert _rank(theirs) < _rank(mine), f"{_module(path)} imports {imported}, a later stage"


def test_stage_packages_say_what_goes_in_and_out() -> None:
    for stage in STAGES:
        doc = ast.get_docstring(ast.parse((KG / stage / "__init__.py").read_text()))
        assert doc and "In:" in doc and "Out:" in doc, f"kg/{stage}/__init__.py"
