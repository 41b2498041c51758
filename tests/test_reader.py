from pathlib import Path

import pytest

from kg.errors import InputError
from kg.reader import read_article, read_articles, unwrap

BAD = [
    (b"", "empty file"),
    (b"  \n\t\n", "empty file"),
    (b"abc\x00def", "binary file"),
    ("Caf\u00e9 au lait".encode("latin-1"), "not UTF-8"),
    (b"<!DOCTYPE html><html><body><p>News</p></body></html>", "looks like HTML"),
    (b"Title\n\n<p>Some paragraph</p>", "looks like HTML"),
]


@pytest.mark.parametrize(("data", "message"), BAD)
def test_bad_input_is_refused_with_a_clear_message(
    tmp_path: Path, data: bytes, message: str
) -> None:
    path = tmp_path / "article.txt"
    path.write_bytes(data)
    with pytest.raises(InputError, match=message):
        read_article(path)


def test_huge_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_bytes(b"word " * 1_200_000)
    with pytest.raises(InputError, match="too big"):
        read_article(path)


def test_article_fields(tmp_path: Path) -> None:
    path = tmp_path / "a.md"
    path.write_bytes("\ufeff# Headline here\r\n\r\nBody text.\r\n".encode())
    article = read_article(path)
    assert article.title == "Headline here"
    assert article.text == "# Headline here\n\nBody text.\n"
    assert len(article.sha256) == 64


def test_folder_skips_bad_files_and_duplicates(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Same text.", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Same text.", encoding="utf-8")
    (tmp_path / "c.txt").write_bytes(b"")
    (tmp_path / "d.csv").write_text("not an article", encoding="utf-8")
    articles, skipped = read_articles([tmp_path])
    assert [a.source.rsplit("/", 1)[-1] for a in articles] == ["a.txt"]
    assert [(s.source.rsplit("/", 1)[-1], s.reason) for s in skipped] == [("c.txt", "empty file")]


def test_missing_path_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        read_articles([tmp_path / "nope"])


def test_named_bad_file_is_an_error_not_a_skip(tmp_path: Path) -> None:
    (tmp_path / "c.txt").write_bytes(b"")
    with pytest.raises(InputError, match="empty"):
        read_articles([tmp_path / "c.txt"])


def test_hard_wrapped_text_is_unwrapped_in_place() -> None:
    wrapped = "\n".join(["The minister of trade said on Monday that the talks"] * 6)
    wrapped += "\n    A new paragraph starts here with an indent and goes on."
    flat = unwrap(wrapped)
    assert len(flat) == len(wrapped)  # offsets into the text do not move
    assert flat.count("\n") == 1 and "\n    A new paragraph" in flat
    prose = "Title\n\nOne paragraph on a single line.\nAnother one."
    assert unwrap(prose) == prose
