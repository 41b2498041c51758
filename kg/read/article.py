"""A RawArticle from a text and what its source says of it: its name (the path as the user sees
it), the title (given, or the first line), the date the ISO way when it names a day, and
hard-wrapped text unwrapped."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

from kg.model import RawArticle
from kg.read.dates import iso_date

_WRAP_MIN_LINES = 5  # hard-wrapped: at least this many lines, none longer than
_WRAP_MAX_WIDTH = 100  # this, half of them at least half as long


def display(path: Path) -> str:
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def failure(exc: BaseException) -> str:
    """An unexpected error in one line, for the skipped list: its kind and its message."""
    message = " ".join(str(exc).split())[:200]
    return f"{type(exc).__name__}: {message}" if message else type(exc).__name__


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


def raw_article(source: str, text: str, title: str | None = None, **meta: Any) -> RawArticle:
    """A RawArticle; the hash is of the text before unwrapping (offsets count the unwrapped).
    A date that names a day is written the ISO way."""
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    text = unwrap(text)
    day = iso_date(meta.get("date"))
    if day is not None:
        meta["date"] = day.isoformat()
    return RawArticle(source, (title or "").strip() or _title(text), text, digest, **meta)
