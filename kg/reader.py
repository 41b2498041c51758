"""Read articles from files and folders, refusing what is not a plain-text article."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from kg.errors import InputError

SUFFIXES = (".txt", ".md")
MAX_BYTES = 5_000_000  # a news article is a few KB; anything this big is not one
_WRAP_MIN_LINES = 5  # hard-wrapped: at least this many lines, none longer than
_WRAP_MAX_WIDTH = 100  # this, half of them at least half as long
_HTML = re.compile(rb"^\s*(<!doctype html|<html|<head|<body)|</(p|div|span|a)>", re.IGNORECASE)


@dataclass(frozen=True)
class RawArticle:
    """An article's text before its language is known."""

    source: str
    title: str
    text: str
    sha256: str


@dataclass(frozen=True)
class Skipped:
    source: str
    reason: str


def _display(path: Path) -> str:
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def _check(path: Path, data: bytes) -> str:
    """The text of a file, or InputError saying why it is not an article."""
    if len(data) > MAX_BYTES:
        raise InputError(
            f"{path}: {len(data):,} bytes is too big for an article (limit {MAX_BYTES:,})"
        )
    if b"\x00" in data:
        raise InputError(f"{path}: binary file, not text")
    if _HTML.search(data[:20000]):
        raise InputError(f"{path}: looks like HTML; save the article as plain text (.txt or .md)")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"{path}: not UTF-8 text (byte {exc.start}); convert it to UTF-8") from exc
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise InputError(f"{path}: empty file")
    return text


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


def read_article(path: Path) -> RawArticle:
    """One article from one file. Offsets in the graph count code points in the returned text
    (UTF-8 decoded, BOM removed, line ends as \\n; in hard-wrapped text, line breaks inside a
    paragraph read as spaces). The hash is of the text before unwrapping."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror})") from exc
    text = _check(path, data)
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    text = unwrap(text)
    return RawArticle(_display(path), _title(text), text, digest)


def find_files(paths: Iterable[Path]) -> list[tuple[Path, bool]]:
    """(file, named explicitly) for every article file under `paths`, in a stable order."""
    found: list[tuple[Path, bool]] = []
    for path in paths:
        if path.is_dir():
            files = sorted(
                p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES
            )
            found += [
                (p, False) for p in files if not any(part.startswith(".") for part in p.parts)
            ]
        elif path.is_file():
            found.append((path, True))
        else:
            raise InputError(f"{path}: no such file or folder")
    return found


def read_articles(paths: Iterable[Path]) -> tuple[list[RawArticle], list[Skipped]]:
    """Articles under `paths`. A bad file named explicitly is an error; one found in a folder
    is skipped with its reason. The same text twice is read once."""
    articles: dict[str, RawArticle] = {}
    skipped: list[Skipped] = []
    for path, explicit in find_files(paths):
        try:
            article = read_article(path)
        except InputError as exc:
            if explicit:
                raise
            skipped.append(Skipped(_display(path), str(exc).split(": ", 1)[-1]))
            continue
        articles.setdefault(article.sha256, article)
    return list(articles.values()), skipped
