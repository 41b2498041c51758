"""Bytes to text: what is not text is refused with the reason (empty, binary, an image, a PDF,
a zip, undecodable, too big); text in any encoding charset-normalizer recognises is decoded,
BOMs are stripped, line ends made \\n and the text normalised to NFC. Character offsets in the
graph count code points of the text as it is after that."""

from __future__ import annotations

import codecs
import re
import unicodedata
from pathlib import Path

from kg.errors import InputError
from kg.lexicon import load_toml

_MAGIC = {
    b"%PDF-": "a PDF file", b"PK\x03\x04": "a zip archive (or a Word/Excel file)",
    b"\x89PNG": "a PNG image", b"\xff\xd8\xff": "a JPEG image", b"GIF8": "a GIF image",
    b"\x1f\x8b": "a gzip archive",
}  # fmt: skip
_SURROGATE = re.compile("[\ud800-\udfff]")
_BOMS = (  # UTF-32 first: its little-endian BOM begins with UTF-16's
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def decode(path: Path, data: bytes) -> str:
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


def clean(text: str) -> str:
    """NFC, \\n line ends, and lone surrogates (JSON can carry them; no encoder takes them)
    replaced by U+FFFD, one code point for one, so offsets hold."""
    text = _SURROGATE.sub("\ufffd", text)
    text = unicodedata.normalize("NFC", text)
    return text.replace("\r\n", "\n").replace("\r", "\n")


def max_bytes() -> int:
    """The largest article kg reads (kg/data/build.toml)."""
    return int(load_toml("build.toml")["input"]["max_article_bytes"])


def too_big(where: object, size: int) -> InputError:
    return InputError(
        f"{where}: {size:,} bytes is too big for an article (limit {max_bytes():,}, "
        "max_article_bytes in kg/data/build.toml)"
    )


def text_of(path: Path, data: bytes) -> str:
    """The text of a file, or InputError saying why it is not an article."""
    text = clean(decode(path, data))
    if not text.strip():
        raise InputError(f"{path}: empty file" if not text else f"{path}: only whitespace")
    return text
