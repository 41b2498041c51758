"""How the HTML view copes with a big graph: time to render it in Python, to open it in
headless Chromium, and to apply a filter, for a synthetic graph of our shape.

    python -m benchmarks.bench_view --articles 1000      # ~2,300 nodes, ~7,000 edges

Prints the figures and writes benchmarks/results/view.json.
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from pathlib import Path

from playwright.sync_api import sync_playwright

from benchmarks.bench_store import synthetic
from kg.rdf.graph import to_rdf
from kg.view.render import render_html

RESULTS = Path(__file__).resolve().parent / "results"


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    parser.add_argument("--articles", type=int, default=1000, help="synthetic articles")
    args = parser.parse_args()
    graph = to_rdf(synthetic(args.articles))
    start = time.perf_counter()
    page = render_html(graph)
    figures: dict[str, float] = {"render s": time.perf_counter() - start}
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as pw:
        path = Path(tmp) / "view.html"
        path.write_text(page, encoding="utf-8")
        browser = pw.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
        tab = browser.new_page(viewport={"width": 1400, "height": 900})
        errors: list[str] = []
        tab.on("pageerror", lambda e: errors.append(str(e)))
        start = time.perf_counter()
        tab.goto(path.as_uri())
        tab.wait_for_function("window.kgView !== undefined", timeout=300_000)
        figures["open s"] = time.perf_counter() - start
        shown = tab.evaluate("kgView.shown()")
        start = time.perf_counter()
        tab.uncheck("#kg-types input[value=Person]")
        tab.evaluate("kgView.shown()")
        figures["filter s"] = time.perf_counter() - start
        browser.close()
    figures |= {"nodes": shown["nodes"], "edges": shown["edges"], "page MB": len(page) / 1e6}
    for key, value in figures.items():
        print(f"{key:10} {value:10.2f}")
    if errors:
        raise SystemExit(f"JavaScript errors: {errors}")
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "view.json").write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
