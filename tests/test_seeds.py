"""The whole build of seeds/ (English and Dutch reports of one event), checked through SPARQL
over the written Turtle: facts a reader of the articles would expect."""

from pathlib import Path

import pytest
from rdflib import Graph

from kg.api import Written, build_to
from kg.query import with_prefixes

from .conftest import SEEDS


def ask(graph: Graph, where: str) -> bool:
    return bool(graph.query(with_prefixes(f"ASK {{ {where} }}")).askAnswer)


def labelled(var: str, pattern: str) -> str:
    return f'{var} rdfs:label ?{var[1:]}_l . FILTER(regex(str(?{var[1:]}_l), "{pattern}", "i"))'


FACTS = [
    (
        "Stoltenberg speaks for NATO",
        f"?p kg:speaksFor ?o . {labelled('?p', 'Stoltenberg')} {labelled('?o', '^NATO$')}",
    ),
    (
        "Stoltenberg leads NATO",
        f"?p kg:leads ?o . {labelled('?p', 'Stoltenberg')} {labelled('?o', '^NATO$')}",
    ),
    (
        "NATO condemns airstrikes",
        f"?s kg:condemns ?e . ?e a kg:Event . {labelled('?s', '^NATO$')} {labelled('?e', 'airstrike')}",
    ),
    (
        "NATO expresses solidarity with Turkey",
        f"?s kg:expressesSolidarityWith ?o . ?o a kg:Country . {labelled('?s', '^NATO$')} {labelled('?o', 'T.rkiye')}",
    ),
    (
        "NATO calls on Russia",
        f"?s kg:callsOn ?o . {labelled('?s', '^NATO$')} {labelled('?o', '^Russia$')}",
    ),
    (
        "NATO supports Turkey",
        f"?s kg:supports ?o . {labelled('?s', '^NATO$')} {labelled('?o', 'T.rkiye')}",
    ),
    (
        "Guterres leads the UN",
        f"?p kg:leads ?o . {labelled('?p', 'Guterres')} {labelled('?o', '^UN$')}",
    ),
    (
        "Idlib lies in Syria",
        f"?p kg:locatedIn ?o . {labelled('?p', '^Idlib$')} {labelled('?o', '^Syria$')}",
    ),
    (
        "Syrian regime forces attack Turkish troops",
        f"?s kg:attacks ?o . ?o a kg:Group . {labelled('?o', 'Turkish (troops|soldiers)')}",
    ),
    (
        "Russia backs the Assad regime",
        f"?s kg:supports ?o . {labelled('?s', '^Russia$')} {labelled('?o', 'Assad regime')}",
    ),
    (
        "a meeting occurred in Brussels",
        f"?e kg:occurredIn ?p . ?e a kg:Event . {labelled('?p', '^Brussels$')}",
    ),
]


@pytest.mark.parametrize(("fact", "where"), FACTS, ids=[f for f, _ in FACTS])
def test_fact(seeds_graph: Graph, fact: str, where: str) -> None:
    assert ask(seeds_graph, where), fact


SAME_NODE = [
    ("NATO", "NAVO"),
    ("Türkiye", "Turkije"),
    ("Türkiye", "Turkey"),
    ("Russia", "Rusland"),
    ("Brussels", "Brussel"),
    ("Jens Stoltenberg", "Stoltenberg"),
    ("Turkish soldiers", "Turkse soldaten"),
]


@pytest.mark.parametrize(("label", "other"), SAME_NODE)
def test_one_node_for_both_languages(seeds_graph: Graph, label: str, other: str) -> None:
    rows = list(
        seeds_graph.query(
            with_prefixes(f"""
        SELECT DISTINCT ?e WHERE {{
          ?e rdfs:label ?l . FILTER(str(?l) = "{label}")
          {{ ?e skos:altLabel ?o }} UNION {{ ?e rdfs:label ?o }} FILTER(str(?o) = "{other}")
          ?e kg:mentionedIn ?a1, ?a2 . ?a1 dcterms:language "en" . ?a2 dcterms:language "nl" .
        }}""")
        )
    )
    assert len(rows) == 1


def test_dutch_article_contributes_relations(seeds_graph: Graph) -> None:
    assert ask(
        seeds_graph,
        '?st prov:wasDerivedFrom ?a . ?a dcterms:language "nl" . ?st rdf:predicate kg:expressesSolidarityWith',
    )


def test_every_relation_has_provenance_that_points_into_its_article(seeds_graph: Graph) -> None:
    texts = {p.name: p.read_text(encoding="utf-8") for p in SEEDS.glob("*.txt")}
    rows = list(
        seeds_graph.query(
            with_prefixes("""
        SELECT ?file ?sentence ?s0 ?s1 ?a0 ?a1 WHERE {
          ?st a rdf:Statement ; prov:wasDerivedFrom ?art ; kg:sentenceText ?sentence ;
              kg:sentenceStart ?s0 ; kg:sentenceEnd ?s1 ; kg:spanStart ?a0 ; kg:spanEnd ?a1 .
          ?art kg:sourceFile ?file . }""")
        )
    )
    assert len(rows) >= 20
    for file, sentence, s0, s1, a0, a1 in rows:
        text = texts[Path(str(file)).name]
        assert text[int(s0) : int(s1)].strip() == str(sentence)
        assert int(s0) <= int(a0) < int(a1) <= int(s1)
    relations = seeds_graph.query(
        with_prefixes("""
        SELECT ?s ?p ?o WHERE { ?s ?p ?o . ?p a owl:ObjectProperty . FILTER(?p != kg:mentionedIn)
          FILTER NOT EXISTS { ?st rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o } }""")
    )
    assert list(relations) == []


def test_every_entity_is_typed_and_labelled(seeds_graph: Graph) -> None:
    assert not ask(
        seeds_graph, "?e kg:mentionedIn ?a . FILTER NOT EXISTS { ?e a ?c ; rdfs:label ?l }"
    )


def test_build_twice_gives_the_same_bytes(seeds_build: Written, tmp_path: Path) -> None:
    again = build_to([SEEDS], tmp_path)
    assert again.turtle.read_bytes() == seeds_build.turtle.read_bytes()
