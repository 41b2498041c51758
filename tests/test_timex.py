"""Dates: the article's date as sources write it, and date expressions anchored to it."""

from datetime import date

import pytest

from kg.extract.dates import find_timexes
from kg.model import Article
from kg.nlp.backends import NLP
from kg.read.dates import iso_date

SOURCE_DATES = [
    ("2024-03-05", "2024-03-05"),
    ("2024-03-05T10:00:00Z", "2024-03-05"),
    ("26-FEB-1987 15:01:01.79", "1987-02-26"),  # Reuters-21578
    ("Tue, 05 Mar 2024 10:00:00 GMT", "2024-03-05"),  # RSS
    ("5 maart 2024", None),  # dateutil reads English month names only: kept as written
    ("03/05/2024", None),  # March or May
    ("March 2024", None),  # no day
    ("2024", None),
    ("", None),
]


@pytest.mark.parametrize(("text", "expected"), SOURCE_DATES)
def test_source_dates(text: str, expected: str | None) -> None:
    found = iso_date(text)
    assert (found.isoformat() if found else None) == expected


FRIDAY = date(2020, 2, 28)
EXPRESSIONS = [
    ("en", "Kenya said on Thursday that it backs Chad.", [("Thursday", "2020-02-27")]),
    ("en", "Kenya said on Friday that it backs Chad.", [("Friday", "2020-02-28")]),
    ("en", "Talks resume next Monday.", [("next Monday", "2020-03-02")]),
    (
        "en",
        "Yesterday and last night, and today.",
        [("Yesterday", "2020-02-27"), ("last night", "2020-02-27"), ("today", "2020-02-28")],
    ),
    (
        "en",
        "The vote on 27 February 2019 and on February 3rd.",
        [("27 February 2019", "2019-02-27"), ("February 3rd", "2020-02-03")],
    ),
    (
        "en",
        "Elections are on May 5; on 30 December it rained.",
        [("May 5", "2020-05-05"), ("30 December", "2019-12-30")],
    ),
    (
        "en",
        "Troops may march on 5 may. The 31 February date.",
        [("31 February", None)],
    ),  # no such day
    ("nl", "Kenia zei donderdag dat het Tsjaad steunt.", [("donderdag", "2020-02-27")]),
    (
        "nl",
        "Gisteren en volgende week maandag, op 3 maart.",
        [
            ("Gisteren", "2020-02-27"),
            ("volgende week maandag", "2020-03-02"),
            ("3 maart", "2020-03-03"),
        ],
    ),
    ("nl", "De top van 12 mei 2019.", [("12 mei 2019", "2019-05-12")]),
    ("fr", "Jeudi, le Kenya a soutenu le Tchad.", []),  # no table for this language
]


@pytest.mark.parametrize(("lang", "text", "expected"), EXPRESSIONS)
def test_date_expressions_are_anchored_to_the_article_date(
    lang: str, text: str, expected: list[tuple[str, str]]
) -> None:
    found = find_timexes(text, lang, FRIDAY)
    assert [(t.text, t.iso) for t in found] == expected
    assert all(text[t.start : t.end] == t.text for t in found)


def test_without_an_article_date_only_full_dates_name_a_day() -> None:
    found = find_timexes("On Thursday, 27 February 2020, and on 3 March.", "en", None)
    assert [(t.text, t.iso) for t in found] == [
        ("Thursday", None),
        ("27 February 2020", "2020-02-27"),
        ("3 March", None),
    ]


DATED = [
    # (lang, text, predicate, date of that relation, expression)
    ("en", "Kenya condemned the attack on Chad on Thursday.", "condemns", "2020-02-27", "Thursday"),
    (
        "en",
        "On Wednesday, Peru called on Chile to end the blockade.",
        "callsOn",
        "2020-02-26",
        "Wednesday",
    ),
    (
        "nl",
        "Kenia heeft donderdag de aanval op Tsjaad veroordeeld.",
        "condemns",
        "2020-02-27",
        "donderdag",
    ),
]


@pytest.mark.parametrize(("lang", "text", "predicate", "day", "expression"), DATED)
def test_events_get_the_day_their_sentence_gives(
    nlp: NLP, lang: str, text: str, predicate: str, day: str, expression: str
) -> None:
    from kg.extract import extract

    article = Article("0123456789abcdef", "t.txt", "t", text, lang, "0" * 64, date="2020-02-28")
    relations = [
        r for r in extract(article, nlp.parse(article)).relations if r.predicate == predicate
    ]
    assert relations, [r.predicate for r in extract(article, nlp.parse(article)).relations]
    assert {(r.provenance.date, r.provenance.date_text) for r in relations} == {(day, expression)}


def test_states_and_undated_articles_get_no_day(nlp: NLP) -> None:
    from kg.extract import extract

    text = "On Thursday, AU chairman Moussa Faki condemned the attack on Chad."
    dated = Article("0123456789abcdef", "t.txt", "t", text, "en", "0" * 64, date="2020-02-28")
    found = extract(dated, nlp.parse(dated)).relations
    assert {r.predicate: r.provenance.date for r in found}.get("condemns") == "2020-02-27"
    assert all(r.provenance.date is None for r in found if r.predicate in ("leads", "speaksFor"))
    undated = Article("0123456789abcdef", "t.txt", "t", text, "en", "0" * 64)
    found = extract(undated, nlp.parse(undated)).relations
    assert all(r.provenance.date is None for r in found)
    assert {r.provenance.date_text for r in found if r.predicate == "condemns"} == {"Thursday"}


def test_timeline_query_orders_dated_events(tmp_path) -> None:  # type: ignore[no-untyped-def]
    import json

    from kg.api import build_to, query

    lines = [
        {"id": "1", "date": "Fri, 28 Feb 2020 09:00:00 GMT", "lang": "en",
         "text": "Kenya condemned the attack on Chad on Thursday, the minister said."},
        {"id": "2", "date": "2020-03-02", "lang": "en",
         "text": "Peru called on Chile to end the blockade on Sunday."},
    ]  # fmt: skip
    feed = tmp_path / "feed.jsonl"
    feed.write_text("\n".join(json.dumps(x) for x in lines), encoding="utf-8")
    written = build_to([feed], tmp_path / "out", jobs=1)
    rows = query("timeline", written.turtle).rows  # type: ignore[union-attr]
    assert [(r[0], r[1], r[2], r[3], r[4], r[5]) for r in rows] == [
        ("2020-02-27", "Thursday", "Kenya", "condemns", "attack", "2020-02-28"),
        ("2020-02-27", "Thursday", "attack", "attacks", "Chad", "2020-02-28"),
        ("2020-03-01", "Sunday", "Peru", "calls on", "Chile", "2020-03-02"),
    ]
