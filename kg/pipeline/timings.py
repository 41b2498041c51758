"""The build's stage timer: seconds per stage, summed over calls and, in a parallel build, over
workers. The summary of `kg build` and the benchmarks report from it."""

from __future__ import annotations

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
