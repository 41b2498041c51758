"""The whole build of seeds/ (English and Dutch reports of one event), checked through SPARQL
over the written Turtle: facts a reader of the articles would expect."""

from pathlib import Path

import pytest
from rdflib import Graph

from kg.api import Written, build_to
from kg.rdf.query import with_prefixes

from .conftest import SEEDS


def ask(graph: Graph, where: str) -> bool:
    return bool(graph.query(with_prefixes(f"ASK {{ {where} }}")).askAnswer)


def select(graph: Graph, query: str) -> list:  # type: ignore[type-arg]
    return list(graph.query(with_prefixes(query)))


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
    rows = select(
        seeds_graph,
        f"""
        SELECT DISTINCT ?e WHERE {{
          ?e rdfs:label ?l . FILTER(str(?l) = "{label}")
          {{ ?e skos:altLabel ?o }} UNION {{ ?e rdfs:label ?o }} FILTER(str(?o) = "{other}")
          ?e kg:mentionedIn ?a1, ?a2 . ?a1 dcterms:language "en" . ?a2 dcterms:language "nl" .
        }}""",
    )
    assert len(rows) == 1


def test_dutch_article_contributes_relations(seeds_graph: Graph) -> None:
    assert ask(
        seeds_graph,
        '?st prov:wasDerivedFrom ?a . ?a dcterms:language "nl" . ?st rdf:predicate kg:expressesSolidarityWith',
    )


def test_every_relation_has_provenance_that_points_into_its_article(seeds_graph: Graph) -> None:
    texts = {p.name: p.read_text(encoding="utf-8") for p in SEEDS.glob("*.txt")}
    rows = select(
        seeds_graph,
        """
        SELECT ?file ?sentence ?s0 ?s1 ?a0 ?a1 WHERE {
          ?st a rdf:Statement ; prov:wasDerivedFrom ?art ; kg:sentenceText ?sentence ;
              kg:sentenceStart ?s0 ; kg:sentenceEnd ?s1 ; kg:spanStart ?a0 ; kg:spanEnd ?a1 .
          ?art kg:sourceFile ?file . }""",
    )
    assert len(rows) >= 20
    for file, sentence, s0, s1, a0, a1 in rows:
        text = texts[Path(str(file)).name]
        assert text[int(s0) : int(s1)].strip() == str(sentence)
        assert int(s0) <= int(a0) < int(a1) <= int(s1)
    relations = seeds_graph.query(
        with_prefixes("""
        SELECT ?s ?p ?o WHERE { ?s ?p ?o . ?p a owl:ObjectProperty . FILTER(?p != kg:mentionedIn)
          FILTER NOT EXISTS { ?s a rdf:Statement }
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


def from_dutch(s: str, p: str, o: str) -> str:
    """`s p o` asserted, with a statement read from the Dutch article."""
    return (
        f"{s} kg:{p} {o} . ?st rdf:subject {s} ; rdf:predicate kg:{p} ; rdf:object {o} ; "
        '  prov:wasDerivedFrom ?art . ?art dcterms:language "nl" . '
    )


DUTCH_FACTS = [
    ("NAVO veroordeelt de luchtaanvallen",
     from_dutch("?s", "condemns", "?e") + f"{labelled('?s', '^NATO$')} {labelled('?e', 'airstrike')}"),
    ("Stoltenberg spreekt voor de NAVO",
     from_dutch("?p", "speaksFor", "?o") + f"{labelled('?p', 'Stoltenberg')} {labelled('?o', '^NATO$')}"),
    ("de NAVO roept Poetin op",
     from_dutch("?s", "callsOn", "?o") + f"{labelled('?s', '^NATO$')} {labelled('?o', '^Poetin$')}"),
    ("de NAVO roept Assad op",
     from_dutch("?s", "callsOn", "?o") + f"{labelled('?s', '^NATO$')} {labelled('?o', 'Assad$')}"),
    ("de Russen steunen het Assad-regime",
     from_dutch("?s", "supports", "?o") + f"{labelled('?s', '^Russia$')} {labelled('?o', 'Assad regime')}"),
    ("de NAVO is solidair met Turkije",
     from_dutch("?s", "expressesSolidarityWith", "?o") + f"{labelled('?s', '^NATO$')} {labelled('?o', 'T.rkiye')}"),
    ("de bombardementen kostten de Turkse soldaten het leven",
     from_dutch("?s", "kills", "?o") + f"?s a kg:Event . {labelled('?o', 'Turkish soldiers')}"),
    ("de NAVO betuigt medeleven aan de Turkse soldaten",
     from_dutch("?s", "expressesCondolencesTo", "?o") + f"{labelled('?s', '^NATO$')} {labelled('?o', 'Turkish soldiers')}"),
    ("de NAVO steunt Turkije",
     from_dutch("?s", "supports", "?o") + f"{labelled('?s', '^NATO$')} {labelled('?o', 'T.rkiye')}"),
    ("de NAVO dringt aan op een staakt-het-vuren",
     from_dutch("?s", "callsFor", "?o") + f"{labelled('?s', '^NATO$')} {labelled('?o', 'ceasefire')}"),
]  # fmt: skip


@pytest.mark.parametrize(("fact", "where"), DUTCH_FACTS, ids=[f for f, _ in DUTCH_FACTS])
def test_dutch_fact(seeds_graph: Graph, fact: str, where: str) -> None:
    assert ask(seeds_graph, where), fact


@pytest.mark.parametrize("concept", ["airstrike", "meeting", "bombing", "ceasefire"])
def test_event_in_both_articles_is_one_node_with_both_languages(
    seeds_graph: Graph, concept: str
) -> None:
    rows = select(
        seeds_graph,
        f"""
        SELECT DISTINCT ?e WHERE {{
          ?e a kg:Event ; rdfs:label "{concept}"@en ; skos:altLabel ?nl .
          FILTER(lang(?nl) = "nl")
          ?e kg:mentionedIn ?a1, ?a2 . ?a1 dcterms:language "en" . ?a2 dcterms:language "nl" . }}""",
    )
    assert len(rows) == 1


def test_fact_stated_in_both_articles_is_one_triple_with_two_sources(seeds_graph: Graph) -> None:
    rows = select(
        seeds_graph,
        """
        SELECT ?s ?o (GROUP_CONCAT(DISTINCT ?lang; separator=",") AS ?langs) WHERE {
          ?s kg:condemns ?o . ?s rdfs:label "NATO"@en .
          ?st rdf:subject ?s ; rdf:predicate kg:condemns ; rdf:object ?o ;
              prov:wasDerivedFrom ?art . ?art dcterms:language ?lang .
        } GROUP BY ?s ?o""",
    )
    assert len(rows) == 1  # one asserted triple: NATO condemns the (merged) airstrikes
    assert sorted(str(rows[0][2]).split(",")) == ["en", "nl"]
