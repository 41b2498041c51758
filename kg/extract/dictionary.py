"""A bilingual dictionary in dictd format (FreeDict, Debian `dict-freedict-nld-eng`), read once.

The `.index` file has one line per headword: word, offset and length in base64 digits,
tab-separated; the `.dict.dz` file is gzip-compatible (dictzip). Only each headword's first
sense is kept (its translations separated by commas): precision over recall, since the
dictionary lists rare senses too ('slag': battle, blow, knock, ...).
"""

from __future__ import annotations

import gzip
import re
from functools import cache
from pathlib import Path

_DIGITS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
Translations = dict[str, tuple[str, ...]]


def _number(b64: str) -> int:
    value = 0
    for ch in b64:
        value = value * 64 + _DIGITS.index(ch)
    return value


def first_sense(entry: str) -> tuple[str, ...]:
    """The first sense of an entry ('aanval [IPA]', '1. attack, fit', '2. access'):
    ('attack', 'fit')."""
    lines = [ln.strip() for ln in entry.splitlines()[1:] if ln.strip()]
    if not lines:
        return ()
    sense = re.sub(r"^\d+\.\s*", "", lines[0])
    return tuple(w.strip().lower() for w in re.split(r"[,;]", sense) if w.strip())


@cache
def load_dictionary(path: str) -> Translations:
    """Headword -> first-sense translations; empty if the dictionary is not installed."""
    index, data = Path(path + ".index"), Path(path + ".dict.dz")
    if not (index.exists() and data.exists()):
        return {}
    raw = gzip.decompress(data.read_bytes())
    found: Translations = {}
    for line in index.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) != 3 or parts[0].startswith("00"):
            continue
        offset, length = _number(parts[1]), _number(parts[2])
        entry = raw[offset : offset + length].decode("utf-8", errors="replace")
        found.setdefault(parts[0].strip().lower(), first_sense(entry))
    return found
