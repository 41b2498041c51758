"""Frog output -> spaCy Doc. Canned rows test the conversion rules; one test runs real Frog."""

import os
from pathlib import Path

import pytest
import spacy

from kg.nlp.backends import NLP
from kg.nlp.frog import FrogServer
from kg.nlp.frogdoc import frog_to_doc


def row(i: int, word: str, lemma: str, tag: str, ner: str, head: int, dep: str) -> list[str]:
    return [str(i), word, lemma, "", tag, "1.0", ner, "", "", str(head), dep]


VOCAB = spacy.blank("nl").vocab
# "Jens Stoltenberg heeft Rusland en Iran veroordeeld." as Frog 0.20 parses it
TEXT = "Jens Stoltenberg heeft Rusland en Iran veroordeeld."
ROWS = [[
    row(1, "Jens_Stoltenberg", "Jens_Stoltenberg", "SPEC(deeleigen)_SPEC(deeleigen)", "B-PER_I-PER", 2, "su"),
    row(2, "heeft", "hebben", "WW(pv,tgw,met-t)", "O", 0, "ROOT"),
    row(3, "Rusland", "Rusland", "SPEC(deeleigen)", "B-LOC", 4, "cnj"),
    row(4, "en", "en", "VG(neven)", "O", 6, "obj1"),
    row(5, "Iran", "Iran", "SPEC(deeleigen)", "B-LOC", 4, "cnj"),
    row(6, "veroordeeld", "veroordelen", "WW(vd,vrij,zonder)", "O", 2, "vc"),
    row(7, ".", ".", "LET()", "O", 6, "punct"),
]]  # fmt: skip


def test_text_is_kept_exactly() -> None:
    doc = frog_to_doc("  " + TEXT + "\n\n", ROWS, VOCAB)
    assert doc.text == "  " + TEXT + "\n\n"


def test_multi_word_units_become_tokens_and_one_entity() -> None:
    doc = frog_to_doc(TEXT, ROWS, VOCAB)
    assert [t.text for t in doc[:2]] == ["Jens", "Stoltenberg"]
    assert (doc.ents[0].text, doc.ents[0].label_) == ("Jens Stoltenberg", "PERSON")


def test_main_verb_heads_the_clause_and_labels_are_spacy_english() -> None:
    doc = frog_to_doc(TEXT, ROWS, VOCAB)
    verb = doc[6]
    assert verb.lemma_ == "veroordelen" and verb.dep_ == "ROOT"
    deps = {c.text: c.dep_ for c in verb.children}
    assert deps["heeft"] == "aux"
    assert deps["Jens"] == "nsubj"
    assert deps["Rusland"] == "dobj"


def test_first_conjunct_heads_the_coordination() -> None:
    doc = frog_to_doc(TEXT, ROWS, VOCAB)
    rusland = doc[3]
    assert [c.text for c in rusland.conjuncts] == ["Iran"]
    assert doc[4].dep_ == "cc" and doc[4].head.i == 3


def test_word_frog_changed_becomes_filler_and_text_survives() -> None:
    rows = [
        [
            row(1, "Hallo", "hallo", "TSW()", "O", 0, "ROOT"),
            row(2, "wereld", "wereld", "N(soort)", "O", 1, "mod"),
        ]
    ]
    doc = frog_to_doc("Hallo ~wereld", rows, VOCAB)
    assert doc.text == "Hallo ~wereld"
    assert [t.text for t in doc] == ["Hallo", "~", "wereld"]


def test_passive_with_agent(nlp: NLP) -> None:
    with FrogServer() as frog:
        text = "De rebellen worden gesteund door Rusland."
        doc = frog_to_doc(text, frog.analyse(text), VOCAB)
    verb = next(t for t in doc if t.lemma_ == "steunen")
    deps = {c.text: c.dep_ for c in verb.children}
    assert deps["worden"] == "auxpass"
    assert deps["rebellen"] == "nsubjpass"
    assert deps["door"] == "agent"


def test_frog_server_leaves_nothing_behind(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    with FrogServer() as frog:
        frog.analyse("Het regent.")
        pid = frog._proc.pid
    assert list(tmp_path.iterdir()) == []  # no frog.<pid>.debug in the caller's directory
    assert frog._proc.poll() is not None
    with pytest.raises(ProcessLookupError):
        os.kill(pid, 0)


def test_frog_crash_mid_build_stops_the_build_and_keeps_the_output(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A real Frog killed (SIGKILL, as by the OOM killer) before it answers: the build stops
    with a one-line ModelError instead of going on with half an analysis, and output/ stays."""
    import signal

    from kg.api import build_to
    from kg.errors import ModelError

    news, out = tmp_path / "news", tmp_path / "out"
    news.mkdir()
    (news / "a.txt").write_text("Kenia\n\nKenia steunt Tsjaad, zei de minister.", encoding="utf-8")
    build_to([news], out, jobs=1)
    before = {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()}
    (news / "b.txt").write_text("Peru\n\nPeru veroordeelt de aanval op Chili.", encoding="utf-8")
    real = FrogServer.analyse

    def killed(self: FrogServer, text: str) -> list[list[str]]:
        self.wait_until_ready()
        os.killpg(self._proc.pid, signal.SIGKILL)
        return real(self, text)

    monkeypatch.setattr(FrogServer, "analyse", killed)
    with pytest.raises(ModelError, match=r"Frog stopped while analysing .*exit code -9"):
        build_to([news], out, jobs=1)
    assert {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()} == before
