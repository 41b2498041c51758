"""Every query in queries/ runs on the seeds' graph, in rdflib and in Oxigraph, with the same
answer, and the answer holds what a reader expects."""

import pytest

from kg.api import Written
from kg.errors import QueryError
from kg.rdf.formats import load_graph
from kg.rdf.query import Result, bind, named_queries, run_oxigraph, run_rdflib

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
    "solidarity": lambda r: (
        {
            ("United States", "Country", "Türkiye", "Country"),
            ("NATO", "Organization", "Türkiye", "Country"),
        }
        <= {row[:4] for row in r.rows}
    ),
    "attacks": lambda r: (
        any(row[2] == "Turkish soldiers" and row[3] == "Idlib" for row in r.rows)
        and any(row[1] == "Turkish soldiers" for row in r.rows)
    ),
    "facts-about": lambda r: ("NATO", "condemns", "airstrike", "2") in {row[:4] for row in r.rows},
    "confident-facts": lambda r: (
        all(float(row[3]) >= 0.8 for row in r.rows)
        and ("NATO", "supports", "Türkiye") in {row[:3] for row in r.rows}
    ),
    "single-source": lambda r: (
        ("Antonio Guterres", "leads", "UN") in {row[:3] for row in r.rows}
        and ("NATO", "condemns", "airstrike") not in {row[:3] for row in r.rows}
    ),
    "timeline": lambda r: (  # the seeds have no article date: days as written, none anchored
        any(row[1] == "donderdag" and row[3] == "kills" for row in r.rows)
        and any(row[1] == "Feb. 27" and row[3] == "attacks" for row in r.rows)
        and all(row[0] == "" for row in r.rows)
    ),
}

# Queries with parameters, run with values: name, bindings, expectation
BOUND = [
    ("facts-about", {"entity": "navo"}, lambda r: r.rows and all("NATO" in row[:3] for row in r.rows)),
    ("facts-about", {"entity": "Turkije"}, lambda r: ("NATO", "supports", "Türkiye") in {row[:3] for row in r.rows}),
    ("facts-about", {"entity": "nobody at all"}, lambda r: r.rows == ()),
    ("confident-facts", {"min": "0.9"}, lambda r: r.rows and all(float(row[3]) >= 0.9 for row in r.rows)),
    ("confident-facts", {"min": "0.99"}, lambda r: r.rows == ()),
    ("provenance", {"about": "NATO", "relation": "condemns"}, lambda r: r.rows and {row[:3] for row in r.rows} == {("NATO", "condemns", "airstrike")}),
]  # fmt: skip


@pytest.mark.parametrize(("name", "bindings", "check"), BOUND)
def test_query_with_parameters(
    seeds_build: Written, name: str, bindings: dict[str, str], check
) -> None:  # type: ignore[no-untyped-def]
    sparql = bind(named_queries()[name].read_text(), bindings)
    by_rdflib = run_rdflib(load_graph(seeds_build.turtle), sparql)
    by_oxigraph = run_oxigraph(seeds_build.turtle.read_bytes(), sparql)
    assert check(by_rdflib), by_rdflib.rows
    assert canonical(by_rdflib.rows) == canonical(by_oxigraph.rows)


def test_unknown_parameter_is_a_clear_error() -> None:
    with pytest.raises(QueryError, match="no parameter"):
        bind(named_queries()["facts-about"].read_text(), {"who": "NATO"})


def test_every_query_is_documented() -> None:
    for name, path in named_queries().items():
        assert path.read_text().startswith("# "), name


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


def canonical(rows: tuple[tuple[str, ...], ...]) -> list[tuple[str, ...]]:
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
    assert canonical(by_rdflib.rows) == canonical(by_oxigraph.rows)
