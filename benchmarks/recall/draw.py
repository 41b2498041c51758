"""Draw a recall round: articles at random from the English corpora in ../shared/corpora.

    .venv/bin/python benchmarks/recall/draw.py --seed 20261201 --bbc 10 --reuters 6 \
        --round 1 --to /tmp/round-1

Writes `benchmarks/recall/round-N/articles.tsv` (the references only: corpus and id, never the
text, which stays in ../shared) and, in --to, one .txt file per article (title, blank line,
text) for the careful reader and for kg. BBC articles are drawn across its five sections in
turn; Reuters articles are drawn among those with at least 80 words (most Reuters items are
one-line price tables, which carry no facts). Articles an earlier round drew are left out. The
same seed and the same earlier rounds give the same draw.
"""

from __future__ import annotations

import argparse
import csv
import json
import random
from pathlib import Path

HERE = Path(__file__).resolve().parent
CORPORA = HERE.parent.parent.parent / "shared" / "corpora"
SECTIONS = ("business", "entertainment", "politics", "sport", "tech")


def read_before(this_round: int) -> set[str]:
    """The references other rounds drew: a round never draws an article read before."""
    return {
        row["reference"]
        for path in sorted(HERE.glob("round-*/articles.tsv"))
        if path.parent.name != f"round-{this_round}"
        for row in csv.DictReader(path.open(encoding="utf-8"), delimiter="\t")
    }


def bbc(rng: random.Random, n: int, seen: set[str]) -> list[tuple[str, str, str]]:
    """(reference, title, text) of n BBC articles, the sections in turn."""
    files = {
        s: [
            p
            for p in sorted((CORPORA / "bbc" / s).glob("*.txt"))
            if f"bbc/{s}/{p.name}" not in seen
        ]
        for s in SECTIONS
    }
    picks = []
    for i in range(n):
        section = SECTIONS[i % len(SECTIONS)]
        path = rng.choice(files[section])
        files[section].remove(path)
        title, _, text = path.read_text(encoding="utf-8", errors="replace").partition("\n")
        picks.append((f"bbc/{section}/{path.name}", title.strip(), text.strip()))
    return picks


def reuters(rng: random.Random, n: int, seen: set[str]) -> list[tuple[str, str, str]]:
    with (CORPORA / "reuters21578.jsonl").open(encoding="utf-8") as lines:
        records = [json.loads(line) for line in lines]
    prose = [
        r
        for r in records
        if len(str(r.get("text", "")).split()) >= 80 and f"reuters/{r['id']}" not in seen
    ]
    return [
        (f"reuters/{r['id']}", str(r.get("title", "")), str(r["text"]))
        for r in rng.sample(prose, n)
    ]


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    parser.add_argument("--seed", type=int, required=True, help="a seed no round has used")
    parser.add_argument("--bbc", type=int, default=10)
    parser.add_argument("--reuters", type=int, default=6)
    parser.add_argument("--round", type=int, required=True)
    parser.add_argument("--to", type=Path, required=True, help="folder for the article texts")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    seen = read_before(args.round)
    picks = bbc(rng, args.bbc, seen) + reuters(rng, args.reuters, seen)
    folder = HERE / f"round-{args.round}"
    folder.mkdir(exist_ok=True)
    args.to.mkdir(parents=True, exist_ok=True)
    with (folder / "articles.tsv").open("w", encoding="utf-8", newline="") as out:
        table = csv.writer(out, delimiter="\t", lineterminator="\n")
        table.writerow(["article", "reference", "seed"])
        for n, (ref, title, text) in enumerate(picks, 1):
            name = f"a{n:02d}"
            table.writerow([name, ref, args.seed])
            (args.to / f"{name}.txt").write_text(f"{title}\n\n{text}\n", encoding="utf-8")
    print(f"{len(picks)} articles: {folder / 'articles.tsv'}, texts in {args.to}")


if __name__ == "__main__":
    main()
