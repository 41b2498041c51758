"""Every query in queries/ runs on the seeds' graph, in rdflib and in Oxigraph, with the same
answer, and the answer holds what a reader expects."""

import pytest

from kg.api import Written
from kg.query import Result, named_queries, run_oxigraph, run_rdflib
from kg.rdf import load_graph

EXPECTED = {
    "who-condemned-what": lambda r: ("NATO", "airstrike") in {row[:2] for row in r.rows},
    "who-speaks-for-whom": lambda r: (
        ("Jens Stoltenberg", "speaks for", "NATO") in {row[:3] for row in r.rows}
    ),
    "who-called-on-whom": lambda r: ("NATO", "Russia") in {row[:2] for row in r.rows},
    "what-happened-where": lambda r: any(row[1] == "Idlib" and row[2] == "Syria" for row in r.rows),
    "provenance": lambda r: any(row[1] == "condemns" and "condemn" in row[-1] for row in r.rows),
    "across-languages": lambda r: (
        {"NATO", "Türkiye", "Russia", "Jens Stoltenberg"} <= {row[0] for row in r.rows}
    ),
}


def test_every_named_query_has_an_expectation() -> None:
    assert set(named_queries()) == set(EXPECTED)


@pytest.fixture(scope="module")
def answers(seeds_build: Written) -> dict[str, tuple[Result, Result]]:
    graph = load_graph(seeds_build.turtle)
    data = seeds_build.turtle.read_bytes()
    return {
        name: (run_rdflib(graph, path.read_text()), run_oxigraph(data, path.read_text()))
        for name, path in named_queries().items()
    }


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_query_answer(answers: dict[str, tuple[Result, Result]], name: str) -> None:
    by_rdflib, _ = answers[name]
    assert by_rdflib.rows, f"{name} returned nothing"
    assert EXPECTED[name](by_rdflib), by_rdflib.rows


def _canonical(rows: tuple[tuple[str, ...], ...]) -> list[tuple[str, ...]]:
    """GROUP_CONCAT's order is left to the engine (SPARQL 1.1, 18.5.1.7): compare the parts."""

    def cell(value: str) -> str:
        for sep in (" | ", ", "):
            if sep in value:
                return sep.join(sorted(value.split(sep)))
        return value

    return sorted(tuple(cell(v) for v in row) for row in rows)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_rdflib_and_oxigraph_agree(answers: dict[str, tuple[Result, Result]], name: str) -> None:
    by_rdflib, by_oxigraph = answers[name]
    assert by_rdflib.columns == by_oxigraph.columns
    assert _canonical(by_rdflib.rows) == _canonical(by_oxigraph.rows)
