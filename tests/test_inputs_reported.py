"""Every input named or found is read or reported: '..' paths, hidden folders named
explicitly, unreadable folders, links to nothing; bytes that are almost UTF-8 or UTF-16
without a byte order mark decode as what they are; two builds into one folder cannot both
write."""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest

from kg import api
from kg.errors import KGError
from kg.files import locked
from kg.read.decode import decode
from kg.read.sources import find_files, read_inputs

TEXT = "Kenya\n\nKenya condemned the attack on Chad."


def test_a_folder_above_the_working_folder_is_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / "a.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "work").mkdir()
    monkeypatch.chdir(tmp_path / "work")
    assert [p.name for p in find_files([Path("../corpus")])] == ["a.txt"]  # type: ignore[union-attr]


def test_a_hidden_folder_named_explicitly_is_read(tmp_path: Path) -> None:
    hidden = tmp_path / ".news" / "2024"
    hidden.mkdir(parents=True)
    (hidden / "a.txt").write_text(TEXT, encoding="utf-8")
    assert [p.name for p in find_files([hidden])] == ["a.txt"]  # type: ignore[union-attr]


def test_what_is_not_read_is_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    news = tmp_path / "news"
    (news / "locked").mkdir(parents=True)
    (news / "a.txt").write_text(TEXT, encoding="utf-8")
    (news / "locked" / "b.txt").write_text(TEXT, encoding="utf-8")
    (news / "gone.txt").symlink_to(tmp_path / "nowhere.txt")
    (news / ".drafts").mkdir()
    (news / ".drafts" / "c.txt").write_text(TEXT, encoding="utf-8")
    (news / ".hidden.txt").write_text(TEXT, encoding="utf-8")
    real = os.scandir

    def scandir(path):  # type: ignore[no-untyped-def]
        if Path(path).name == "locked":  # as chmod 0 does, for a user who is not root
            raise PermissionError(13, "Permission denied", str(path))
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)
    found = find_files([news])
    files = [p for p in found if isinstance(p, Path)]
    reasons = {Path(s.source).name: s.reason for s in found if not isinstance(s, Path)}
    assert [p.name for p in files] == ["a.txt"]
    assert "a link to nothing" in reasons["gone.txt"]
    assert "hidden folder" in reasons[".drafts"] and "hidden file" in reasons[".hidden.txt"]
    assert "cannot read this folder (Permission denied)" in reasons["locked"]


def test_a_stray_byte_keeps_the_good_utf8_and_says_so(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes("Zoë\n\nJosé Pérez in Liège, Ghent and Köln.".encode() + b"\xff" + b" End.")
    articles, skipped, notes = read_inputs([path])
    assert not skipped and "José Pérez in Liège" in articles[0].text
    assert "\ufffd" in articles[0].text
    assert notes and "not UTF-8 replaced" in notes[0].reason
    cp1252 = "Café in Liège".encode("cp1252")
    assert decode(path, cp1252) == ("Café in Liège", None)  # a legacy file stays legacy


def test_the_same_text_twice_is_built_once_and_said(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Kenya condemned Chad.", encoding="utf-8")
    (tmp_path / "b.jsonl").write_text('{"text": "Kenya condemned Chad."}\n' * 2, encoding="utf-8")
    articles, skipped, notes = read_inputs([tmp_path])
    assert len(articles) == 1 and not skipped
    assert [n.reason for n in notes] == [f"the same text as {articles[0].source}: built once"] * 2


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_bom_is_text(tmp_path: Path, codec: str) -> None:
    assert decode(tmp_path, TEXT.encode(codec)) == (TEXT, None)


def test_a_second_build_into_the_same_folder_stops(tmp_path: Path) -> None:
    out = tmp_path / "out"
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    held, release = threading.Event(), threading.Event()

    def first() -> None:
        with locked(out):
            held.set()
            release.wait(60)

    thread = threading.Thread(target=first)
    thread.start()
    held.wait(60)
    try:
        with pytest.raises(KGError, match="another kg build is writing"):
            api.build_to([tmp_path / "a.txt"], out, jobs=1)
    finally:
        release.set()
        thread.join()
    assert not (out / "graph.ttl").exists()
