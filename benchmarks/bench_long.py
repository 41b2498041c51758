"""Time of kg build against the length of one article: it must grow linearly.

    python benchmarks/bench_long.py --lang nl --sizes 77500 155000 310000 620000
    python benchmarks/bench_long.py --lang en --sizes 100000 400000 1600000

One article of each size (characters) is made by joining articles of a corpus (CoNLL-2002
Dutch, or Reuters for English) with paragraph breaks, and built alone, end to end, in a fresh
temporary folder, with the per-article time limit off. Prints seconds per stage and
microseconds per character (model loading left out) for each size, and writes benchmarks/results/long-<lang>.json.
The NLP takes the article in parts (kg/data/build.toml, map.max_part_chars), so the time per
character should stay flat as the article grows.
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from pathlib import Path
from unittest import mock

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "benchmarks" / "results"
CORPORA = {
    "nl": ROOT.parent / "shared" / "corpora" / "conll2002_nl_articles.jsonl",
    "en": ROOT.parent / "shared" / "corpora" / "reuters21578.jsonl",
}


def long_text(corpus: Path, size: int) -> str:
    """Articles of the corpus joined by blank lines, cut at a paragraph to about `size`."""
    texts: list[str] = []
    total = 0
    with corpus.open(encoding="utf-8") as lines:
        for line in lines:
            text = str(json.loads(line).get("text", "")).strip()
            texts.append(text)
            total += len(text) + 2
            if total >= size:
                break
    if total < size:
        texts = texts * (size // max(1, total) + 1)
    joined = "\n\n".join(texts)
    cut = joined.rfind("\n\n", 0, size)
    return joined[: cut if cut > size // 2 else size]


def build_one(text: str, lang: str) -> dict[str, float]:
    from kg.api import Written, build_to

    with (
        tempfile.TemporaryDirectory() as tmp,
        mock.patch("kg.pipeline.workers.article_seconds", lambda: 0.0),
    ):
        source = Path(tmp) / "long.txt"
        source.write_text(text, encoding="utf-8")
        start = time.perf_counter()
        built = build_to([source], Path(tmp) / "out", lang=lang, jobs=1, cache=False)
        seconds = time.perf_counter() - start
    assert isinstance(built, Written) and not built.result.skipped, built
    return {"seconds": seconds, **{k: round(v, 2) for k, v in built.timings.items()}}


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    parser.add_argument("--lang", choices=sorted(CORPORA), default="nl")
    parser.add_argument("--sizes", type=int, nargs="+", default=[77_500, 155_000, 310_000, 620_000])
    args = parser.parse_args()
    figures = {}
    for size in args.sizes:
        text = long_text(CORPORA[args.lang], size)
        run = build_one(text, args.lang)
        run["chars"] = len(text)
        work = run["seconds"] - run.get("model load", 0.0)  # Frog's or spaCy's start-up
        run["us per char"] = round(work / len(text) * 1e6, 1)
        figures[str(len(text))] = run
        print(
            f"{len(text):>9,} chars {run['seconds']:8.1f} s {run['us per char']:7.1f} us/char "
            f"(nlp {run.get('nlp', 0):.1f}, extraction {run.get('extraction', 0):.1f})",
            flush=True,
        )
    RESULTS.mkdir(exist_ok=True)
    target = RESULTS / f"long-{args.lang}.json"
    target.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {target}")


if __name__ == "__main__":
    main()
