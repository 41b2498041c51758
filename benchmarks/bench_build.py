"""Throughput of kg build against the NLP alone, on the same texts, in one run.

    python benchmarks/bench_build.py --corpus ../shared/corpora/reuters21578.jsonl --n 2000
    python benchmarks/bench_build.py --corpus ../shared/corpora/conll2002_nl_articles.jsonl --n 480
    python benchmarks/bench_build.py --corpus seeds/

A corpus is a JSON Lines file ({"title", "text", ...} per line; the first --n lines) or a folder
of .txt files. Each measurement runs in a fresh process whose whole process tree (workers, Frog
servers) is sampled for memory:

- bare NLP: spaCy `nlp.pipe` (batch 64, one process) for English, one Frog server for Dutch
  (and two Frog servers side by side, the most two cores can give);
- `kg build` end to end (--jobs workers), with its split into reading, language detection,
  model loading, NLP, extraction (summed over workers), the map's wall time, linking, RDF,
  validation, serialisation and rendering.

Prints words/s and articles/s for each, the ratio build/bare NLP and peak memory, and writes
them to benchmarks/results/build-<corpus>-<n>.json. Words are whitespace-separated tokens.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import psutil

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "benchmarks" / "results"


def load_corpus(path: Path, n: int) -> list[tuple[str, str]]:
    """(title, text) of the first n articles of a JSONL file or a folder of .txt files."""
    if path.is_dir():
        files = sorted(path.glob("*.txt"))[:n]
        return [(f.stem, f.read_text(encoding="utf-8")) for f in files]
    items = []
    with path.open(encoding="utf-8") as f:
        for line in f:
            if len(items) == n:
                break
            record = json.loads(line)
            items.append((record.get("title") or "", record["text"]))
    return items


def write_articles(items: list[tuple[str, str]], folder: Path) -> None:
    """One .txt per article, the title as its first line (kg's reader takes it as the title)."""
    folder.mkdir(parents=True, exist_ok=True)
    for i, (title, text) in enumerate(items):
        body = f"{title}\n\n{text}" if title and not text.startswith(title) else text
        (folder / f"{i:05d}.txt").write_text(body, encoding="utf-8")


def bare_spacy(folder: Path) -> dict[str, float]:
    from kg.lexicon import languages
    from kg.nlp.english import load_spacy

    texts = [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))]
    nlp = load_spacy(languages()["en"]["models"])
    start = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=64):
        pass
    return {"seconds": time.perf_counter() - start}


def bare_frog(folder: Path, servers: int = 1) -> dict[str, float]:
    from kg.nlp.frog import FrogServer

    texts = [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))]
    frogs = [FrogServer() for _ in range(servers)]
    try:
        for frog in frogs:
            frog.wait_until_ready()
        start = time.perf_counter()
        shares = [texts[i::servers] for i in range(servers)]
        with ThreadPoolExecutor(servers) as pool:  # Frog does the work; threads only wait
            list(
                pool.map(
                    lambda fs: [fs[0].analyse(t) for t in fs[1]], zip(frogs, shares, strict=True)
                )
            )
        return {"seconds": time.perf_counter() - start}
    finally:
        for frog in frogs:
            frog.close()


def kg_build(folder: Path, lang: str | None, jobs: int | None) -> dict[str, Any]:
    import pyoxigraph as ox

    from kg.api import build_to

    with tempfile.TemporaryDirectory() as out:
        start = time.perf_counter()
        written = build_to([folder], Path(out), lang=lang, jobs=jobs)
        wall = time.perf_counter() - start
        graph = written.result.graph
        store = ox.Store()
        store.bulk_load(path=str(written.turtle), format=ox.RdfFormat.TURTLE)
        return {
            "seconds": wall,
            "stages": written.timings,
            "entities": len(graph.entities),
            "statements": len(graph.triples),
            "triples": len(store),
            "languages": dict(Counter(a.lang for a in graph.articles)),
            "skipped": len(written.result.skipped),
            "turtle bytes": written.turtle.stat().st_size,
        }


