"""Incremental builds (the cache) and builds that fail half-way: nothing lost, nothing redone."""

from __future__ import annotations

import errno
import shutil
from pathlib import Path

import pytest
from rdflib import Graph
from rdflib.compare import to_isomorphic

from kg import api
from kg.api import UpToDate, Written
from kg.errors import KGError
from kg.pipeline.cache import DIRNAME

ARTICLES = {
    "a.txt": "Kenya\n\nKenya condemned the attack on Chad on Monday.",
    "b.txt": "Peru\n\nPeru supports Chile, the minister said.",
    "c.md": "# Union\n\nThe African Union called on Sudan to end the fighting.",
}
NEW = ("d.txt", "Ghana\n\nGhana urged Togo to hold elections.")


def folder_of(tmp_path: Path, articles: dict[str, str]) -> Path:
    news = tmp_path / "news"
    shutil.rmtree(news, ignore_errors=True)
    news.mkdir()
    for name, text in articles.items():
        (news / name).write_text(text, encoding="utf-8")
    return news


def build(news: Path, out: Path, **options: object) -> Written | UpToDate:
    return api.build_to([news], out, jobs=1, **options)  # type: ignore[arg-type]


def written(result: Written | UpToDate) -> Written:
    assert isinstance(result, Written), result
    return result


def same_as_clean_build(news: Path, out: Path, tmp_path: Path) -> None:
    clean = written(build(news, tmp_path / "clean", cache=False))
    assert (out / "graph.ttl").read_bytes() == clean.turtle.read_bytes()
    ours = Graph().parse(out / "graph.ttl")
    assert to_isomorphic(ours) == to_isomorphic(Graph().parse(clean.turtle))
    shutil.rmtree(tmp_path / "clean")


def test_rerun_does_nothing_and_new_article_is_the_only_one_analysed(tmp_path: Path) -> None:
    news, out = folder_of(tmp_path, ARTICLES), tmp_path / "out"
    assert written(build(news, out)).result.cached == 0
    again = build(news, out)
    assert isinstance(again, UpToDate) and again.articles == 3
    (news / NEW[0]).write_text(NEW[1], encoding="utf-8")
    grown = written(build(news, out))
    assert grown.result.cached == 3 and len(grown.result.graph.articles) == 4
    same_as_clean_build(news, out, tmp_path)


def test_removed_article_takes_its_statements_with_it(tmp_path: Path) -> None:
    news, out = folder_of(tmp_path, ARTICLES), tmp_path / "out"
    written(build(news, out))
    assert "Ghana" not in (out / "graph.ttl").read_text(encoding="utf-8")
    (news / "b.txt").unlink()
    smaller = written(build(news, out))
    assert smaller.result.cached == 2
    graph = (out / "graph.ttl").read_text(encoding="utf-8")
    assert "Peru" not in graph and "Chile" not in graph and "Kenya" in graph
    same_as_clean_build(news, out, tmp_path)
    entries = [p for p in (out / DIRNAME).glob("*/[0-9a-f]*.json")]
    assert len(entries) == 2  # the cache forgets what the build no longer has


def test_edited_article_is_analysed_again(tmp_path: Path) -> None:
    news, out = folder_of(tmp_path, ARTICLES), tmp_path / "out"
    written(build(news, out))
    (news / "a.txt").write_text("Kenya\n\nKenya condemned the attack on Ghana.", encoding="utf-8")
    edited = written(build(news, out))
    assert edited.result.cached == 2
    assert "Ghana" in edited.turtle.read_text(encoding="utf-8")
    same_as_clean_build(news, out, tmp_path)


def test_changed_metadata_alone_is_a_miss(tmp_path: Path) -> None:
    feed = tmp_path / "feed.jsonl"
    line = (
        '{"id": "1", "text": "Kenya condemned the attack on Chad.", "lang": "en", "source": "%s"}'
    )
    feed.write_text(line % "Wire A", encoding="utf-8")
    written(build(feed, tmp_path / "out"))
    feed.write_text(line % "Wire B", encoding="utf-8")  # the same text, another publisher
    again = written(build(feed, tmp_path / "out"))
    assert again.result.cached == 0 and "Wire B" in again.turtle.read_text(encoding="utf-8")


def test_moved_article_is_a_hit_with_its_new_path(tmp_path: Path) -> None:
    news, out = folder_of(tmp_path, ARTICLES), tmp_path / "out"
    written(build(news, out))
    (news / "a.txt").rename(news / "renamed.txt")
    moved = written(build(news, out))
    assert moved.result.cached == 3
    assert "renamed.txt" in moved.turtle.read_text(encoding="utf-8")
    same_as_clean_build(news, out, tmp_path)


