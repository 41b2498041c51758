"""Every serialisation round-trips to the same graph, is deterministic, and the quad formats
hold one named graph per article that can be dropped on its own."""

from pathlib import Path

import pytest
from rdflib import RDF, BNode, Graph
from rdflib.compare import isomorphic
from rdflib.namespace import PROV
from typer.testing import CliRunner

from kg.api import Written
from kg.cli import app
from kg.ontology import KG
from kg.rdf.formats import FORMATS, by_article, context, load_graph, parse, serialize, union


@pytest.mark.parametrize("name", sorted(FORMATS))
def test_round_trip_gives_the_same_graph(seeds_graph: Graph, name: str) -> None:
    data = serialize(seeds_graph, FORMATS[name])
    assert isomorphic(union(parse(data, FORMATS[name])), seeds_graph)


@pytest.mark.parametrize("name", sorted(FORMATS))
def test_same_graph_same_bytes(seeds_graph: Graph, name: str) -> None:
    again = load_graph_copy(seeds_graph)
    assert serialize(seeds_graph, FORMATS[name]) == serialize(again, FORMATS[name])


def load_graph_copy(g: Graph) -> Graph:
    """The same triples, added in another order."""
    copy = Graph()
    for prefix, namespace in g.namespaces():
        copy.bind(prefix, namespace, replace=True)
    for triple in sorted(g, reverse=True):
        copy.add(triple)
    return copy


def test_the_graph_has_no_blank_nodes(seeds_graph: Graph) -> None:
    assert not any(isinstance(n, BNode) for n in seeds_graph.all_nodes())


def test_one_named_graph_per_article(seeds_graph: Graph) -> None:
    ds = by_article(seeds_graph)
    articles = set(seeds_graph.subjects(RDF.type, KG.Article))
    named = {g.identifier for g in ds.graphs() if len(g) and g.identifier in articles}
    assert named == articles and len(articles) == 2
    for article in articles:
        part = ds.graph(article)
        statements = set(part.subjects(RDF.type, RDF.Statement))
        assert statements
        assert all((st, PROV.wasDerivedFrom, article) in part for st in statements)


def test_dropping_an_article_graph_retracts_its_statements(seeds_graph: Graph) -> None:
    ds = by_article(seeds_graph)
    dutch = next(a for a in seeds_graph.subjects(RDF.type, KG.Article) if "ec7a" in str(a))
    only_dutch = set(ds.graph(dutch).subjects(RDF.type, RDF.Statement))
    ds.remove_graph(ds.graph(dutch))
    left = union(ds)
    assert not set(left.subjects(RDF.type, RDF.Statement)) & only_dutch
    assert next(left.subjects(RDF.type, KG.Article)) != dutch
    assert set(left.subjects(RDF.type, RDF.Statement))  # the English article's remain


def test_no_triple_is_in_two_graphs(seeds_graph: Graph) -> None:
    ds = by_article(seeds_graph)
    assert sum(len(g) for g in ds.graphs()) == len(seeds_graph)


def test_jsonld_uses_the_published_context(seeds_graph: Graph) -> None:
    import json

    doc = json.loads(serialize(seeds_graph, FORMATS["jsonld"]))
    assert doc["@context"] == context()
    assert doc["@context"]["kg"] == "https://w3id.org/kg-news/ontology#"
    assert any(node.get("@id") == "organization:nato" for node in doc["@graph"])


def test_build_writes_every_format_and_export_matches(tmp_path: Path) -> None:
    from tests.conftest import SEEDS

    runner = CliRunner()
    args = ["build", str(SEEDS), "-o", str(tmp_path)]
    for name in FORMATS:
        args += ["--format", name]
    assert runner.invoke(app, args).exit_code == 0
    for fmt in FORMATS.values():
        assert (tmp_path / f"graph.{fmt.suffix}").is_file()
    target = tmp_path / "exported.trig"
    result = runner.invoke(app, ["export", str(tmp_path / "graph.ttl"), "-o", str(target)])
    assert result.exit_code == 0, result.output
    assert target.read_bytes() == (tmp_path / "graph.trig").read_bytes()
    assert isomorphic(load_graph(tmp_path / "graph.nq"), load_graph(tmp_path / "graph.ttl"))


def test_export_of_an_unknown_suffix_is_one_clear_error(
    seeds_build: Written, tmp_path: Path
) -> None:
    result = CliRunner().invoke(
        app, ["export", str(seeds_build.turtle), "-o", str(tmp_path / "g.xyz")]
    )
    assert result.exit_code != 0
    assert "cannot tell the RDF format" in str(result.exception)


@pytest.mark.parametrize("name", sorted(FORMATS))
def test_every_format_loads_into_oxigraph_with_every_triple(seeds_graph: Graph, name: str) -> None:
    import pyoxigraph as ox

    from kg.rdf.query import OX_FORMATS

    store = ox.Store()
    store.load(serialize(seeds_graph, FORMATS[name]), format=OX_FORMATS[name])
    query = "SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?s ?p ?o WHERE { ?s ?p ?o } }"
    solutions = store.query(query, use_default_graph_as_union=True)
    assert isinstance(solutions, ox.QuerySolutions)
    assert int(next(iter(solutions))["n"].value) == len(seeds_graph)
