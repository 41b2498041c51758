"""Fuzzing (Hypothesis): whatever text arrives, reading and extraction never raise, and every
mention and relation points at the characters it names. The models are the real ones."""

from __future__ import annotations

import string
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from kg.errors import InputError
from kg.extract import extract
from kg.model import Article, Extraction
from kg.nlp.backends import NLP
from kg.read.sources import read_article

FUZZ = settings(
    derandomize=True,  # the same examples on every run: CI is not a lottery
    database=None,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


def _prose(vocabulary: str, max_size: int) -> st.SearchStrategy[str]:
    """Texts made of these words, in any order and number: prose-like enough for the parser."""
    return st.lists(st.sampled_from(vocabulary.split()), min_size=1, max_size=max_size).map(
        " ".join
    )


WORDS = _prose(
    "the minister Kenya condemned attack on Chad and said he "
    "Peru supports Chile by forces of not Union called for",
    3000,
)
NL_WORDS = _prose(
    "de minister Kenia veroordeelde aanval op Tsjaad en zei hij "
    "Peru steunt Chili door troepen van niet Unie riep om",
    1500,
)
PUNCTUATION = st.text(
    alphabet=string.punctuation + "«»\u201c\u201d\u2018\u2019\u2014\u2013…¿¡",
    min_size=1,
    max_size=400,
)
ONE_LETTER_TOKENS = " ".join(["a"] * 10_000)


def check(text: str, lang: str, nlp: NLP) -> Extraction:
    article = Article("0123456789abcdef", "fuzz.txt", "fuzz", text, lang, "0" * 64)
    found = extract(article, nlp.parse(article))
    for m in found.mentions:
        assert 0 <= m.start < m.end <= len(text) and text[m.start : m.end] == m.text
    for r in found.relations:
        p = r.provenance
        assert 0 <= p.sentence_start <= p.start < p.end <= p.sentence_end <= len(text)
        assert 0.0 <= p.confidence <= 1.0
    return found


@settings(FUZZ, max_examples=60)
@given(st.one_of(st.text(max_size=400), WORDS, PUNCTUATION))
@example(ONE_LETTER_TOKENS)
@example("\u200b\ufeff\u00a0\t\n\r\x0b\x0c")
@example("Kenya" * 2000)
def test_english_extraction_never_raises(nlp: NLP, text: str) -> None:
    check(text, "en", nlp)


@settings(FUZZ, max_examples=25)
@given(st.one_of(st.text(max_size=300), NL_WORDS, PUNCTUATION))
@example(ONE_LETTER_TOKENS)
@example("EOT\nREADY\n\nEOT")  # Frog's own protocol words as text
@example("\u200b\ufeff\u00a0\t\n\r\x0b\x0c")
def test_dutch_extraction_never_raises(nlp: NLP, text: str) -> None:
    check(text, "nl", nlp)


@pytest.fixture(scope="module")
def scratch(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("fuzz") / "article.txt"


@settings(FUZZ, max_examples=200)
@given(st.one_of(st.binary(max_size=3000), st.text(max_size=500).map(str.encode)))
def test_reading_any_bytes_gives_an_article_or_a_reason(scratch: Path, data: bytes) -> None:
    scratch.write_bytes(data)
    try:
        article = read_article(scratch)
    except InputError as exc:
        assert str(exc).startswith(str(scratch)) and len(str(exc).splitlines()) == 1
    else:
        assert article.text.strip() and article.title


ANY_CHARS = st.text(st.characters(blacklist_categories=()), max_size=60)  # surrogates too
DATES = st.one_of(ANY_CHARS, st.sampled_from(["0001-01-01", "9999-12-31", "2020-13-45", "0"]))
URLS = st.one_of(ANY_CHARS, ANY_CHARS.map(lambda s: "http://x.org/" + s))


@settings(FUZZ, max_examples=30)
@given(
    st.lists(
        st.fixed_dictionaries(
            {"text": st.one_of(ANY_CHARS, WORDS)},
            optional={
                "id": ANY_CHARS,
                "title": ANY_CHARS,
                "date": DATES,
                "url": URLS,
                "author": ANY_CHARS,
                "source": ANY_CHARS,
                "lang": ANY_CHARS,
            },
        ),
        min_size=1,
        max_size=5,
    )
)
def test_any_record_is_read_or_skipped_and_its_metadata_is_rdf(
    scratch: Path, records: list[dict[str, str]]
) -> None:
    import json

    from kg.model import Graph as KGraph
    from kg.pipeline.workers import to_article
    from kg.rdf.formats import FORMATS, parse, serialize
    from kg.rdf.graph import to_rdf
    from kg.read.sources import read_inputs

    feed = scratch.parent / "feed.jsonl"
    feed.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    raws, skipped, _ = read_inputs([feed])
    assert len(raws) + len(skipped) <= len(records) and (raws or skipped)
    articles = tuple(a for a in (to_article(r, "en") for r in raws) if isinstance(a, Article))
    g = to_rdf(KGraph(articles, (), ()))
    for name in ("turtle", "nquads"):
        assert len(parse(serialize(g, FORMATS[name]), FORMATS[name])) > 0


def _grow(unit: str, size: int) -> str:
    """`unit` as paragraphs, repeated to about `size` bytes of UTF-8."""
    paragraph = unit.strip() + "\n\n"
    each = max(1, len(paragraph.encode("utf-8", "surrogatepass")))
    return paragraph * (size // each + 1)


BIG = st.tuples(st.one_of(WORDS, ANY_CHARS.filter(str.strip), PUNCTUATION),
                st.integers(1_000_000, 5_000_000)).map(lambda t: _grow(*t))  # fmt: skip
RECORD = st.fixed_dictionaries(
    {"text": st.one_of(ANY_CHARS, WORDS)},
    optional={"title": ANY_CHARS, "date": DATES, "url": URLS, "lang": st.sampled_from(["en"])},
)


@settings(FUZZ, max_examples=4)
@given(BIG, st.lists(RECORD, max_size=2), DATES, URLS)
def test_a_build_with_articles_of_1_to_5_mb_finishes_with_every_article_accounted_for(
    scratch: Path, big: str, small: list[dict[str, str]], date: str, url: str
) -> None:
    """Each article is in the graph or skipped with its reason. The time limit is cut to 10 s
    so that the fuzz stays affordable: an article that needs longer is skipped, as it would be
    at the default limit (benchmarks/bench_long.py times real long articles)."""
    import json
    from unittest import mock

    from kg import api

    feed = scratch.parent / "big.jsonl"
    good = {"text": "Kenya condemned the attack on Chad.", "lang": "en"}  # one to build at least
    records = [{"text": big, "date": date, "url": url, "title": "big"}, *small, good]
    feed.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    out = scratch.parent / "out"
    with mock.patch("kg.pipeline.workers.article_seconds", lambda: 10.0):
        built = api.build_to([feed], out, lang="en", jobs=1, cache=False)
    assert isinstance(built, api.Written) and built.validated
    again = [n for n in built.result.notes if n.reason.startswith("the same text as")]
    assert len(built.result.graph.articles) + len(built.skipped) + len(again) == len(records)
    assert all(s.reason and "\n" not in s.reason for s in built.skipped)
