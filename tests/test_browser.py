"""The HTML view in a real browser (Debian's headless Chromium, driven by Playwright): it loads
with no request leaving the machine and no JavaScript error, draws the expected nodes and
edges, runs no script from a hostile article, and leaves a screenshot of the seeds' graph in
output/graph.png for a person to look at."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, sync_playwright

from kg.api import Written
from kg.model import Article, Entity, EntityType, Provenance, Triple
from kg.model import Graph as KGraph
from kg.rdf.graph import to_rdf
from kg.view.render import render_html

CHROMIUM = Path("/usr/bin/chromium")
ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    if not CHROMIUM.is_file():
        pytest.fail("Chromium is missing: run `make test` as root, or apt-get install chromium")
    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=str(CHROMIUM), args=["--no-sandbox"])
        yield chromium
        chromium.close()


class Visit:
    """A page opened from a file, with every request and JavaScript error it made."""

    def __init__(self, browser: Browser, path: Path) -> None:
        self.page: Page = browser.new_page(viewport={"width": 1400, "height": 900})
        self.requests: list[str] = []
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))
        self.page.goto(path.resolve().as_uri())
        self.page.wait_for_function("typeof network !== 'undefined'", timeout=30_000)

    def count(self, dataset: str) -> int:
        return int(self.page.evaluate(f"{dataset}.length"))

    def hover_nodes(self) -> list[str]:
        """Move the mouse onto every node, as a reader would; the tooltips' text shown."""
        shown = []
        for node in self.page.evaluate("nodes.getIds()"):
            x, y = self.page.evaluate(
                """id => { const p = network.canvasToDOM(network.getPositions([id])[id]);
                           const box = document.getElementById('mynetwork').getBoundingClientRect();
                           return [p.x + box.left, p.y + box.top]; }""",
                node,
            )
            self.page.mouse.move(x, y)
            self.page.wait_for_selector("div.vis-tooltip", state="visible", timeout=5_000)
            shown.append(self.page.inner_text("div.vis-tooltip"))
        return shown


def test_seeds_page_loads_offline_without_errors(browser: Browser, seeds_build: Written) -> None:
    visit = Visit(browser, seeds_build.html)
    assert [u for u in visit.requests if not u.startswith(("file:", "data:"))] == []
    assert visit.errors == []
    assert visit.count("nodes") > 10 and visit.count("edges") > 10
    target = ROOT / "output" / "graph.png"
    target.parent.mkdir(exist_ok=True)
    visit.page.wait_for_timeout(500)
    visit.page.screenshot(path=str(target))
    assert target.stat().st_size > 10_000


def test_tooltips_are_readable_text(browser: Browser, seeds_build: Written) -> None:
    shown = Visit(browser, seeds_build.html).hover_nodes()
    assert any(text.startswith("NATO\n") for text in shown), shown[:3]
    assert not any("<b>" in text or "<br>" in text for text in shown)


def test_filters_search_and_focus(browser: Browser, seeds_build: Written) -> None:
    visit = Visit(browser, seeds_build.html)
    page = visit.page
    everything = page.evaluate("kgView.shown()")
    events = page.evaluate("nodes.get({filter: n => n.kgType === 'Event'}).length")
    page.uncheck("#kg-types input[value=Event]")
    assert page.evaluate("kgView.shown()")["nodes"] == everything["nodes"] - events
    page.fill("#kg-confidence", "0.9")
    page.dispatch_event("#kg-confidence", "input")
    confident = page.evaluate("edges.get({filter: e => !e.hidden}).map(e => e.kgConfidence)")
    assert confident and all(c >= 0.9 for c in confident)
    page.click("#kg-reset")
    assert page.evaluate("kgView.shown()") == everything
    page.uncheck("#kg-predicates input[value=condemns]")
    shown = page.evaluate("edges.get({filter: e => !e.hidden}).map(e => e.kgPredicates)")
    assert all(p != ["condemns"] for p in shown) and len(shown) < everything["edges"]
    page.click("#kg-reset")
    page.select_option("#kg-lang", "nl")
    langs = page.evaluate("nodes.get({filter: n => !n.hidden}).map(n => n.kgLangs)")
    assert all("nl" in x for x in langs) and len(langs) < everything["nodes"]
    page.click("#kg-reset")
    page.fill("#kg-search", "navo")  # an alternative name finds the node
    chosen = page.evaluate("network.getSelectedNodes()")
    assert chosen == ["https://w3id.org/kg-news/id/organization/nato"]
    page.click("#kg-focus")
    focused = page.evaluate("kgView.shown()")["nodes"]
    assert 1 < focused < everything["nodes"]
    page.check("#kg-physics")
    assert page.evaluate("network.physics.options.enabled") is True
    assert visit.errors == []


def test_edge_tooltip_has_confidence_and_sources(browser: Browser, seeds_build: Written) -> None:
    tips = Visit(browser, seeds_build.html).page.evaluate("edges.get().map(e => e.title)")
    condemns = next(t for t in tips if "condemns airstrike" in t)
    assert "confidence 0." in condemns and "[en]" in condemns and "[nl]" in condemns


def test_drawn_nodes_and_edges_match_the_graph(browser: Browser, tmp_path: Path) -> None:
    article = Article("2" * 16, "a.txt", "t", "x" * 200, "en", "2" * 64)
    names = ["Peru", "Chile", "Kenya", "Chad"]
    entities = tuple(
        Entity(f"name:{n}", EntityType.COUNTRY, n, "en", (), (article.id,)) for n in names
    )
    prov = Provenance(article.id, "Peru supports Chile.", 0, 20, 0, 5, "verb:support", 0.9)
    pairs = [
        ("Peru", "supports", "Chile"),
        ("Peru", "condemns", "Chile"),
        ("Kenya", "supports", "Chad"),
    ]
    triples = tuple(Triple(f"name:{s}", p, f"name:{o}", prov) for s, p, o in pairs)
    page = tmp_path / "small.html"
    page.write_text(render_html(to_rdf(KGraph((article,), entities, triples))), encoding="utf-8")
    visit = Visit(browser, page)
    assert visit.count("nodes") == 4
    assert visit.count("edges") == 2  # two relations between Peru and Chile: one merged edge


def test_hostile_article_runs_no_script(browser: Browser, tmp_path: Path) -> None:
    payloads = [
        '<script>window.__pwned = 1; alert("script")</script>',
        "<img src=x onerror=\"window.__pwned = 2; alert('img')\">",
    ]
    article = Article("3" * 16, "evil.html", "<b>t</b>", " ".join(payloads), "en", "3" * 64)
    entities = (
        Entity("name:a", EntityType.ORGANIZATION, "Acme " + payloads[0], "en", (), (article.id,)),
        Entity("name:b", EntityType.ORGANIZATION, "Bolt " + payloads[1], "en", (), (article.id,)),
    )
    prov = Provenance(article.id, " ".join(payloads), 0, 50, 0, 5, "verb:support", 0.9)
    graph = KGraph((article,), entities, (Triple("name:a", "supports", "name:b", prov),))
    page = tmp_path / "evil.html"
    page.write_text(render_html(to_rdf(graph)), encoding="utf-8")
    visit = Visit(browser, page)
    shown = visit.hover_nodes()
    visit.page.wait_for_timeout(300)
    assert any(payloads[0] in text for text in shown)  # shown as text
    assert visit.page.evaluate("window.__pwned") is None
    assert visit.dialogs == [] and visit.errors == []
    assert visit.count("nodes") == 2
