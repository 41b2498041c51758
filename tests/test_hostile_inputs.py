"""One bad article never stops a build: every article is in the graph or in the skipped list
with its reason, and the build writes its graph. Plus the outputs that were wrong: dates typed
that name no day, a view that overwrote its graph, a view that changed with the hash seed."""

from __future__ import annotations

import contextlib
import json
import os
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from rdflib import XSD, Graph, Literal
from rdflib.namespace import DCTERMS

from kg import api
from kg.errors import KGError
from kg.model import Article
from kg.nlp.text import parts
from kg.pipeline.timings import TimeLimit
from tests.test_incremental import written

LINES = [  # (id, record): each must be built
    ("surrogate", {"text": "Kenya \ud800 condemned the attack on Chad.", "title": "K\udc00"}),
    ("quote-url", {"text": "Peru condemned the attack on Chile.", "url": 'http://x.org/a"b{c}<d>'}),
    ("zero-date", {"text": "Mali condemned the attack on Niger yesterday.", "date": "0001-01-01"}),
    ("bad-date", {"text": "Ghana condemned the attack on Togo.", "date": "2020-13-45"}),
    ("bracket", {"text": "Benin condemned the attack on Gabon (and"}),
    ("brace-id {x}", {"text": "Chad condemned the attack on Sudan."}),
]


def feed(tmp_path: Path) -> Path:
    path = tmp_path / "a[/b" / "feed.jsonl"
    path.parent.mkdir(parents=True)
    records = [json.dumps({"id": i, "lang": "en", **r}) for i, r in LINES]
    path.write_text("\n".join(records) + "\n", encoding="utf-8", errors="surrogatepass")
    return path


def test_hostile_records_are_all_built(tmp_path: Path) -> None:
    built = written(api.build_to([feed(tmp_path)], tmp_path / "out", jobs=1, cache=False))
    assert not built.skipped
    assert len(built.result.graph.articles) == len(LINES)
    g = Graph().parse(built.turtle)
    days = {o for o in g.objects(None, DCTERMS.date) if isinstance(o, Literal)}
    assert Literal("2020-13-45") in days and Literal("2020-13-45", datatype=XSD.date) not in days


