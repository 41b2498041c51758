"""JSON Lines: {"id", "title", "text", "date", "lang", "url", "author", "source"} per line,
read a line at a time so a file of any size is read in bounded memory. A bad line is skipped
with its reason; the others are read."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

from kg.errors import InputError
from kg.model import RawArticle, Skipped
from kg.read.article import display, failure, raw_article
from kg.read.decode import clean, max_bytes, too_big


def _record(path: Path, number: int, line: str) -> RawArticle:
    where = f"{display(path)}:{number}"
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        raise InputError(f"{where}: not JSON ({exc.msg})") from exc
    if not isinstance(record, dict) or not isinstance(record.get("text"), str):
        raise InputError(f'{where}: no "text" field')
    text = clean(record["text"])
    if not text.strip():
        raise InputError(f"{where}: empty text")
    if len(line) > max_bytes():
        raise too_big(where, len(line.encode("utf-8")))
    fields = {"lang": "lang", "date": "date", "url": "url", "author": "author"}
    fields["publisher"] = "publisher" if record.get("publisher") else "source"
    meta = {k: clean(str(record[v])).strip() for k, v in fields.items() if record.get(v)}
    source = f"{display(path)}#{clean(str(record['id']))}" if record.get("id") else where
    return raw_article(source, text, clean(str(record.get("title") or "")), **meta)


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
                except Exception as exc:  # this line only, said why
                    yield Skipped(f"{display(path)}:{number}", f"cannot be read ({failure(exc)})")
    except UnicodeDecodeError as exc:
        yield Skipped(display(path), f"not UTF-8 JSON Lines (byte {exc.start})")
