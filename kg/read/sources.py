"""Read articles from files and folders: plain text and Markdown (the title is the first line),
HTML pages (kg.read.html) and JSON Lines (kg.read.jsonl), in folders recursively. What is not
an article is skipped with the reason (kg.read.decode); the same text twice is read once."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from kg.errors import InputError
from kg.model import RawArticle, Skipped
from kg.read.article import display, failure, raw_article
from kg.read.decode import max_bytes, text_of, too_big
from kg.read.html import from_html, looks_like_html
from kg.read.jsonl import read_jsonl

SUFFIXES = (".txt", ".md", ".html", ".htm", ".jsonl")


def read_article(path: Path) -> RawArticle:
    """One article from one text, Markdown or HTML file."""
    try:
        size = path.stat().st_size
        if size > max_bytes():  # refused unread: memory stays bounded
            raise too_big(path, size)
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror})") from exc
    text = text_of(path, data)
    if path.suffix.lower() in (".html", ".htm") or looks_like_html(text):
        body, title, meta = from_html(path, text)
        return raw_article(display(path), body, title, **meta)
    return raw_article(display(path), text)


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
            found.append(Skipped(display(path), "no such file or folder"))
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
            skipped.append(Skipped(display(found), str(exc).split(": ", 1)[-1]))
            continue
        except Exception as exc:  # a bug of ours or a library's: this file only, said why
            skipped.append(Skipped(display(found), f"cannot be read ({failure(exc)})"))
            continue
        articles.setdefault(article.sha256, article)
    return list(articles.values()), skipped