def _child(fn: Callable[..., Any], args: tuple[Any, ...], queue: Any) -> None:
    queue.put(fn(*args))


def _pss(proc: psutil.Process) -> int:
    """Proportional set size: shared pages (Frog's forked worker shares its parent's models)
    counted once across the tree, where RSS would count them in every process."""
    try:
        return int(proc.memory_full_info().pss)
    except psutil.Error:
        return 0


def measured(fn: Callable[..., Any], *args: Any) -> dict[str, Any]:
    """Run fn(*args) in a fresh process; add the peak memory (PSS) of its process tree (MB)."""
    ctx = multiprocessing.get_context("spawn")
    queue = ctx.Queue()
    proc = ctx.Process(target=_child, args=(fn, args, queue))
    proc.start()
    peak = 0
    while proc.is_alive() and queue.empty():
        try:
            root = psutil.Process(proc.pid)
            tree = [root, *root.children(recursive=True)]
            peak = max(peak, sum(_pss(p) for p in tree))
        except psutil.Error:
            pass
        time.sleep(0.2)
    proc.join()
    if queue.empty():
        raise SystemExit(f"{fn.__name__} failed (exit code {proc.exitcode}); see its traceback")
    result: dict[str, Any] = queue.get()
    return {**result, "peak MB": peak / 1e6}


def rates(seconds: float, words: int, articles: int) -> str:
    return f"{words / seconds:9,.0f} words/s {articles / seconds:7.1f} articles/s"


def report(name: str, words: int, articles: int, runs: dict[str, dict[str, Any]]) -> None:
    print(f"corpus {name}: {articles} articles, {words:,} words")
    for label, run in runs.items():
        secs = run["seconds"]
        line = f"  {label:24} {secs:8.1f} s {rates(secs, words, articles)}"
        print(f"{line}  peak {run['peak MB']:7.0f} MB")
    build = runs["kg build"]
    print(f"  graph: {build['triples']:,} triples, {build['turtle bytes'] / 1e6:.1f} MB of Turtle")
    print(f"  articles by language: {build['languages']}, skipped {build['skipped']}")
    if "bare NLP" in runs:
        bare = runs["bare NLP"]["seconds"]
        print(f"  kg build / bare NLP throughput: {bare / build['seconds']:.2f}x")
    print("  kg build stages (map stages are summed over workers):")
    for stage, secs in build["stages"].items():
        print(f"    {stage:14} {secs:8.2f} s {rates(secs, words, articles) if secs else ''}")


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    parser.add_argument("--corpus", type=Path, default=ROOT / "seeds")
    parser.add_argument("--n", type=int, default=2000, help="articles to take")
    parser.add_argument("--lang", help="language of every article (default: from the corpus)")
    parser.add_argument("--jobs", type=int, help="kg build workers (default: kg's own)")
    parser.add_argument("--no-bare", action="store_true", help="time kg build only (scale runs)")
    args = parser.parse_args()
    items = load_corpus(args.corpus, args.n)
    words = sum(len(text.split()) for _, text in items)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "articles"
        write_articles(items, folder)
        lang = args.lang or ("nl" if "_nl" in args.corpus.name else None)
        runs: dict[str, dict[str, Any]] = {}
        if args.no_bare:
            pass
        elif lang == "nl":
            runs["bare NLP"] = measured(bare_frog, folder, 1)
            runs["bare NLP, 2 Frog servers"] = measured(bare_frog, folder, 2)
        else:
            runs["bare NLP"] = measured(bare_spacy, folder)
        runs["kg build"] = measured(kg_build, folder, lang, args.jobs)
    report(args.corpus.name, words, len(items), runs)
    RESULTS.mkdir(exist_ok=True)
    target = RESULTS / f"build-{args.corpus.stem}-{len(items)}.json"
    record = {"corpus": str(args.corpus), "articles": len(items), "words": words, "runs": runs}
    target.write_text(json.dumps(record, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {target}")


if __name__ == "__main__":
    main()
