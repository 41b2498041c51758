"""Check kg/data/confidence.toml against the judged review samples (benchmarks/review/).

    .venv/bin/python benchmarks/calibrate.py

Each judged file `K-seedN.tsv` was drawn by review_sample.py with `--seed N` from 150 BBC and
150 Reuters articles. This script draws the same articles, extracts them with the current code
and finds each judged relation again (same subject, predicate, object and sentence). For those
the current code still asserts, it prints how often readers accepted them by confidence band and
by each factor that confidence.toml applies, so the figures there can be set from measurement.
Judged relations the current code no longer asserts are counted apart (mostly fixed errors).
"""

from __future__ import annotations

import csv
import random
import re
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

from review_sample import draw_articles

from kg.lexicon import load_toml
from kg.link.entities import link
from kg.model import Extraction, Mention, Relation
from kg.pipeline.build import read
from kg.pipeline.workers import Settings, map_articles
from kg.rdf.graph import min_confidence

REVIEW = Path(__file__).resolve().parent / "review"
Key = tuple[str, str, str, str]
_LONG = load_toml("confidence.toml")["context"]["long_sentence_tokens"]  # in words, roughly


def _end(m: Mention) -> str:
    if m.coref:
        return "pronoun"
    if m.key.startswith("name:"):
        return "name"
    return "nominal" if m.key.startswith(("group:", "event:")) else "gazetteer"


def _features(rel: Relation) -> list[str]:
    p = rel.provenance
    return [
        f"rule {p.rule.partition(':')[0]}",
        f"subject {_end(rel.subject)}",
        f"object {_end(rel.object)}",
        f"object type {rel.object.type.value}",
        "reported" if rel.speaker is not None else "not reported",
        "long sentence" if len(p.sentence.split()) > _LONG else "short sentence",
    ]


def _extract(seed: int) -> dict[Key, tuple[Relation, float]]:
    """Relations the current code asserts on the articles of `seed`, by linked labels."""
    with tempfile.TemporaryDirectory() as tmp:
        for i, text in enumerate(draw_articles(150, 150, random.Random(seed))):
            (Path(tmp) / f"{i:04d}.txt").write_text(text, encoding="utf-8")
        inputs = read([Path(tmp)])
        items = [x for c in map_articles(inputs.raws, Settings("en")) for x in c.items]
    extractions = [x for x in items if isinstance(x, Extraction)]
    graph = link(extractions)
    labels = {e.key: e.label for e in graph.entities}
    by_prov = {(r.provenance, r.predicate): r for x in extractions for r in x.relations}
    found: dict[Key, tuple[Relation, float]] = {}
    for t in graph.triples:
        rel = by_prov.get((t.provenance, t.predicate))
        if rel is not None and t.holds(min_confidence()):
            key = (labels[t.subject], t.predicate, labels[t.object], _norm(t.provenance.sentence))
            found[key] = (rel, t.provenance.confidence)
    return found


def _norm(sentence: str) -> str:
    return re.sub(r"\W+", " ", sentence).strip().lower()


def main() -> None:
    groups: dict[str, list[bool]] = defaultdict(list)
    gone: list[bool] = []
    for path in sorted(REVIEW.glob("*-seed*.tsv")):
        seed = int(re.search(r"seed(\d+)", path.name).group(1))  # type: ignore[union-attr]
        found = _extract(seed)
        with path.open(encoding="utf-8") as f:
            for row in csv.DictReader(f, delimiter="\t"):
                ok = row["verdict"].strip().lower().startswith("y")
                key = (row["subject"], row["predicate"], row["object"], _norm(row["sentence"]))
                if key not in found:
                    gone.append(ok)
                    continue
                rel, conf = found[key]
                band = f"confidence {min(int(conf * 20) / 20, 0.95):.2f}+"
                for name in ["all", band, *_features(rel)]:
                    groups[name].append(ok)
        print(f"{path.name}: done", file=sys.stderr)
    for name, oks in sorted(groups.items()):
        print(f"{name:28} {sum(oks):4}/{len(oks):4} = {sum(oks) / len(oks):.0%}")
    print(f"{'no longer asserted':28} {len(gone):4} ({gone.count(True)} had been accepted)")


if __name__ == "__main__":
    main()
