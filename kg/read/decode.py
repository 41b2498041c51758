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


def decode(path: Path, data: bytes) -> tuple[str, str | None]:
    """The text of a file's bytes and a note if some were replaced, or InputError saying why
    it is not text."""
    for magic, what in _MAGIC.items():
        if data.startswith(magic):
            raise InputError(f"{path}: {what}, not text")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data.decode(encoding, errors="replace"), None
    if b"\x00" in data:
        utf16 = _utf16(data)
        if utf16 is None:
            raise InputError(f"{path}: binary file, not text")
        return data.decode(utf16, errors="replace"), None
    mostly = _mostly_utf8(data)
    if mostly is not None:
        return mostly
    for encoding in ("utf-8", "cp1252"):  # cp1252: the legacy encoding of en/nl news
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if not re.search("[\x80-\x9f]", text):  # C1 controls: not really this encoding
            return text, None
    from charset_normalizer import from_bytes  # guesses among all the others

    best = from_bytes(data).best()
    if best is None or best.encoding is None:
        raise InputError(f"{path}: not text in any encoding we recognise")
    return str(best), None


def _utf16(data: bytes) -> str | None:
    """UTF-16 without a byte order mark: ASCII-heavy text has a zero byte in every other
    place (after each letter in little-endian, before it in big-endian)."""
    half = len(data) // 2
    if half < 2 or len(data) % 2:
        return None
    even, odd = data[0::2].count(0), data[1::2].count(0)
    if odd > 0.3 * half and even < 0.05 * half:
        return "utf-16-le"
    if even > 0.3 * half and odd < 0.05 * half:
        return "utf-16-be"
    return None


def _mostly_utf8(data: bytes) -> tuple[str, str] | None:
    """UTF-8 with a few bad bytes (a stray byte in good UTF-8): the good text kept, each bad
    byte replaced by U+FFFD, and a note saying so. None if it is valid UTF-8, or no UTF-8."""
    try:
        data.decode("utf-8")
        return None
    except UnicodeDecodeError:
        pass
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd") - data.count("\ufffd".encode())
    good = sum(1 for ch in text if ord(ch) > 0x7F and ch != "\ufffd")
    if good < 1 or bad > good // 10 + 1:
        return None  # another encoding (cp1252 text has no valid multi-byte sequence)
    return text, f"{bad} byte(s) that are not UTF-8 replaced by U+FFFD"


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


def text_of(path: Path, data: bytes) -> tuple[str, str | None]:
    """The text of a file and a note on its decoding, or InputError saying why it is not an
    article."""
    decoded, note = decode(path, data)
    text = clean(decoded)
    if not text.strip():
        raise InputError(f"{path}: empty file" if not text else f"{path}: only whitespace")
    return text, note
