"""A cache someone else had their hands on (an output folder handed over, a CI cache, a shared
`--cache`) runs no code, puts no fact in the graph, hangs nothing and loses nothing of theirs."""

from __future__ import annotations

import json
import os
import pickle
import signal
from collections.abc import Iterator
from pathlib import Path

import pytest

from kg.model import EntityType, Extraction, Mention
from kg.pipeline.cache import DIRNAME, MANIFEST, MARKER
from kg.pipeline.records import RecordError, from_data, to_data
from tests.test_incremental import ARTICLES, build, folder_of, same_as_clean_build, written


class Payload:
    """Unpickling this runs a shell command: what a planted pickle entry does."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self):  # type: ignore[no-untyped-def]
        return (os.system, (f"touch {self.marker}",))


def entries(out: Path) -> list[Path]:
    return sorted((out / DIRNAME).glob("*/[0-9a-f]*.json"))


@pytest.fixture
def timeout() -> Iterator[None]:
    """A build that hangs fails the test instead of hanging the suite."""

    def hung(*_: object) -> None:
        raise TimeoutError("the build hung")

    old = signal.signal(signal.SIGALRM, hung)
    signal.alarm(120)
    yield
    signal.alarm(0)
    signal.signal(signal.SIGALRM, old)


def test_a_planted_pickle_runs_nothing(tmp_path: Path) -> None:
    news, out = folder_of(tmp_path, ARTICLES), tmp_path / "out"
    written(build(news, out))
    marker = tmp_path / "pwned"
    for entry in entries(out):  # the old format and the new name, both planted
        evil = pickle.dumps(Payload(marker))
        entry.write_bytes(evil)
        entry.with_suffix(".pickle").write_bytes(evil)
    (out / DIRNAME / MANIFEST).unlink()
    again = written(build(news, out))
    assert not marker.exists()
    assert again.result.cached == 0  # every entry was a miss
    same_as_clean_build(news, out, tmp_path)


def test_a_forged_entry_puts_no_fact_in_the_graph(tmp_path: Path) -> None:
    news, out = folder_of(tmp_path, ARTICLES), tmp_path / "out"
    written(build(news, out))
    for entry in entries(out):
        signature, _, data = entry.read_bytes().partition(b"\n")
        forged = data.replace(b'"Kenya"', b'"Forgedland"').replace(b'"Peru"', b'"Forgedland"')
        entry.write_bytes(signature + b"\n" + forged)  # a valid entry, its signature kept
    (out / DIRNAME / MANIFEST).unlink()
    again = written(build(news, out))
    assert "Forgedland" not in again.turtle.read_text(encoding="utf-8")
    assert again.result.cached == 1  # the entry of the article without Kenya or Peru, intact
    same_as_clean_build(news, out, tmp_path)


def test_an_entry_signed_elsewhere_is_a_miss(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    news, out = folder_of(tmp_path, ARTICLES), tmp_path / "out"
    written(build(news, out))
    monkeypatch.setenv("KG_CACHE_SECRET", "another machine's secret, 32 bytes or more")
    (out / DIRNAME / MANIFEST).unlink()
    assert written(build(news, out)).result.cached == 0


def test_an_entry_moved_to_another_articles_name_is_a_miss(tmp_path: Path) -> None:
    news, out = folder_of(tmp_path, ARTICLES), tmp_path / "out"
    written(build(news, out))
    first, *others = entries(out)
    for other in others:
        other.write_bytes(first.read_bytes())  # signed by us, but for another article
    (out / DIRNAME / MANIFEST).unlink()
    assert written(build(news, out)).result.cached == 1
    same_as_clean_build(news, out, tmp_path)


def test_a_planted_manifest_naming_a_fifo_hangs_nothing(tmp_path: Path, timeout: None) -> None:
    news, out = folder_of(tmp_path, ARTICLES), tmp_path / "out"
    written(build(news, out))
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    path = out / DIRNAME / MANIFEST
    signature, _, data = path.read_bytes().partition(b"\n")
    manifest = json.loads(data)
    manifest["files"] = {str(fifo): "0" * 64}
    path.write_bytes(signature + b"\n" + json.dumps(manifest).encode())
    written(build(news, out))  # not up to date, and it returned
    os.mkfifo(tmp_path / "fifo2")
    path.unlink()
    path.symlink_to(tmp_path / "fifo2")  # the manifest itself a FIFO
    written(build(news, out))


def test_cache_folder_given_keeps_what_it_held(tmp_path: Path) -> None:
    news = folder_of(tmp_path, ARTICLES)
    mine = tmp_path / "home"
    (mine / "photos").mkdir(parents=True)
    (mine / "photos" / "a.jpg").write_bytes(b"\xff\xd8\xff")
    (mine / "0123456789abcdef0123").mkdir()  # named like a version, not made by kg
    (mine / "0123456789abcdef0123" / "notes.txt").write_text("mine", encoding="utf-8")
    (mine / "notes.txt").write_text("mine", encoding="utf-8")
    for _ in range(2):
        written(build(news, tmp_path / "out", cache=mine, rebuild=True))
    assert (mine / "photos" / "a.jpg").exists() and (mine / "notes.txt").exists()
    assert (mine / "0123456789abcdef0123" / "notes.txt").exists()
    versions = [p for p in mine.iterdir() if (p / MARKER).exists()]
    assert len(versions) == 1


def test_cache_in_the_output_folder_keeps_the_store(tmp_path: Path) -> None:
    news, out = folder_of(tmp_path, ARTICLES), tmp_path / "out"
    built = written(build(news, out, cache=out, store=out / "store"))
    assert built.store is not None and (out / "store").is_dir()
    written(build(news, out, cache=out, store=out / "store", rebuild=True))
    assert (out / "store").is_dir() and any((out / "store").iterdir())


def test_no_place_for_a_secret_means_no_cache_not_an_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocked = tmp_path / "config"
    blocked.write_text("a file where the config folder should be", encoding="utf-8")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(blocked))
    monkeypatch.delenv("KG_CACHE_SECRET", raising=False)
    news, out = folder_of(tmp_path, ARTICLES), tmp_path / "out"
    written(build(news, out))
    assert written(build(news, out)).result.cached == 0


def test_records_round_trip_and_refuse_what_they_are_not(analyse) -> None:  # type: ignore[no-untyped-def]
    found: Extraction = analyse("Kenya condemned the attack on Chad, the minister said.", "en")
    assert found.relations
    assert from_data(Extraction, json.loads(json.dumps(to_data(found)))) == found
    mention = to_data(found.mentions[0])
    for bad in (
        {**mention, "type": "Wizard"},
        {**mention, "start": "0"},
        {**mention, "extra": 1},
        {k: v for k, v in mention.items() if k != "key"},
        [mention],
    ):
        with pytest.raises(RecordError):
            from_data(Mention, bad)
    assert from_data(Mention, mention).type is EntityType(mention["type"])
