from pathlib import Path

import pytest

from kg.errors import InputError
from kg.model import RawArticle, Skipped
from kg.read.article import unwrap
from kg.read.sources import read_article, read_articles, read_jsonl

BAD = [
    (b"", "empty file"),
    (b"  \n\t\n", "only whitespace"),
    (b"abc\x00def", "binary file"),
    (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "a PDF file"),
    (b"PK\x03\x04\x14\x00\x00\x00", "a zip archive"),
    (b"\x89PNG\r\n\x1a\n\x00\x00", "a PNG image"),
    (bytes((i * 167 + 13) % 255 + 1 for i in range(2000)), "not text in any encoding"),
    (b"<!DOCTYPE html><html><body><nav>Home</nav></body></html>", "HTML page without article text"),
]


@pytest.mark.parametrize(("data", "message"), BAD)
def test_bad_input_is_refused_with_a_clear_message(
    tmp_path: Path, data: bytes, message: str
) -> None:
    path = tmp_path / "article.txt"
    path.write_bytes(data)
    with pytest.raises(InputError, match=message):
        read_article(path)


ENCODED = [
    ("Café au lait — “quoted” in Zürich, naïve façade.", "cp1252"),
    ("Café au lait in Zürich: a naïve façade.", "latin-1"),
    ("Het Vlaamse café in België.", "utf-16"),
    ("Caf\u0065\u0301 written with a combining accent.", "utf-8"),
]


@pytest.mark.parametrize(("text", "encoding"), ENCODED)
def test_encodings_are_decoded_and_normalised(tmp_path: Path, text: str, encoding: str) -> None:
    path = tmp_path / "article.txt"
    path.write_bytes(text.encode(encoding))
    article = read_article(path)
    import unicodedata

    assert article.text == unicodedata.normalize("NFC", text)


HTML_PAGE = """<!DOCTYPE html><html><head><title>Peru and Chile sign a deal - Example News</title>
<meta name="date" content="2024-03-05"><meta name="author" content="Ann Lee"></head><body>
<nav>Home | World | Sport</nav><article><h1>Peru and Chile sign a deal</h1>
<p>Peru called on Chile to end the blockade of the port on Thursday, the ministry said.</p>
<p>Chile said it would consider the request and reply within a week, officials said.</p>
</article><footer>Cookie policy. Subscribe now!</footer></body></html>"""


def test_html_page_gives_main_text_title_and_date(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(HTML_PAGE, encoding="utf-8")
    article = read_article(path)
    assert article.title == "Peru and Chile sign a deal"
    assert article.date == "2024-03-05" and article.author == "Ann Lee"
    assert "Peru called on Chile" in article.text
    assert "Cookie" not in article.text and "Home | World" not in article.text


def test_jsonl_lines_are_articles_and_bad_lines_are_skipped(tmp_path: Path) -> None:
    lines = [
        '{"id": "a1", "title": "Deal", "text": "Peru called on Chile to act.", "lang": "en", '
        '"date": "26-FEB-1987 15:01:01.79", "url": "https://example.org/a1", "source": "Wire"}',
        "not json at all",
        '{"id": "a2", "title": "No text"}',
        '{"id": "a3", "text": "   "}',
        "",
        '{"text": "Kenia steunt Tsjaad.", "lang": "nl"}',
    ]
    (tmp_path / "feed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    articles, skipped = read_articles([tmp_path / "feed.jsonl"])
    assert [(a.source.rsplit("/", 1)[-1], a.title, a.lang) for a in articles] == [
        ("feed.jsonl#a1", "Deal", "en"),
        ("feed.jsonl:6", "Kenia steunt Tsjaad.", "nl"),
    ]
    assert articles[0].date == "1987-02-26" and articles[0].url == "https://example.org/a1"
    assert articles[0].publisher == "Wire" and articles[1].date is None
    assert [(s.source.rsplit("/", 1)[-1], s.reason.split(" (")[0]) for s in skipped] == [
        ("feed.jsonl:2", "not JSON"),
        ("feed.jsonl:3", 'no "text" field'),
        ("feed.jsonl:4", "empty text"),
    ]


def test_huge_file_is_refused_unread(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "big.txt"
    with path.open("wb") as f:  # 50 MB
        f.write(b"word " * 10_000_000)
    monkeypatch.setattr(Path, "read_bytes", lambda self: pytest.fail("read a file it refuses"))
    with pytest.raises(InputError, match=r"50,000,000 bytes is too big .*max_article_bytes"):
        read_article(path)


def test_big_jsonl_is_read_a_line_at_a_time(tmp_path: Path) -> None:
    """50 MB of JSON Lines: reading it holds one line at a time (plus what the caller keeps)."""
    import json
    import tracemalloc

    line = json.dumps({"text": "Kenya backs Chad. " * 280}) + "\n"  # ~5 KB
    path = tmp_path / "feed.jsonl"
    with path.open("w", encoding="utf-8") as f:
        for _ in range(50_000_000 // len(line)):
            f.write(line)
    tracemalloc.start()
    count = sum(1 for _ in read_jsonl(path))
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert count == 50_000_000 // len(line)
    assert peak < 2_000_000, peak


def test_too_big_jsonl_line_is_skipped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("kg.read.jsonl.max_bytes", lambda: 100)
    path = tmp_path / "feed.jsonl"
    path.write_text(
        '{"text": "%s"}\n{"text": "Kenya backs Chad."}\n' % ("x" * 200), encoding="utf-8"
    )
    items = list(read_jsonl(path))
    assert isinstance(items[0], Skipped) and "too big" in items[0].reason
    assert isinstance(items[1], RawArticle)


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


def test_missing_path_and_named_bad_file_are_skipped_with_the_reason(tmp_path: Path) -> None:
    (tmp_path / "c.txt").write_bytes(b"")
    (tmp_path / "ok.txt").write_text("Kenya backs Chad.", encoding="utf-8")
    articles, skipped = read_articles([tmp_path / "nope", tmp_path / "c.txt", tmp_path / "ok.txt"])
    assert [a.text for a in articles] == ["Kenya backs Chad."]
    assert [(s.source.rsplit("/", 1)[-1], s.reason) for s in skipped] == [
        ("nope", "no such file or folder"),
        ("c.txt", "empty file"),
    ]


def test_hard_wrapped_text_is_unwrapped_in_place() -> None:
    wrapped = "\n".join(["The minister of trade said on Monday that the talks"] * 6)
    wrapped += "\n    A new paragraph starts here with an indent and goes on."
    flat = unwrap(wrapped)
    assert len(flat) == len(wrapped)  # offsets into the text do not move
    assert flat.count("\n") == 1 and "\n    A new paragraph" in flat
    prose = "Title\n\nOne paragraph on a single line.\nAnother one."
    assert unwrap(prose) == prose
