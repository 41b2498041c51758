"""The CLI: help with examples, one-line errors with non-zero exits, output formats."""

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kg.api import Written
from kg.cli import app, main

runner = CliRunner()
SEEDS = Path(__file__).resolve().parent.parent / "seeds"
COMMANDS = ["build", "query", "queries", "render", "eval", "export", "validate", "serve"]


def test_top_level_help_lists_every_command() -> None:
    result = runner.invoke(app, ["--help"])
    assert result.exit_code == 0
    for command in COMMANDS:
        assert command in result.output


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help_with_an_example(command: str) -> None:
    result = runner.invoke(app, [command, "--help"])
    assert result.exit_code == 0
    assert "Example: kg " + command in result.output


def run_main(
    args: list[str], capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> tuple[int, str]:
    monkeypatch.setattr("sys.argv", ["kg", *args])
    with pytest.raises(SystemExit) as exit_info:
        main()
    return int(exit_info.value.code or 0), capsys.readouterr().err


ERRORS = [
    (["build", "no/such/folder"], "no such file or folder", 2),
    (["query", "who-condemned-what", "--graph", "no/graph.ttl"], "no such graph", 1),
    (["query", "what is this"], "is not a query file, a named query", 5),
    (["query", "SELECT ?x WHERE { ?x ?y }", "--graph", "{graph}"], "SPARQL error", 5),
    (["query", "facts-about", "--graph", "{graph}", "--bind", "who"], "write NAME=VALUE", 5),
    (["query", "facts-about", "--store", "no/store"], "no kg store", 1),
    (["export", "{graph}", "-o", "out.xyz"], "cannot tell the RDF format", 1),
    (["validate", "no/graph.ttl"], "no such graph", 1),
    (["serve", "--store", "no/store", "--port", "7999"], "no kg store", 1),
]


@pytest.mark.parametrize(("args", "message", "code"), ERRORS)
def test_errors_are_one_line_and_exit_non_zero(  # type: ignore[no-untyped-def]
    args, message, code, capsys, monkeypatch, seeds_build: Written
) -> None:
    args = [a.replace("{graph}", str(seeds_build.turtle)) for a in args]
    exit_code, err = run_main(args, capsys, monkeypatch)
    assert exit_code == code
    assert message in err
    assert len(err.strip().splitlines()) == 1, err


def test_bad_file_does_not_touch_existing_output(tmp_path: Path, capsys, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "out"
    out.mkdir()
    (out / "graph.ttl").write_text("previous graph", encoding="utf-8")
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00\x01binary")
    exit_code, err = run_main(["build", str(bad), "-o", str(out)], capsys, monkeypatch)
    assert exit_code == 2 and "binary" in err
    assert (out / "graph.ttl").read_text(encoding="utf-8") == "previous graph"


@pytest.mark.parametrize("fmt", ["csv", "json", "table"])
def test_query_formats(seeds_build: Written, fmt: str) -> None:
    result = runner.invoke(
        app, ["query", "who-condemned-what", "--graph", str(seeds_build.turtle), "-f", fmt]
    )
    assert result.exit_code == 0, result.output
    if fmt == "json":
        rows = json.loads(result.output)
        assert {"who": "NATO"}.items() <= rows[0].items()
    elif fmt == "csv":
        assert result.output.splitlines()[0] == "who,what,language,sentence"
    else:
        assert "NATO" in result.output and "rows" in result.output


def test_inline_sparql_with_implicit_prefixes(seeds_build: Written) -> None:
    sparql = "SELECT ?l WHERE { ?o a kg:Organization ; rdfs:label ?l } ORDER BY ?l"
    sparql += " " * 300  # longer than a file name may be: still read as SPARQL
    result = runner.invoke(app, ["query", sparql, "--graph", str(seeds_build.turtle), "-f", "csv"])
    assert result.exit_code == 0, result.output
    assert "NATO" in result.output.splitlines()


def test_build_prints_a_summary(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("Germany called on Iran to release the prisoners.", encoding="utf-8")
    result = runner.invoke(app, ["build", str(article), "-o", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    assert "articles:  1 (en 1)" in result.output
    assert "callsOn 1" in result.output
    assert (tmp_path / "out" / "graph.ttl").is_file() and (
        tmp_path / "out" / "graph.html"
    ).is_file()


def test_render_command(seeds_build: Written, tmp_path: Path) -> None:
    target = tmp_path / "view.html"
    result = runner.invoke(app, ["render", str(seeds_build.turtle), "-o", str(target)])
    assert result.exit_code == 0, result.output
    assert "vis.Network" in target.read_text(encoding="utf-8")


def test_without_frog_english_builds_and_dutch_is_skipped_with_the_fix(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(
        "kg.pipeline.workers.frog_available", lambda: False
    )  # in this process: --jobs 1
    result = runner.invoke(app, ["build", "seeds/", "-o", str(tmp_path), "--jobs", "1"])
    assert result.exit_code == 10, result.output  # built, with something skipped
    assert "articles:  1 (en 1)" in result.output
    assert (
        "Dutch needs Frog; enable it with: sudo apt-get install -y frog frogdata" in result.stderr
    )


def test_min_confidence_keeps_statements_but_asserts_fewer(tmp_path: Path) -> None:
    from rdflib import RDF, Graph

    from kg.ontology import KG

    result = runner.invoke(
        app, ["build", str(SEEDS), "-o", str(tmp_path), "--min-confidence", "0.99"]
    )
    assert result.exit_code == 0, result.output
    assert "not asserted" in result.output
    g = Graph().parse(tmp_path / "graph.ttl", format="turtle")
    asserted = sum(1 for p in KG.relations() for _ in g.triples((None, KG.term(p), None)))
    assert len(set(g.subjects(RDF.type, RDF.Statement))) > 40 and asserted == 0


def test_mixed_folder_builds_and_reports_what_was_skipped(tmp_path: Path) -> None:
    from tests.test_reader import HTML_PAGE

    folder = tmp_path / "news"
    (folder / "deep" / "er").mkdir(parents=True)
    (folder / "a.txt").write_text("Kenya\n\nKenya condemned the attack on Chad.", encoding="utf-8")
    (folder / "b.md").write_text("# Peru\n\nPeru supports Chile.", encoding="utf-8")
    (folder / "deep" / "c.html").write_text(HTML_PAGE, encoding="utf-8")
    (folder / "deep" / "er" / "d.jsonl").write_text(
        '{"id": "x", "title": "AU", "text": "The African Union condemned the coup.", "lang": "en",'
        ' "date": "2024-03-05", "url": "https://example.org/x"}\nbroken\n',
        encoding="utf-8",
    )
    (folder / "e.txt").write_bytes(
        "Kenya\u2019s government said the café owners in Nairobi supported the new law.".encode(
            "cp1252"
        )
    )
    (folder / "empty.txt").write_bytes(b"")
    (folder / "scan.txt").write_bytes(b"%PDF-1.4 binary")
    (folder / "photo.md").write_bytes(b"\x89PNG\r\n\x1a\n\x00")
    result = runner.invoke(app, ["build", str(folder), "-o", str(tmp_path / "out")])
    assert result.exit_code == 10, result.output
    assert "articles:  5 (en 5)" in result.output
    for reason in ("d.jsonl:2: not JSON", "empty.txt: empty file", "a PDF file", "a PNG image"):
        assert reason in result.stderr, result.stderr
    graph = (tmp_path / "out" / "graph.ttl").read_text(encoding="utf-8")
    assert '"2024-03-05"^^xsd:date' in graph and "<https://example.org/x>" in graph
    again = runner.invoke(app, ["build", str(folder), "-o", str(tmp_path / "out")])
    assert again.exit_code == 10 and "up to date: 5 articles" in again.output
    assert "d.jsonl:2: not JSON" in again.stderr  # the report stays
    assert (tmp_path / "out" / "graph.ttl").read_text(encoding="utf-8") == graph


def test_missing_path_and_unsupported_language_are_skipped_and_the_rest_builds(
    tmp_path: Path,
) -> None:
    good = tmp_path / "good.txt"
    good.write_text(
        "Kenya\n\nKenya condemned the attack on Chad, the minister said.", encoding="utf-8"
    )
    french = tmp_path / "fr.txt"
    french.write_text(
        "Le gouvernement du Kenya a condamné l'attaque contre le Tchad, a déclaré le ministre.",
        encoding="utf-8",
    )
    missing = tmp_path / "gone.txt"
    result = runner.invoke(
        app, ["build", str(good), str(french), str(missing), "-o", str(tmp_path / "out")]
    )
    assert result.exit_code == 10, result.output
    assert "articles:  1 (en 1)" in result.output
    assert "gone.txt: no such file or folder" in result.stderr
    assert "fr.txt: language 'fr' is not supported" in result.stderr
    assert (tmp_path / "out" / "graph.ttl").is_file()


def test_ctrl_c_stops_the_build_cleanly(tmp_path: Path) -> None:
    """A real Ctrl-C (SIGINT to the process group, as a terminal sends it) while Frog and
    spaCy work: the build stops, the previous output stays, no Frog is left running."""
    import os
    import signal
    import subprocess
    import sys
    import time

    out = tmp_path / "out"
    out.mkdir()
    (out / "graph.ttl").write_text("previous graph", encoding="utf-8")
    news = tmp_path / "news"
    news.mkdir()
    dutch = (SEEDS / "001_3125458e71ce769b.txt").read_text(encoding="utf-8")
    for i in range(40):  # enough work that Ctrl-C comes in the middle of it
        (news / f"{i}.txt").write_text(f"{dutch}\n\nArtikel {i}.", encoding="utf-8")
    kg = [sys.executable, "-c", "from kg.cli import main; main()"]
    proc = subprocess.Popen(
        [*kg, "build", str(news), "-o", str(out), "--jobs", "1"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True,
    )  # fmt: skip
    deadline, children = time.monotonic() + 120, []
    while time.monotonic() < deadline and proc.poll() is None and not children:
        found = subprocess.run(
            ["pgrep", "-P", str(proc.pid), "-f", "frog -S"], capture_output=True, text=True
        )
        children = found.stdout.split()  # Frog, started for the first Dutch article
        time.sleep(0.1)
    assert children, "Frog never started"
    time.sleep(1)
    os.killpg(proc.pid, signal.SIGINT)  # the terminal's process group (Frog has its own)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 130
    assert err.decode().strip().splitlines()[-1] == "interrupted: no output file was changed"
    assert (out / "graph.ttl").read_text(encoding="utf-8") == "previous graph"
    assert not list(out.glob(".*.tmp"))
    for pid in children:
        with pytest.raises(ProcessLookupError):
            os.kill(int(pid), 0)
