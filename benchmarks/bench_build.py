"""Benchmark the build, stage by stage.

    .venv/bin/python benchmarks/bench_build.py                  # seeds/, 3 runs
    .venv/bin/python benchmarks/bench_build.py --corpus bbc --limit 100
    .venv/bin/python benchmarks/bench_build.py --corpus conll-nl --limit 20

Corpora other than seeds/ come from ../shared/corpora (not part of the project). Each run is a
fresh process-level build (models loaded once per run), so "model load" is what a user pays
on every `kg build`. Prints the median of each stage and words per second of NLP.
"""

from __future__ import annotations

import argparse
import json
import statistics
import tempfile
import time
from pathlib import Path

from kg.api import build_to
from kg.nlp.frog import FrogServer

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "corpora"


def corpus_dir(name: str, limit: int, work: Path) -> Path:
    """A folder of .txt articles for the named corpus."""
    if name == "seeds":
        return ROOT / "seeds"
    out = work / name
    out.mkdir()
    if name == "bbc":
        files = sorted((SHARED / "bbc").rglob("*.txt"))[:limit]
        texts = [f.read_text(encoding="utf-8", errors="replace") for f in files]
    else:
        source = {"conll-nl": "conll2002_nl_articles.jsonl", "reuters": "reuters21578.jsonl"}[name]
        with (SHARED / source).open(encoding="utf-8") as f:
            texts = [json.loads(line)["text"] for _, line in zip(range(limit), f, strict=False)]
    for i, text in enumerate(texts):
        (out / f"{i:05d}.txt").write_text(text, encoding="utf-8")
    return out


def bare_frog(source: Path) -> tuple[int, float]:
    """(tokens, seconds) of Frog alone on the corpus: the physical limit for Dutch."""
    texts = [p.read_text(encoding="utf-8") for p in sorted(source.glob("*.txt"))]
    with FrogServer() as frog:
        frog.wait_until_ready()
        start = time.perf_counter()
        tokens = sum(len(row) for t in texts for row in frog.analyse(t))
        return tokens, time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    parser.add_argument(
        "--corpus", default="seeds", choices=["seeds", "bbc", "reuters", "conll-nl"]
    )
    parser.add_argument("--limit", type=int, default=50, help="articles to take from a corpus")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        source = corpus_dir(args.corpus, args.limit, Path(tmp))
        words = sum(len(p.read_text(encoding="utf-8").split()) for p in source.glob("*.txt"))
        runs = []
        for _ in range(args.runs):
            start = time.perf_counter()
            written = build_to([source], Path(tmp) / "out")
            runs.append({**written.timings, "wall": time.perf_counter() - start})
        report(args, source, words, runs, written)


def report(args: argparse.Namespace, source: Path, words: int, runs: list, written) -> None:  # type: ignore[no-untyped-def, type-arg]
    graph = written.result.graph
    print(
        f"corpus {args.corpus}: {len(graph.articles)} articles, {words:,} words, "
        f"{len(graph.entities)} entities, {len(graph.triples)} relations; {args.runs} runs"
    )
    for stage in runs[0]:
        values = [r.get(stage, 0.0) for r in runs]
        print(f"  {stage:14} median {statistics.median(values):7.2f} s  (min {min(values):.2f})")
    nlp = statistics.median(r.get("nlp", 0.0) for r in runs)
    print(f"  NLP throughput: {words / nlp:,.0f} words/s" if nlp else "")
    if args.corpus == "conll-nl":
        tokens, bare = bare_frog(source)
        build = statistics.median(r["wall"] - r.get("model load", 0.0) for r in runs)
        print(f"  bare Frog: {tokens:,} tokens in {bare:.1f} s = {tokens / bare:,.0f} tokens/s")
        print(
            f"  kg build (without start-up): {tokens / build:,.0f} tokens/s "
            f"= {bare / build:.2f}x bare Frog"
        )


if __name__ == "__main__":
    main()
