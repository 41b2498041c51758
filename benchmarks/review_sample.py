"""Draw a random sample of asserted relations from news nobody on the project wrote, for a
person to judge (the precision review of issue 3).

    .venv/bin/python benchmarks/review_sample.py --bbc 150 --reuters 150 --n 50 --seed 7 \
        > benchmarks/review/sample.tsv

Articles come from ../shared/corpora (BBC: every category; Reuters-21578), drawn at random with
`--seed`. Prints a TSV: id, confidence, rule, subject, predicate, object, speaker, sentence,
and an empty `verdict` column to fill in with y (a careful reader accepts it) or n.
`--summary FILE` reads a judged TSV back and prints precision overall, by rule family and by
confidence band.
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

from kg.model import Triple
from kg.pipeline.build import build_graph
from kg.rdf.graph import min_confidence

SHARED = Path(__file__).resolve().parent.parent.parent / "shared" / "corpora"
COLUMNS = ["id", "confidence", "rule", "subject", "predicate", "object", "speaker", "sentence"]


def draw_articles(n_bbc: int, n_reuters: int, rng: random.Random) -> list[str]:
    bbc = sorted((SHARED / "bbc").rglob("*.txt"))
    texts = [f.read_text(encoding="utf-8", errors="replace") for f in rng.sample(bbc, n_bbc)]
    with (SHARED / "reuters21578.jsonl").open(encoding="utf-8") as f:
        rows = [json.loads(line) for line in f]
    rows = [r for r in rows if len(r["text"].split()) > 80]  # news stories, not price tables
    texts += [r["title"].title() + "\n\n" + r["text"] for r in rng.sample(rows, n_reuters)]
    return texts


def sample(args: argparse.Namespace) -> None:
    rng = random.Random(args.seed)
    with tempfile.TemporaryDirectory() as tmp:
        for i, text in enumerate(draw_articles(args.bbc, args.reuters, rng)):
            (Path(tmp) / f"{i:04d}.txt").write_text(text, encoding="utf-8")
        graph = build_graph([Path(tmp)], lang="en").graph
    labels = {e.key: e.label for e in graph.entities}
    held = [t for t in graph.triples if t.holds(min_confidence())]
    picked = rng.sample(held, min(args.n, len(held)))
    print(f"# {len(graph.articles)} articles, {len(held)} asserted statements", file=sys.stderr)
    out = csv.writer(sys.stdout, delimiter="\t", lineterminator="\n")
    out.writerow([*COLUMNS, "verdict"])
    for n, t in enumerate(picked, 1):
        out.writerow([n, *_row(t, labels), ""])


def _row(t: Triple, labels: dict[str, str]) -> list[str]:
    p = t.provenance
    speaker = labels.get(t.speaker or "", "")
    sentence = " ".join(p.sentence.split())
    return [
        f"{p.confidence:.2f}", p.rule, labels[t.subject], t.predicate, labels[t.object],
        speaker, sentence,
    ]  # fmt: skip


def summary(path: Path) -> None:
    with path.open(encoding="utf-8") as f:
        rows = [r for r in csv.DictReader(f, delimiter="\t") if r["verdict"].strip()]
    groups: dict[str, list[bool]] = defaultdict(list)
    for r in rows:
        ok = r["verdict"].strip().lower().startswith("y")
        groups["all"].append(ok)
        groups["rule " + r["rule"].partition(":")[0]].append(ok)
        conf = float(r["confidence"])
        band = "<0.7" if conf < 0.7 else "0.7-0.85" if conf < 0.85 else ">=0.85"
        groups["confidence " + band].append(ok)
    for name, oks in sorted(groups.items()):
        print(f"{name:24} {sum(oks):3}/{len(oks):3} = {sum(oks) / len(oks):.0%}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bbc", type=int, default=150)
    parser.add_argument("--reuters", type=int, default=150)
    parser.add_argument("--n", type=int, default=50)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--summary", type=Path)
    args = parser.parse_args()
    summary(args.summary) if args.summary else sample(args)


if __name__ == "__main__":
    main()
