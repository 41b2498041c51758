"""The hand-checked evaluation set (tests/eval/*.toml) through the real models, and the
scoring that `kg eval` prints."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.errors import InputError, OntologyError
from kg.nlp.backends import NLP
from kg.pipeline.evaluate import Case, Outcome, load_cases, run, score
from kg.rdf.graph import min_confidence

EVAL = Path(__file__).parent / "eval"


@pytest.fixture(scope="module")
def outcomes(nlp: NLP) -> list[Outcome]:
    return run(load_cases(EVAL), min_confidence(), backends=nlp)


def test_eval_set_has_both_languages_and_empty_cases() -> None:
    cases = load_cases(EVAL)
    assert {c.lang for c in cases} == {"en", "nl"}
    assert sum(1 for c in cases if not c.expected) >= 10


@pytest.mark.parametrize(("lang", "precision", "recall"), [("en", 0.995, 0.97), ("nl", 0.9, 0.8)])
def test_precision_and_recall_hold(
    outcomes: list[Outcome], lang: str, precision: float, recall: float
) -> None:
    """Measured 2026-12-03 (issue 19, with the news families' cases): en 99.9% / 97.1% on 494
    cases, nl 100% / 83% on 11. A drop below these floors is a regression to explain, not to
    absorb by editing the cases."""
    sc = score(o for o in outcomes if o.case.lang == lang)
    assert sc.precision >= precision, sc
    assert sc.recall >= recall, sc


def test_denied_hypothetical_and_empty_texts_yield_nothing(outcomes: list[Outcome]) -> None:
    noisy = [(o.case.text, sorted(o.found)) for o in outcomes if not o.case.expected and o.found]
    assert noisy == []


def test_scores() -> None:
    fact = ("peru", "condemns", "raid")
    case = Case("en", "text", frozenset({fact, ("chile", "condemns", "raid")}))
    sc = score(
        [
            Outcome(
                case, frozenset({fact, ("x", "kills", "y")}), frozenset({fact}), frozenset({fact})
            )
        ]
    )
    assert (sc.found, sc.correct, sc.expected, sc.recalled) == (2, 1, 2, 1)
    assert sc.precision == sc.recall == 0.5


def test_bad_cases_are_refused(tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text('[[case]]\nlang = "en"\ntext = "x"\ntriples = ["Peru | condems | raid"]\n')
    with pytest.raises(OntologyError):
        load_cases(bad)
    bad.write_text('[[case]]\nlang = "en"\ntext = "x"\ntriples = ["Peru condemns raid"]\n')
    with pytest.raises(InputError, match="subject \\| predicate \\| object"):
        load_cases(bad)
    with pytest.raises(InputError, match="not a readable evaluation file"):
        load_cases(tmp_path / "missing.toml")
    (tmp_path / "empty").mkdir()
    with pytest.raises(InputError, match="no \\[\\[case\\]\\]"):
        load_cases(tmp_path / "empty")
