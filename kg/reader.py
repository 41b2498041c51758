"""Read articles from files and folders: plain text and Markdown (the title is the first line),
HTML pages (the main text, title, date and author, by trafilatura; boilerplate dropped) and
JSON Lines ({"id", "title", "text", "date", "lang", "url"} per line, read line by line so a
file of any size is read in bounded memory). Text in any encoding charset-normalizer
recognises is decoded; BOMs are stripped and the text is normalised to NFC. Character offsets
in the graph count code points of the text as stored after that. What is not an article
(empty, binary, an image, a PDF, a zip, undecodable, too big) is refused with the reason."""

from __future__ import annotations

import codecs
import hashlib
import json
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kg.errors import InputError
from kg.lexicon import load_toml
from kg.timex import iso_date

SUFFIXES = (".txt", ".md", ".html", ".htm", ".jsonl")
_MAGIC = {
    b"%PDF-": "a PDF file", b"PK\x03\x04": "a zip archive (or a Word/Excel file)",
    b"\x89PNG": "a PNG image", b"\xff\xd8\xff": "a JPEG image", b"GIF8": "a GIF image",
    b"\x1f\x8b": "a gzip archive",
}  # fmt: skip
_BOMS = (  # UTF-32 first: its little-endian BOM begins with UTF-16's
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_WRAP_MIN_LINES = 5  # hard-wrapped: at least this many lines, none longer than
_WRAP_MAX_WIDTH = 100  # this, half of them at least half as long
_MIN_HTML_WORDS = 5  # fewer, and what the page has is a menu or a caption, not an article
_HTML = re.compile(rb"^\s*(<!doctype html|<html|<head|<body)|</(p|div|span|a)>", re.IGNORECASE)


@dataclass(frozen=True)
class RawArticle:
    """An article's text before its language is known, with what its source says of it."""

    source: str
    title: str
    text: str
    sha256: str
    lang: str | None = None  # as the source declares it (JSON Lines "lang")
    date: str | None = None  # ISO 8601 if the source's date names a day, else as it gives it
    url: str | None = None
    author: str | None = None
    publisher: str | None = None  # the site or agency (HTML site name, JSON Lines "source")


@dataclass(frozen=True)
class Skipped:
    source: str
    reason: str


def _display(path: Path) -> str:
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def _decode(path: Path, data: bytes) -> str:
    """The text of a file's bytes, or InputError saying why it is not text."""
    for magic, what in _MAGIC.items():
        if data.startswith(magic):
            raise InputError(f"{path}: {what}, not text")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data.decode(encoding)
    if b"\x00" in data:
        raise InputError(f"{path}: binary file, not text")
    for encoding in ("utf-8", "cp1252"):  # cp1252: the legacy encoding of en/nl news
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if not re.search("[\x80-\x9f]", text):  # C1 controls: not really this encoding
            return text
    from charset_normalizer import from_bytes  # guesses among all the others

    best = from_bytes(data).best()
    if best is None or best.encoding is None:
        raise InputError(f"{path}: not text in any encoding we recognise")
    return str(best)


def _clean(text: str) -> str:
    text = unicodedata.normalize("NFC", text)
    return text.replace("\r\n", "\n").replace("\r", "\n")


def max_bytes() -> int:
    """The largest article kg reads (kg/data/build.toml)."""
    return int(load_toml("build.toml")["input"]["max_article_bytes"])


def _too_big(where: object, size: int) -> InputError:
    return InputError(
        f"{where}: {size:,} bytes is too big for an article (limit {max_bytes():,}, "
        "max_article_bytes in kg/data/build.toml)"
    )


def _check(path: Path, data: bytes) -> str:
    """The text of a file, or InputError saying why it is not an article."""
    text = _clean(_decode(path, data))
    if not text.strip():
        raise InputError(f"{path}: empty file" if not text else f"{path}: only whitespace")
    return text


def _from_html(path: Path, page: str) -> tuple[str, str | None, dict[str, str]]:
    """(main text, title, metadata) of an HTML page, boilerplate dropped."""
    import trafilatura  # only for HTML input

    doc = trafilatura.bare_extraction(page, with_metadata=True, favor_precision=True)
    text = getattr(doc, "text", None) if doc is not None else None
    if not text or len(text.split()) < _MIN_HTML_WORDS:
        raise InputError(f"{path}: an HTML page without article text")
    fields = {"date": "date", "url": "url", "author": "author", "publisher": "sitename"}
    meta = {k: str(getattr(doc, v)) for k, v in fields.items() if getattr(doc, v, None)}
    return _clean(text), getattr(doc, "title", None), meta


def _hard_wrapped(lines: list[str]) -> bool:
    """Text broken into lines of a fixed width (newswire, e-mail), not one line a paragraph."""
    sizes = sorted(len(ln) for ln in lines if ln.strip())
    if len(sizes) < _WRAP_MIN_LINES:
        return False
    return sizes[-1] <= _WRAP_MAX_WIDTH and sizes[len(sizes) // 2] >= _WRAP_MAX_WIDTH // 2


def unwrap(text: str) -> str:
    """Hard-wrapped text with the line breaks inside paragraphs turned into spaces, so that
    the parser sees whole sentences. A break before a blank or indented line stays (it starts
    a paragraph). Character offsets do not change: one character replaces one."""
    if not _hard_wrapped(text.split("\n")):
        return text
    chars = list(text)
    for i, ch in enumerate(chars[1:-1], 1):
        if ch == "\n" and text[i - 1] != "\n" and not text[i + 1].isspace():
            chars[i] = " "
    return "".join(chars)


def _title(text: str) -> str:
    first = next(line for line in text.splitlines() if line.strip())
    return first.strip().lstrip("#").strip()


def _article(source: str, text: str, title: str | None = None, **meta: Any) -> RawArticle:
    """A RawArticle; the hash is of the text before unwrapping (offsets count the unwrapped).
    A date that names a day is written the ISO way."""
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    text = unwrap(text)
    day = iso_date(meta.get("date"))
    if day is not None:
        meta["date"] = day.isoformat()
    return RawArticle(source, (title or "").strip() or _title(text), text, digest, **meta)


def read_article(path: Path) -> RawArticle:
    """One article from one text, Markdown or HTML file."""
    try:
        size = path.stat().st_size
        if size > max_bytes():  # refused unread: memory stays bounded
            raise _too_big(path, size)
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror})") from exc
    text = _check(path, data)
    if path.suffix.lower() in (".html", ".htm") or _HTML.search(text[:20000].encode()):
        body, title, meta = _from_html(path, text)
        return _article(_display(path), body, title, **meta)
    return _article(_display(path), text)