def test_the_cli_prints_paths_with_markup_characters(tmp_path: Path) -> None:
    kg = [sys.executable, "-c", "from kg.cli import main; main()"]
    out = tmp_path / "o[/ut"
    done = subprocess.run(
        [*kg, "build", str(feed(tmp_path)), "-o", str(out), "--jobs", "1"],
        capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "o[/ut" in done.stdout
    missing = subprocess.run([*kg, "query", "x", "--graph", str(tmp_path / "[/no.ttl")],
                             capture_output=True, text=True, timeout=60)  # fmt: skip
    assert missing.returncode == 5 and "Traceback" not in missing.stderr


SPELLINGS = [  # (article 1, article 2): one name, spelt two ways (tests/test_link.py VARIANTS)
    ("St Louis", "St. Louis"), ("First Boston Corp", "First Boston Corp."),
    ("José Pérez", "Jose Perez"), ("British Airways / American", "British Airways-American"),
]  # fmt: skip


def test_two_spellings_of_one_name_never_fail_a_build(tmp_path: Path) -> None:
    """They once shared an IRI with two rdfs:labels, and validation refused the graph."""
    for n in (0, 1):
        names = [pair[n] for pair in SPELLINGS]
        text = (f"{names[2]} of {names[1]} said on Monday that {names[3]} would fly from "
                f"{names[0]}. {names[1]} criticised {names[3]}.")  # fmt: skip
        (tmp_path / "in" / f"a{n}.txt").parent.mkdir(exist_ok=True)
        (tmp_path / "in" / f"a{n}.txt").write_text(text, encoding="utf-8")
    built = written(api.build_to([tmp_path / "in"], tmp_path / "out", jobs=1, cache=False))
    assert built.validated and not built.skipped
    labels = [e.label for e in built.result.graph.entities]
    assert len(labels) == len(set(labels))
    for one, other in SPELLINGS:
        assert one in labels or other in labels, (one, other, labels)


def on_peru(monkeypatch: pytest.MonkeyPatch, action: Callable[[], None]) -> None:
    """The extractor does `action` on the article about Peru, and its usual work on others."""
    from kg.pipeline import workers

    real = workers.extract

    def patched(article: Article, doc):  # type: ignore[no-untyped-def]
        if "Peru" in article.text:
            action()
        return real(article, doc)

    monkeypatch.setattr(workers, "extract", patched)


def test_an_article_that_breaks_the_extractor_is_skipped(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def bug() -> None:
        raise IndexError("a bug of ours")

    on_peru(monkeypatch, bug)
    built = written(api.build_to([feed(tmp_path)], tmp_path / "out", jobs=1, cache=False))
    assert [s.reason for s in built.skipped] == ["failed (IndexError: a bug of ours)"]
    assert len(built.result.graph.articles) == len(LINES) - 1


def test_an_article_over_the_time_limit_is_skipped(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    on_peru(monkeypatch, lambda: time.sleep(30))
    monkeypatch.setattr("kg.pipeline.workers.article_seconds", lambda: 1.0)
    start = time.monotonic()
    built = written(api.build_to([feed(tmp_path)], tmp_path / "out", jobs=1, cache=False))
    assert time.monotonic() - start < 25
    assert len(built.skipped) == 1 and "time limit" in built.skipped[0].reason


def test_the_time_limit_holds_when_its_first_alarm_is_swallowed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A TimeLimit raised inside a garbage-collector callback is printed and ignored by Python;
    the article must still be stopped (seen in CI on the 1-5 MB fuzz test)."""

    def swallowing() -> None:
        with contextlib.suppress(TimeLimit):  # the first alarm is swallowed, as in a gc callback
            time.sleep(5)
        time.sleep(30)

    on_peru(monkeypatch, swallowing)
    monkeypatch.setattr("kg.pipeline.workers.article_seconds", lambda: 1.0)
    start = time.monotonic()
    built = written(api.build_to([feed(tmp_path)], tmp_path / "out", jobs=1, cache=False))
    assert time.monotonic() - start < 25
    assert len(built.skipped) == 1 and "time limit" in built.skipped[0].reason


def test_a_long_article_is_parsed_in_parts_with_its_offsets(
    analyse, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr("kg.nlp.backends.max_part_chars", lambda: 400)
    text = "\n\n".join(f"Kenya condemned the attack on Chad, day {i}." for i in range(60))
    found = analyse(text, "en")
    assert len({r.provenance.sentence_start for r in found.relations}) >= 50
    for m in found.mentions:
        assert text[m.start : m.end] == m.text


@pytest.mark.parametrize("size", [10, 57, 400, 1000])
def test_parts_join_to_the_text(size: int) -> None:
    text = ("A sentence here. Another one\nand a line.\n\n" * 40) + "x" * 130
    cut = parts(text, size)
    assert "".join(cut) == text and all(len(p) <= size for p in cut)


def test_render_never_overwrites_a_graph(tmp_path: Path, seeds_build: api.Written) -> None:
    graph = tmp_path / "G.ttl"
    graph.write_bytes(seeds_build.turtle.read_bytes())
    for target in (graph, tmp_path / "other.nt", tmp_path / "x.jsonld"):
        with pytest.raises(KGError):
            api.render(graph, target)
    assert graph.read_bytes() == seeds_build.turtle.read_bytes()
    kg = [sys.executable, "-c", "from kg.cli import main; main()"]
    done = subprocess.run([*kg, "render", str(graph)], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0 and (tmp_path / "G.html").is_file()  # next to its graph


def test_the_view_does_not_depend_on_the_hash_seed(
    tmp_path: Path, seeds_build: api.Written
) -> None:
    kg = [sys.executable, "-c", "from kg.cli import main; main()"]
    pages = []
    for seed in ("1", "2"):
        target = tmp_path / f"view{seed}.html"
        env = dict(os.environ, PYTHONHASHSEED=seed)
        subprocess.run([*kg, "render", str(seeds_build.turtle), "-o", str(target)],
                       check=True, env=env, capture_output=True, timeout=120)  # fmt: skip
        pages.append(target.read_bytes())
    assert pages[0] == pages[1]
