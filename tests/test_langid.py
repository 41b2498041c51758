import pytest

from kg.model import Article, RawArticle
from kg.pipeline.build import to_article
from kg.read.language import detect_language

TEXTS = [
    ("The minister said the talks in Geneva would continue next week.", "en"),
    ("De minister zei dat de gesprekken in Genève volgende week doorgaan.", "nl"),
    ("Der Minister sagte, die Gespräche in Genf würden nächste Woche fortgesetzt.", "de"),
]


@pytest.mark.parametrize(("text", "lang"), TEXTS)
def test_detects_language(text: str, lang: str) -> None:
    assert detect_language(text) == lang


def test_unsupported_language_is_skipped_with_reason() -> None:
    raw = RawArticle("de.txt", "t", TEXTS[2][0], "f" * 64)
    skipped = to_article(raw)
    assert not isinstance(skipped, Article)
    assert "'de' is not supported" in skipped.reason


def test_language_override() -> None:
    raw = RawArticle("x.txt", "t", TEXTS[0][0], "f" * 64)
    article = to_article(raw, "nl")
    assert isinstance(article, Article) and article.lang == "nl"
