"""What the build cache saves: kg build over a corpus cold, again unchanged, after one new
article, with the outputs touched (every extraction from the cache, everything after the map
redone) and with --rebuild.

    python -m benchmarks.bench_cache --corpus ../shared/corpora/reuters21578.jsonl --n 2000

The corpus is the first --n lines of a JSON Lines file, written as one JSON Lines file (the way
feeds arrive). Each build runs through the CLI in a fresh process, as a user would run it.
Prints wall times and the cache's size, and writes benchmarks/results/cache-<corpus>-<n>.json.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "benchmarks" / "results"


def kg_build(feed: Path, out: Path, *extra: str) -> tuple[float, str]:
    """Wall time and first output line of one `kg build`."""
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", "from kg.cli import main; main()", "build", str(feed), "-o",
         str(out), *extra],
        capture_output=True, text=True,
    )  # fmt: skip
    if done.returncode not in (0, 10):
        raise SystemExit(done.stderr)
    return time.perf_counter() - start, (done.stdout.splitlines() or [""])[0]


def folder_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", type=Path, required=True)
    ap.add_argument("--n", type=int, default=2000)
    args = ap.parse_args()
    with args.corpus.open(encoding="utf-8") as f:
        lines = [line for _, line in zip(range(args.n + 1), f, strict=False)]
    results: dict[str, object] = {"corpus": args.corpus.name, "articles": args.n}
    with tempfile.TemporaryDirectory() as tmp:
        feed, out = Path(tmp) / "feed.jsonl", Path(tmp) / "out"
        feed.write_text("".join(lines[: args.n]), encoding="utf-8")
        steps: list[tuple[str, tuple[str, ...]]] = [
            ("cold", ()), ("unchanged", ()), ("one new article", ()),
            ("outputs touched", ()), ("--rebuild", ("--rebuild",)),
        ]  # fmt: skip
        for name, extra in steps:
            if name == "one new article":
                feed.write_text("".join(lines), encoding="utf-8")
            if name == "outputs touched":
                (out / "graph.html").write_text("touched", encoding="utf-8")
            seconds, first = kg_build(feed, out, *extra)
            results[name] = round(seconds, 2)
            print(f"{name:>16}: {seconds:7.2f} s  {first[:90]}")
        results["cache bytes"] = folder_size(out / ".kg-cache")
        results["graph.ttl bytes"] = (out / "graph.ttl").stat().st_size
    print(f"cache: {results['cache bytes']:,} bytes (graph.ttl {results['graph.ttl bytes']:,})")
    RESULTS.mkdir(parents=True, exist_ok=True)
    target = RESULTS / f"cache-{args.corpus.stem}-{args.n}.json"
    target.write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
