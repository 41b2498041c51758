"""The HTML view: offline, escaped, coloured by type, with a legend and sentence tooltips."""

import re

from kg.api import Written
from kg.model import Article, Entity, EntityType, Provenance, Triple
from kg.model import Graph as KGraph
from kg.rdf.graph import to_rdf
from kg.view.render import COLOURS, render_html


def test_no_remote_resources(seeds_build: Written) -> None:
    page = seeds_build.html.read_text(encoding="utf-8")
    assert not re.search(r"<(script|link)[^>]+(src|href)=\"https?://", page)
    assert "vis.Network" in page and "new vis.DataSet" in page


def test_legend_colours_and_edge_labels(seeds_build: Written) -> None:
    page = seeds_build.html.read_text(encoding="utf-8")
    assert 'id="kg-controls"' in page and 'id="kg-types"' in page  # the legend is the filter
    for colour in COLOURS.values():
        assert colour in page
    assert re.search(r'"label": "condemns[ "(]', page)
    assert "condemn the continued indiscriminate airstrikes" in page  # sentence in a tooltip


def test_article_text_cannot_inject_script() -> None:
    evil = 'Acme <script>alert("x")</script> leads.'
    article = Article("0" * 16, "a.txt", "t", evil, "en", "0" * 64)
    people = (
        Entity("name:ann", EntityType.PERSON, "<b>Ann</b>", "en", (), (article.id,)),
        Entity("name:acme", EntityType.ORGANIZATION, "Acme", "en", (), (article.id,)),
    )
    triple = Triple(
        "name:ann", "leads", "name:acme", Provenance(article.id, evil, 0, len(evil), 0, 4, "t")
    )
    page = render_html(to_rdf(KGraph((article,), people, (triple,))))
    assert "<script>alert" not in page
    assert "\\u003cscript\\u003ealert" in page  # kept as text, JSON-escaped inside <script>
    assert "<b>Ann</b>" not in page


def test_a_large_connected_graph_renders() -> None:
    """Above 500 nodes in one component networkx's spring layout needs scipy: a dependency."""
    n = 600
    article = Article("1" * 16, "big.txt", "t", "x" * 100, "en", "1" * 64)
    entities = tuple(
        Entity(f"name:org {i:03d}", EntityType.ORGANIZATION, f"Org {i}", "en", (), (article.id,))
        for i in range(n)
    )
    prov = Provenance(article.id, "Org 1 supports Org 2.", 0, 20, 0, 5, "verb:support", 0.9)
    triples = tuple(
        Triple(f"name:org {i:03d}", "supports", f"name:org {(i + 1) % n:03d}", prov)
        for i in range(n)
    )
    page = render_html(to_rdf(KGraph((article,), entities, triples)))
    assert page.count('"label": "Org ') >= n
