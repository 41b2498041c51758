"""Load and query a synthetic graph of our shape in rdflib and in Oxigraph.

    .venv/bin/python benchmarks/bench_store.py                        # ~1M triples
    .venv/bin/python benchmarks/bench_store.py --triples 100000 --repeat 3

The graph is made by kg's own RDF stage (kg.rdf.graph.to_rdf) from synthetic articles, entities and
relations that respect the ontology's domains and ranges, so it has the shape of a real build:
entities with labels and types, one rdf:Statement of provenance per relation, asserted
triples. It times: writing Turtle and N-Quads, parsing Turtle (rdflib) and bulk loading it
(pyoxigraph, and the `oxigraph load` command), the same SPARQL queries in both engines, and
SHACL validation: kg's validator (the shapes as SPARQL on Oxigraph) on the whole graph, and
the reference, pySHACL, on a slice. Prints medians and writes benchmarks/results/store.json;
an rdflib query that runs past --timeout is stopped and reported as minus the timeout.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import multiprocessing.queues
import random
import statistics
import subprocess
import tempfile
import time
import zlib
from collections.abc import Callable
from pathlib import Path

import pyoxigraph as ox
from rdflib import Graph

from kg.model import Article, Entity, EntityType, Provenance, Triple
from kg.model import Graph as KGraph
from kg.rdf.formats import FORMATS, serialize
from kg.rdf.graph import to_rdf
from kg.rdf.query import bind, named_queries, run_rdflib, with_prefixes
from kg.rdf.store import oxigraph_cli
from kg.rdf.validate import shapes, validate

RESULTS = Path(__file__).resolve().parent / "results"
AGENT_RELATIONS = ["condemns", "callsOn", "supports", "expressesSolidarityWith", "threatens"]
TYPES = [EntityType.ORGANIZATION, EntityType.COUNTRY, EntityType.GROUP]
SENTENCE = "The organisation said on Thursday that it condemned the other side's attack."
QUERIES = {
    "count by predicate": "SELECT ?p (COUNT(*) AS ?n) WHERE { ?s ?p ?o } GROUP BY ?p",
    "two-hop join": "SELECT (COUNT(*) AS ?n) WHERE { ?a kg:condemns ?b . ?b kg:supports ?c }",
    "who-condemned-what": named_queries()["who-condemned-what"].read_text(),
    "facts-about (bound)": bind(named_queries()["facts-about"].read_text(), {"entity": "Org 7"}),
}


def synthetic(articles: int, seed: int = 1) -> KGraph:
    """`articles` articles of 10 relations each among a pool of entities (deterministic)."""
    rng = random.Random(seed)
    pool = max(50, articles * 2)
    ids = [f"{i:016x}" for i in range(articles)]
    people = [f"name:person {i}" for i in range(pool // 5)]
    agents = [f"name:org {i}" for i in range(pool)]
    triples = []
    for art in ids:
        for k in range(10):
            start = k * 80
            prov = Provenance(art, SENTENCE, start, start + 76, start + 4, start + 16, "verb:x",
                              round(rng.uniform(0.5, 1.0), 2))  # fmt: skip
            if k == 0:
                triples.append(Triple(rng.choice(people), "speaksFor", rng.choice(agents), prov))
            else:
                p = rng.choice(AGENT_RELATIONS)
                triples.append(Triple(rng.choice(agents), p, rng.choice(agents), prov))
    mentioned: dict[str, set[str]] = {}
    for t in triples:
        for key in (t.subject, t.object):
            mentioned.setdefault(key, set()).add(t.provenance.article_id)
    entities = tuple(
        Entity(key, EntityType.PERSON if key in people else TYPES[zlib.crc32(key.encode()) % 3],
               key.split(":")[1].title(), "en", (), tuple(sorted(mentioned[key])))
        for key in sorted(mentioned)
    )  # fmt: skip
    docs = tuple(Article(a, f"news/{a}.txt", "Title", SENTENCE * 10, "en", a * 4) for a in ids)
    return KGraph(docs, entities, tuple(triples))


def timed(fn: Callable[[], object], repeat: int) -> tuple[float, object]:
    runs, result = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        result = fn()
        runs.append(time.perf_counter() - start)
    return statistics.median(runs), result


def _ox_query(store: ox.Store, sparql: str) -> int:
    return len(list(store.query(with_prefixes(sparql))))  # type: ignore[arg-type]


def run(triples: int, repeat: int, validate_triples: int, timeout: float) -> dict[str, float]:
    per_article = (len(to_rdf(synthetic(400))) - len(to_rdf(synthetic(200)))) / 200
    n = max(20, round(triples / per_article))
    figures: dict[str, float] = {"articles": n}
    secs, g = timed(lambda: to_rdf(synthetic(n)), 1)
    assert isinstance(g, Graph)
    figures |= {"triples": len(g), "to_rdf s": secs}
    secs, ttl = timed(lambda: serialize(g, FORMATS["turtle"]), repeat)
    assert isinstance(ttl, bytes)
    figures |= {"rdflib write turtle s": secs, "turtle MB": len(ttl) / 1e6}
    figures["rdflib write nquads s"], _ = timed(lambda: serialize(g, FORMATS["nquads"]), repeat)
    figures["rdflib parse turtle s"], parsed = timed(
        lambda: Graph().parse(data=ttl, format="turtle"), repeat
    )
    assert isinstance(parsed, Graph)

    def ox_load() -> ox.Store:
        store = ox.Store()
        store.bulk_load(ttl, format=ox.RdfFormat.TURTLE)
        return store

    figures["oxigraph bulk_load s"], store = timed(ox_load, repeat)
    assert isinstance(store, ox.Store)
    figures["oxigraph dump nquads s"], _ = timed(
        lambda: store.dump(format=ox.RdfFormat.N_QUADS), repeat
    )
    figures["oxigraph load (CLI) s"] = _cli_load(ttl, repeat)
    for name, sparql in QUERIES.items():
        figures[f"oxigraph query {name} s"], m = timed(lambda q=sparql: _ox_query(store, q), repeat)
        figures[f"rdflib query {name} s"] = _rdflib_query(parsed, sparql, m, timeout)
    figures["kg validate s"], found = timed(lambda: validate(g), 1)
    assert found == [], found
    small = to_rdf(synthetic(max(20, round(validate_triples / per_article))))
    figures["pyshacl triples"] = len(small)
    figures["kg validate slice s"], _ = timed(lambda: validate(small), repeat)
    figures["pyshacl validate slice s"], _ = timed(lambda: _pyshacl(small), 1)
    return figures


def _pyshacl(g: Graph) -> bool:
    import pyshacl

    conforms, _, _ = pyshacl.validate(g, shacl_graph=shapes(), inference="none", advanced=True)
    assert conforms
    return bool(conforms)


def _rdflib_query(g: Graph, sparql: str, expected_rows: int, timeout: float) -> float:
    """Seconds rdflib takes (in a forked child, so a slow query can be stopped); a timeout
    is reported as a negative number of seconds."""
    ctx = multiprocessing.get_context("fork")
    answer: multiprocessing.queues.Queue[tuple[float, int]] = ctx.Queue()

    def child() -> None:
        start = time.perf_counter()
        rows = len(run_rdflib(g, sparql).rows)
        answer.put((time.perf_counter() - start, rows))

    proc = ctx.Process(target=child)
    proc.start()
    proc.join(timeout)
    if proc.is_alive():
        proc.kill()
        proc.join()
        return -timeout
    secs, rows = answer.get()
    assert rows == expected_rows, (sparql[:60], rows, expected_rows)
    return secs


def _cli_load(ttl: bytes, repeat: int) -> float:
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "graph.ttl"
        source.write_bytes(ttl)

        def load() -> None:
            location = Path(tempfile.mkdtemp(dir=tmp))
            cmd = [oxigraph_cli(), "load", "--location", str(location), "--file", str(source)]
            subprocess.run(cmd, check=True, capture_output=True)

        return timed(load, repeat)[0]


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    parser.add_argument("--triples", type=int, default=1_000_000, help="size of the graph")
    parser.add_argument("--repeat", type=int, default=3, help="runs per fast measurement")
    parser.add_argument(
        "--validate-triples", type=int, default=20_000, help="the slice pySHACL validates"
    )
    parser.add_argument(
        "--timeout", type=float, default=300, help="stop an rdflib query after this (s)"
    )
    args = parser.parse_args()
    figures = run(args.triples, args.repeat, args.validate_triples, args.timeout)
    for key, value in figures.items():
        print(f"{key:40s} {value:12.2f}" if isinstance(value, float) else f"{key:40s} {value:12d}")
    RESULTS.mkdir(exist_ok=True)
    target = RESULTS / "store.json"
    target.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {target}")


if __name__ == "__main__":
    main()
