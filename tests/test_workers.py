"""The map in worker processes gives the same graph, byte for byte, as in one process, and
leaves no Frog server behind."""

import time
from pathlib import Path

import psutil
import pytest

from kg.api import build_to
from kg.pipeline.workers import MIN_PARALLEL, chunks

ENGLISH = [
    "The African Union condemned the attack on Kenya's border post.",
    "Peru called on Chile to end the blockade.",
    "Moussa Faki, chairman of the AU Commission, said the AU supports Chad.",
    "Kenya expressed solidarity with Ethiopia after the floods.",
]
DUTCH = [
    "De Afrikaanse Unie veroordeelde de aanval op Kenia.",
    "Peru riep Chili op de blokkade te beëindigen.",
    "Kenia betuigde zijn solidariteit met Ethiopië.",
    "De VN steunen Tsjaad.",
]


def _corpus(folder: Path) -> Path:
    folder.mkdir()
    texts = (ENGLISH + DUTCH) * (MIN_PARALLEL // 8 + 1)
    for i, text in enumerate(texts):
        (folder / f"{i:03d}.txt").write_text(f"Story {i}\n\n{text}\n", encoding="utf-8")
    assert len(texts) >= MIN_PARALLEL
    return folder


def _frogs() -> int:
    """Live Frog processes this test started (a killed Frog's forked worker lingers as a zombie
    until reaped); not those of other programs on the machine."""
    live = []
    for p in psutil.Process().children(recursive=True):
        try:
            if p.name() == "frog" and p.status() != psutil.STATUS_ZOMBIE:
                live.append(p)
        except psutil.NoSuchProcess:
            continue
    return len(live)


def _frogs_settle(expected: int, timeout: float = 10.0) -> int:
    deadline = time.monotonic() + timeout
    while _frogs() != expected and time.monotonic() < deadline:
        time.sleep(0.2)
    return _frogs()


def test_two_workers_give_the_same_bytes_as_one(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path / "articles")
    before = _frogs()
    one = build_to([corpus], tmp_path / "one", jobs=1)
    two = build_to([corpus], tmp_path / "two", jobs=2)
    assert one.turtle.read_bytes() == two.turtle.read_bytes()
    assert {a.lang for a in two.result.graph.articles} == {"en", "nl"}
    assert _frogs_settle(before) == before  # every worker stopped its Frog server


@pytest.mark.parametrize(("n", "jobs", "size"), [(1, 2, 1), (100, 2, 13), (10_000, 2, 64)])
def test_chunks_keep_order_and_bound_size(n: int, jobs: int, size: int) -> None:
    parts = chunks(list(range(n)), jobs)  # type: ignore[arg-type]
    assert [x for part in parts for x in part] == list(range(n))
    assert max(len(p) for p in parts) == size
