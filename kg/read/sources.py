"""Read articles from files and folders: plain text and Markdown (the title is the first line),
HTML pages (kg.read.html) and JSON Lines (kg.read.jsonl), in folders recursively. What is not
an article is skipped with the reason (kg.read.decode); the same text twice is read once."""

from __future__ import annotations

import os
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
    return _read_file(path)[0]


def _read_file(path: Path) -> tuple[RawArticle, Skipped | None]:
    """One article, and a note on how it was read if there is something to say."""
    try:
        size = path.stat().st_size
        if size > max_bytes():  # refused unread: memory stays bounded
            raise too_big(path, size)
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror})") from exc
    text, note = text_of(path, data)
    said = Skipped(display(path), note) if note else None
    if path.suffix.lower() in (".html", ".htm") or looks_like_html(text):
        body, title, meta = from_html(path, text)
        return raw_article(display(path), body, title, **meta), said
    return raw_article(display(path), text), said


def find_files(paths: Iterable[Path]) -> list[Path | Skipped]:
    """Every article file under `paths`, in a stable order, and every input that is not read
    with the reason: a path that does not exist, a link to nothing, a folder that cannot be
    read, hidden files and folders inside a folder (a path named explicitly is read, hidden or
    not, '..' or not)."""
    found: list[Path | Skipped] = []
    for path in paths:
        if path.is_dir():
            found += _folder(path)
        elif path.is_file():
            found.append(path)
        elif path.is_symlink():
            found.append(Skipped(display(path), f"a link to nothing ({os.readlink(path)})"))
        else:
            found.append(Skipped(display(path), "no such file or folder"))
    return found


def _article_file(name: str) -> bool:
    return name.lower().endswith(SUFFIXES)


def _folder(folder: Path) -> list[Path | Skipped]:
    """The article files under `folder` (sorted), then what under it is not read, and why."""
    files: list[Path] = []
    problems: list[Skipped] = []
    seen: set[str] = set()

    def unreadable(exc: OSError) -> None:
        where = Path(exc.filename) if exc.filename else folder
        problems.append(Skipped(display(where), f"cannot read this folder ({exc.strerror})"))

    for root, dirs, names in os.walk(folder, onerror=unreadable, followlinks=True):
        here = Path(root)
        real = os.path.realpath(root)
        if real in seen:  # a link back to a folder already read
            dirs[:] = []
            continue
        seen.add(real)
        for hidden in sorted(d for d in dirs if d.startswith(".")):
            if _holds_articles(here / hidden):
                problems.append(
                    Skipped(display(here / hidden), "a hidden folder: name it to read it")
                )
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(n for n in names if _article_file(n)):
            path = here / name
            if name.startswith("."):
                problems.append(Skipped(display(path), "a hidden file: name it to read it"))
            elif not path.exists():
                problems.append(Skipped(display(path), f"a link to nothing ({os.readlink(path)})"))
            else:
                files.append(path)
    return [*sorted(files), *problems]


def _holds_articles(folder: Path) -> bool:
    return any(_article_file(n) for _, _, names in os.walk(folder) for n in names)


def read_articles(paths: Iterable[Path]) -> tuple[list[RawArticle], list[Skipped]]:
    """Articles under `paths`, and what was skipped (a missing path, a file that is not an
    article, a bad JSON Lines line) with the reason. The same text twice is read once."""
    articles, skipped, _ = read_inputs(paths)
    return articles, skipped


def read_inputs(
    paths: Iterable[Path],
) -> tuple[list[RawArticle], list[Skipped], list[Skipped]]:
    """read_articles, and notes on articles that were read but not as they came (bytes
    replaced, or the same text as an article read before: it is built once): (articles,
    skipped, notes)."""
    articles: dict[str, RawArticle] = {}
    skipped: list[Skipped] = []
    notes: list[Skipped] = []
    for found in find_files(paths):
        if isinstance(found, Skipped):
            skipped.append(found)
            continue
        if found.suffix.lower() == ".jsonl":
            for item in read_jsonl(found):
                if isinstance(item, Skipped):
                    skipped.append(item)
                else:
                    notes += _once(articles, item)
            continue
        try:
            article, note = _read_file(found)
        except InputError as exc:
            skipped.append(Skipped(display(found), str(exc).split(": ", 1)[-1]))
            continue
        except Exception as exc:  # a bug of ours or a library's: this file only, said why
            skipped.append(Skipped(display(found), f"cannot be read ({failure(exc)})"))
            continue
        notes += [note] if note else []
        notes += _once(articles, article)
    return list(articles.values()), skipped, notes


def _once(articles: dict[str, RawArticle], article: RawArticle) -> list[Skipped]:
    """Keep the first article with this text; a note for a second one."""
    first = articles.setdefault(article.sha256, article)
    if first is article:
        return []
    return [Skipped(article.source, f"the same text as {first.source}: built once")]
