"""HTML pages: the main text, title, date, author and site, by trafilatura (boilerplate
dropped)."""

from __future__ import annotations

import re
from pathlib import Path

from kg.errors import InputError
from kg.read.decode import clean

_MIN_HTML_WORDS = 5  # fewer, and what the page has is a menu or a caption, not an article
_HTML = re.compile(rb"^\s*(<!doctype html|<html|<head|<body)|</(p|div|span|a)>", re.IGNORECASE)


def looks_like_html(text: str) -> bool:
    """An HTML page, whatever its file is called."""
    return _HTML.search(text[:20000].encode()) is not None


def from_html(path: Path, page: str) -> tuple[str, str | None, dict[str, str]]:
    """(main text, title, metadata) of an HTML page, boilerplate dropped."""
    import trafilatura  # only for HTML input

    doc = trafilatura.bare_extraction(page, with_metadata=True, favor_precision=True)
    text = getattr(doc, "text", None) if doc is not None else None
    if not text or len(text.split()) < _MIN_HTML_WORDS:
        raise InputError(f"{path}: an HTML page without article text")
    fields = {"date": "date", "url": "url", "author": "author", "publisher": "sitename"}
    meta = {k: str(getattr(doc, v)) for k, v in fields.items() if getattr(doc, v, None)}
    return clean(text), getattr(doc, "title", None), meta