def _record(path: Path, number: int, line: str) -> RawArticle:
    where = f"{_display(path)}:{number}"
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        raise InputError(f"{where}: not JSON ({exc.msg})") from exc
    if not isinstance(record, dict) or not isinstance(record.get("text"), str):
        raise InputError(f'{where}: no "text" field')
    text = _clean(record["text"])
    if not text.strip():
        raise InputError(f"{where}: empty text")
    if len(line) > max_bytes():
        raise _too_big(where, len(line.encode("utf-8")))
    fields = {"lang": "lang", "date": "date", "url": "url", "author": "author"}
    fields["publisher"] = "publisher" if record.get("publisher") else "source"
    meta = {k: str(record[v]).strip() for k, v in fields.items() if record.get(v)}
    source = f"{_display(path)}#{record['id']}" if record.get("id") else where
    return _article(source, text, str(record.get("title") or ""), **meta)


def read_jsonl(path: Path) -> Iterator[RawArticle | Skipped]:
    """Each line of a JSON Lines file as an article, or skipped with its reason."""
    try:
        with path.open(encoding="utf-8", errors="strict") as lines:
            for number, line in enumerate(lines, 1):
                if not line.strip():
                    continue
                try:
                    yield _record(path, number, line)
                except InputError as exc:
                    where, _, reason = str(exc).partition(": ")
                    yield Skipped(where, reason)
    except UnicodeDecodeError as exc:
        yield Skipped(_display(path), f"not UTF-8 JSON Lines (byte {exc.start})")


def find_files(paths: Iterable[Path]) -> list[Path | Skipped]:
    """Every article file under `paths`, in a stable order; a path that does not exist is
    Skipped."""
    found: list[Path | Skipped] = []
    for path in paths:
        if path.is_dir():
            files = sorted(
                p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES
            )
            found += [p for p in files if not any(part.startswith(".") for part in p.parts)]
        elif path.is_file():
            found.append(path)
        else:
            found.append(Skipped(_display(path), "no such file or folder"))
    return found


def read_articles(paths: Iterable[Path]) -> tuple[list[RawArticle], list[Skipped]]:
    """Articles under `paths`, and what was skipped (a missing path, a file that is not an
    article, a bad JSON Lines line) with the reason. The same text twice is read once."""
    articles: dict[str, RawArticle] = {}
    skipped: list[Skipped] = []
    for found in find_files(paths):
        if isinstance(found, Skipped):
            skipped.append(found)
            continue
        if found.suffix.lower() == ".jsonl":
            for item in read_jsonl(found):
                if isinstance(item, Skipped):
                    skipped.append(item)
                else:
                    articles.setdefault(item.sha256, item)
            continue
        try:
            article = read_article(found)
        except InputError as exc:
            skipped.append(Skipped(_display(found), str(exc).split(": ", 1)[-1]))
            continue
        articles.setdefault(article.sha256, article)
    return list(articles.values()), skipped
