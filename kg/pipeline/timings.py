"""The build's stage timer: seconds per stage, summed over calls and, in a parallel build, over
workers. The summary of `kg build` and the benchmarks report from it."""

from __future__ import annotations

import signal
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field


@dataclass
class Timings:
    """Seconds per stage, summed over calls (and, in a parallel build, over workers)."""

    seconds: dict[str, float] = field(default_factory=dict)

    @contextmanager
    def stage(self, name: str) -> Iterator[None]:
        start = time.perf_counter()
        try:
            yield
        finally:
            self.seconds[name] = self.seconds.get(name, 0.0) + time.perf_counter() - start

    def add(self, other: dict[str, float]) -> None:
        for name, secs in other.items():
            self.seconds[name] = self.seconds.get(name, 0.0) + secs


class TimeLimit(Exception):
    """An article took longer than the build allows one article (kg/data/build.toml)."""


@contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Raise TimeLimit in the block after `seconds` of wall time, and again every little while
    after that until the block ends: an exception raised where Python swallows it (in a
    garbage-collector callback or a __del__: "Exception ignored in ...") must not let the
    article run unlimited. Only the main thread can be interrupted (SIGALRM); elsewhere the
    block runs unlimited."""
    if threading.current_thread() is not threading.main_thread() or seconds <= 0:
        yield
        return

    def expired(signum: int, frame: object) -> None:
        raise TimeLimit(f"over the time limit of {seconds:g} s (map.article_seconds)")

    previous = signal.signal(signal.SIGALRM, expired)
    signal.setitimer(signal.ITIMER_REAL, seconds, max(0.05, min(1.0, seconds / 4)))
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
