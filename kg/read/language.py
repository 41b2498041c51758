"""Which language an article is in (lingua: accurate on short and mixed text)."""

from __future__ import annotations

from functools import cache

from lingua import IsoCode639_1, Language, LanguageDetector, LanguageDetectorBuilder

# Detect among more languages than we read, so that a German article is called German
# (and skipped as unsupported) rather than forced into English or Dutch.
_CANDIDATES = (
    Language.ENGLISH, Language.DUTCH, Language.GERMAN, Language.FRENCH,
    Language.SPANISH, Language.ITALIAN, Language.PORTUGUESE, Language.TURKISH,
)  # fmt: skip


@cache
def _detector() -> LanguageDetector:
    return LanguageDetectorBuilder.from_languages(*_CANDIDATES).build()


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of the text's language, or None if it cannot tell."""
    found = _detector().detect_language_of(text[:5000])
    if found is None:
        return None
    code: IsoCode639_1 = found.iso_code_639_1
    return str(code.name).lower()
