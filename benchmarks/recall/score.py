"""Score a recall round: what kg asserts on the round's articles against a careful reader's facts.

    .venv/bin/python benchmarks/recall/score.py run 1 --texts /tmp/round-1    # writes kg.tsv
    .venv/bin/python benchmarks/recall/score.py summary 1                      # the figures

A round folder (benchmarks/recall/round-N/) holds:
- `articles.tsv`: the draw (benchmarks/recall/draw.py);
- `facts.tsv`: the reader's facts, written before kg ran (article, fact, subject, relation,
  object, family, modality, evidence), plus a column `kg` the judge fills in afterwards: the kg
  predicate that expresses the fact, or empty when the ontology has no word for it;
- `kg.tsv`: what `run` found: every relation kg asserts (and the statements it keeps but does
  not assert), with two columns for the judge: `verdict` (y: a careful reader accepts it, n:
  not) and `fact` (the number of the reader's fact it states, if any). Column `asserted`: `y`
for a relation kg asserts (modality asserted, confidence at least the build's), `m` (from
round 29) for one it states with another modality at that confidence ('X agreed to buy Y':
intended; modality is part of the fact, and the judge checks it), `n` below the confidence.

`summary` prints recall (facts stated by at least one accepted relation), recall within the
ontology (among facts with a `kg` predicate), precision of the stated relations (`y` and `m`),
and relations per article, overall and per family; and, beside them, the figures of the
asserted ones alone (`y`), as rounds 1 to 28 counted.
"""

from __future__ import annotations

import argparse
import csv
from collections import defaultdict
from pathlib import Path

from kg.model import Triple

HERE = Path(__file__).resolve().parent
KG_COLUMNS = ["article", "n", "asserted", "subject", "predicate", "object", "modality",
              "confidence", "rule", "sentence", "verdict", "fact"]  # fmt: skip


def _rows(path: Path) -> list[dict[str, str]]:
    """A TSV file: kg.tsv as `run` writes it (quoted where needed), the others as people write
    them (a field may start with a quotation mark: "'I feel sorry,' he said" is no quoting)."""
    quoting = csv.QUOTE_MINIMAL if path.name == "kg.tsv" else csv.QUOTE_NONE
    with path.open(encoding="utf-8") as f:
        return list(csv.DictReader(f, delimiter="\t", quoting=quoting))


def run(round_dir: Path, texts: Path) -> None:
    from kg.pipeline.build import build_graph
    from kg.rdf.graph import min_confidence

    result = build_graph(sorted(texts.glob("a*.txt")), lang="en")
    graph = result.graph
    labels = {e.key: e.label for e in graph.entities}
    names = {a.id: Path(a.source).stem for a in graph.articles}
    count: dict[str, int] = defaultdict(int)
    rows = []
    for t in sorted(
        graph.triples, key=lambda t: (names[t.provenance.article_id], t.provenance.start)
    ):
        p, article = t.provenance, names[t.provenance.article_id]
        count[article] += 1
        rows.append([article, count[article], _stated(t, min_confidence()),
                     labels[t.subject], t.predicate, labels[t.object], p.modality.value,
                     f"{p.confidence:.2f}", p.rule, " ".join(p.sentence.split()), "", ""])  # fmt: skip
    target = round_dir / "kg.tsv"
    if target.exists():
        raise SystemExit(f"{target} exists (judged?): move it away to run again")
    with target.open("w", encoding="utf-8", newline="") as out:
        table = csv.writer(out, delimiter="\t", lineterminator="\n")
        table.writerow(KG_COLUMNS)
        table.writerows(rows)
    print(f"{len(rows)} relations from {len(graph.articles)} articles: {target}")


def _stated(triple: Triple, floor: float) -> str:
    if triple.provenance.confidence < floor:
        return "n"
    return "y" if triple.holds(floor) else "m"


def summary(round_dir: Path) -> None:
    found = _rows(round_dir / "kg.tsv")
    if any(r["asserted"] == "m" for r in found):
        print("== stated, any modality (y and m) ==")
        _summary(round_dir, ("y", "m"))
        print("\n== asserted only (y) ==")
    _summary(round_dir, ("y",))


def _summary(round_dir: Path, kinds: tuple[str, ...]) -> None:
    facts = _rows(round_dir / "facts.tsv")
    found = _rows(round_dir / "kg.tsv")
    articles = len(_rows(round_dir / "articles.tsv"))
    asserted = [r for r in found if r["asserted"] in kinds]
    judged = [r for r in asserted if r["verdict"].strip()]
    right = [r for r in judged if r["verdict"].strip().lower().startswith("y")]
    hit = {(r["article"], f.strip()) for r in right for f in r["fact"].split(",") if f.strip()}
    in_onto = [f for f in facts if f.get("kg", "").strip()]
    print(f"articles {articles}, facts {len(facts)} ({len(in_onto)} within the ontology)")
    print(
        f"asserted {len(asserted)} ({len(asserted) / articles:.1f} per article), judged {len(judged)}"
    )
    if judged:
        print(f"precision {len(right)}/{len(judged)} = {len(right) / len(judged):.0%}")
    _recall("recall", facts, hit)
    _recall("recall within the ontology", in_onto, hit)
    families: dict[str, list[dict[str, str]]] = defaultdict(list)
    for f in facts:
        families[f["family"]].append(f)
    for family, group in sorted(families.items()):
        _recall(f"  {family}", group, hit)


def _recall(name: str, facts: list[dict[str, str]], hit: set[tuple[str, str]]) -> None:
    got = sum((f["article"], f["fact"]) in hit for f in facts)
    share = f"{got / len(facts):.1%}" if facts else "-"
    print(f"{name:32} {got:3}/{len(facts):3} = {share}")


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    parser.add_argument("command", choices=["run", "summary"])
    parser.add_argument("round", type=int)
    parser.add_argument("--texts", type=Path, help="the folder draw.py wrote the texts to (run)")
    args = parser.parse_args()
    round_dir = HERE / f"round-{args.round}"
    if args.command == "run":
        if args.texts is None:
            parser.error("run needs --texts")
        run(round_dir, args.texts)
    else:
        summary(round_dir)


if __name__ == "__main__":
    main()
