"""Precision and recall of the extractor on hand-checked sentences (`kg eval`).

An evaluation file is TOML with one `[[case]]` per text:

    [[case]]
    lang = "en"
    text = "Ruritania condemned the raid on Bordurian police."
    triples = ["Ruritania | condemns | raid", "raid | attacks | Bordurian police"]
    note = "nominalisation with a target"   # optional

`triples` lists what a careful reader finds in the text, by entity label (as the graph labels
them; compared case-insensitively) and ontology predicate; `triples = []` marks a text that must
yield nothing (a denial, a hypothetical, a sentence with no relation). Each case is built as
an article of its own, and only the triples the graph would assert count.
"""

from __future__ import annotations

import tomllib
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from kg.errors import InputError
from kg.extract import extract
from kg.lexicon import normalize
from kg.link.entities import link
from kg.model import Article, Graph
from kg.nlp.backends import NLP
from kg.ontology import KG
from kg.pipeline.timings import Timings

Fact = tuple[str, str, str]  # subject label, predicate, object label (normalised)


@dataclass(frozen=True)
class Case:
    lang: str
    text: str
    expected: frozenset[Fact]
    note: str = ""


@dataclass(frozen=True)
class Outcome:
    """What the graph asserted for a case (`found`, by main label); `correct`: those found
    that an expected triple names; `recalled`: the expected triples found."""

    case: Case
    found: frozenset[Fact]
    correct: frozenset[Fact]
    recalled: frozenset[Fact]


@dataclass(frozen=True)
class Score:
    cases: int
    found: int
    expected: int
    correct: int  # found triples that are right
    recalled: int  # expected triples that were found

    @property
    def precision(self) -> float:
        return self.correct / self.found if self.found else 1.0

    @property
    def recall(self) -> float:
        return self.recalled / self.expected if self.expected else 1.0


def _fact(text: str, where: str) -> Fact:
    parts = [p.strip() for p in text.split("|")]
    if len(parts) != 3 or not all(parts):
        raise InputError(f"{where}: '{text}' is not 'subject | predicate | object'")
    KG.term(parts[1])  # a misspelt predicate fails here, not silently at scoring
    return normalize(parts[0]), parts[1], normalize(parts[2])


def load_cases(path: Path) -> list[Case]:
    """The cases of one evaluation file, or of every .toml file in a folder."""
    files = sorted(path.glob("*.toml")) if path.is_dir() else [path]
    cases = []
    for file in files:
        try:
            data = tomllib.loads(file.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
            raise InputError(f"{file}: not a readable evaluation file ({exc})") from exc
        for n, c in enumerate(data.get("case", []), 1):
            where = f"{file.name} case {n}"
            facts = frozenset(_fact(t, where) for t in c.get("triples", []))
            cases.append(Case(c["lang"], c["text"], facts, c.get("note", "")))
    if not cases:
        raise InputError(f"{path}: no [[case]] found")
    return cases


def judge(case: Case, graph: Graph, min_confidence: float) -> Outcome:
    """Compare what the graph asserts with what the case expects. An entity matches an
    expected name if any of its labels (main or alternative, any language) is that name."""
    names = {
        e.key: (
            normalize(e.label),
            {normalize(e.label), e.key.rsplit(":", 1)[-1]}  # a group's or event's concept
            | {normalize(n) for n, _ in e.alt_labels},
        )
        for e in graph.entities
    }
    found, correct, recalled = set(), set(), set()
    for t in (t for t in graph.triples if t.holds(min_confidence)):
        (s, s_names), (o, o_names) = names[t.subject], names[t.object]
        found.add((s, t.predicate, o))
        hits = {
            f for f in case.expected if f[1] == t.predicate and f[0] in s_names and f[2] in o_names
        }
        correct |= {(s, t.predicate, o)} if hits else set()
        recalled |= hits
    return Outcome(case, frozenset(found), frozenset(correct), frozenset(recalled))


def run(
    cases: Iterable[Case],
    min_confidence: float,
    progress: Callable[[], None] | None = None,
    backends: NLP | None = None,
) -> list[Outcome]:
    """Build each case as an article of its own and collect what the graph asserts.
    `backends`: NLP to use (and leave open); by default started and stopped here."""
    nlp = backends or NLP(Timings())
    outcomes = []
    try:
        for n, case in enumerate(cases):
            article = Article(f"{n:016x}", f"case {n + 1}", "", case.text, case.lang, "0" * 64)
            graph = link([extract(article, nlp.parse(article))])
            outcomes.append(judge(case, graph, min_confidence))
            if progress:
                progress()
    finally:
        if backends is None:
            nlp.close()
    return outcomes


def score(outcomes: Iterable[Outcome]) -> Score:
    items = list(outcomes)
    return Score(
        len(items),
        sum(len(o.found) for o in items),
        sum(len(o.case.expected) for o in items),
        sum(len(o.correct) for o in items),
        sum(len(o.recalled) for o in items),
    )