def test_rebuild_and_new_options_and_touched_outputs_do_the_work(tmp_path: Path) -> None:
    news, out = folder_of(tmp_path, ARTICLES), tmp_path / "out"
    first = written(build(news, out))
    assert written(build(news, out, rebuild=True)).result.cached == 0
    assert written(build(news, out, min_confidence=0.9)).result.cached == 3  # other options
    first.html.write_text("edited by hand", encoding="utf-8")
    assert written(build(news, out, min_confidence=0.9)).result.cached == 3  # touched output
    assert first.html.read_text(encoding="utf-8") != "edited by hand"


def test_new_pipeline_version_starts_a_new_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    news, out = folder_of(tmp_path, ARTICLES), tmp_path / "out"
    written(build(news, out))
    old = {p.name for p in (out / DIRNAME).iterdir() if p.is_dir()}
    monkeypatch.setattr("kg.api.pipeline_version", lambda models: "0" * 20)
    assert written(build(news, out)).result.cached == 0
    assert {p.name for p in (out / DIRNAME).iterdir() if p.is_dir()} == {"0" * 20} != old


def test_broken_cache_entry_is_a_miss(tmp_path: Path) -> None:
    news, out = folder_of(tmp_path, ARTICLES), tmp_path / "out"
    written(build(news, out))
    entry = next((out / DIRNAME).glob("*/[0-9a-f]*.json"))
    entry.write_bytes(entry.read_bytes()[:50])
    (out / DIRNAME / "manifest.json").unlink()
    assert written(build(news, out)).result.cached == 2
    same_as_clean_build(news, out, tmp_path)


def previous_output(tmp_path: Path) -> tuple[Path, Path, dict[str, bytes]]:
    news, out = folder_of(tmp_path, ARTICLES), tmp_path / "out"
    written(build(news, out))
    (news / NEW[0]).write_text(NEW[1], encoding="utf-8")
    return news, out, {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()}


def assert_untouched(out: Path, before: dict[str, bytes]) -> None:
    assert {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()} == before
    assert not list(out.glob(".*.tmp"))


def test_interrupted_build_leaves_output_intact_and_resumes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    news, out, before = previous_output(tmp_path)
    (news / "e.txt").write_text(
        "Mali\n\nThe government of Mali said on Tuesday that it supports Niger.", encoding="utf-8"
    )
    from kg.pipeline import workers

    real, calls = workers.extract, []

    def interrupted(article, doc):  # type: ignore[no-untyped-def]
        calls.append(article.source)
        if len(calls) == 2:
            raise KeyboardInterrupt  # Ctrl-C while the second new article is extracted
        return real(article, doc)

    monkeypatch.setattr(workers, "extract", interrupted)
    with pytest.raises(KeyboardInterrupt):
        build(news, out)
    assert_untouched(out, before)
    monkeypatch.setattr(workers, "extract", real)
    resumed = written(build(news, out))
    assert resumed.result.cached == 4  # the three old ones and the one finished before Ctrl-C


def test_crashed_nlp_leaves_output_intact(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    news, out, before = previous_output(tmp_path)

    def crash(self, articles):  # type: ignore[no-untyped-def]
        raise KGError("Frog stopped (exit code -9)")

    monkeypatch.setattr("kg.nlp.backends.NLP.parse_many", crash)
    with pytest.raises(KGError, match="Frog stopped"):
        build(news, out)
    assert_untouched(out, before)


def test_full_disk_leaves_every_output_as_it_was(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    news, out, before = previous_output(tmp_path)
    from kg import files

    real, staged = files._stage, []

    def full(path: Path, data: bytes) -> str:
        staged.append(path)
        if len(staged) == 2:  # graph.ttl went to its temporary file, graph.html does not fit
            raise OSError(errno.ENOSPC, "No space left on device")
        return real(path, data)

    monkeypatch.setattr(files, "_stage", full)
    with pytest.raises(KGError, match="No space left on device"):
        build(news, out)
    assert_untouched(out, before)


def test_unwritable_output_folder_fails_before_the_work(
    tmp_path: Path, capsys, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    from tests.test_cli import run_main

    news = folder_of(tmp_path, ARTICLES)
    (tmp_path / "file").write_text("a file, not a folder", encoding="utf-8")
    monkeypatch.setattr("kg.api.analyse", lambda *a, **k: pytest.fail("did the work"))
    code, err = run_main(
        ["build", str(news), "-o", str(tmp_path / "file" / "out")], capsys, monkeypatch
    )
    assert code == 1 and "cannot write to the output folder" in err and "Not a directory" in err
    assert len(err.strip().splitlines()) == 1

    def denied(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise PermissionError(errno.EACCES, "Permission denied")  # as for a user without rights

    monkeypatch.setattr("tempfile.TemporaryFile", denied)
    code, err = run_main(["build", str(news), "-o", str(tmp_path / "out")], capsys, monkeypatch)
    assert code == 1 and "Permission denied" in err
