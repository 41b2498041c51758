"""Date expressions in an article's text ("on Thursday", "yesterday", "27 February 2020",
"gisteren", "op 3 maart"), anchored to the article's date. Words per language are in
kg/data/timex.toml. Pure functions."""

from __future__ import annotations

import contextlib
import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from typing import Any

from kg.lexicon import load_toml


@dataclass(frozen=True)
class Timex:
    """A date expression: its characters in the text and the day it names (ISO 8601), None
    when that needs the article's date and the article has none ('on Thursday')."""

    start: int
    end: int
    text: str
    iso: str | None


def _words(options: list[str]) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(options, key=len)[::-1])


@cache
def _pattern(lang: str) -> tuple[re.Pattern[str], dict[str, Any]] | None:
    table = load_toml("timex.toml").get(lang)
    if table is None:
        return None
    months = _words([m for names in table["months"] for m in names])
    day = r"(?P<{}>[0-3]?\d)(?:st|nd|rd|th|e)?"
    year = r"(?:,?\s+(?P<{}>(?:1[89]|2[01])\d\d))?"
    pattern = "|".join(
        [
            rf"\b{day.format('d1')}\s+(?P<m1>{months})\.?{year.format('y1')}\b",
            rf"\b(?P<m2>{months})\.?\s+{day.format('d2')}\b{year.format('y2')}\b",
            rf"\b(?:(?P<fwd>{_words(table['forward'])})\s+)?(?P<wd>{_words(table['weekdays'])})\b",
            rf"\b(?P<rel>{_words(list(table['relative']))})\b",
        ]
    )
    return re.compile(pattern, re.IGNORECASE), table


def _month(table: dict[str, Any], word: str) -> int:
    word = word.lower().rstrip(".")
    return next(i for i, names in enumerate(table["months"], 1) if word in names)


def _shifted(anchor: date | None, days: int) -> date | None:
    """`anchor` moved by `days`, None without an anchor or off the calendar (0001-01-01 and
    'yesterday')."""
    try:
        return anchor + timedelta(days=days) if anchor else None
    except OverflowError:
        return None


def _day(found: re.Match[str], table: dict[str, Any], anchor: date | None) -> date | None:
    """The day a matched expression names, or None if it needs an anchor we lack."""
    groups = {k: v for k, v in found.groupdict().items() if v is not None}
    if "rel" in groups:
        key = " ".join(groups["rel"].lower().split())
        return _shifted(anchor, table["relative"][key])
    if "wd" in groups:
        if anchor is None:
            return None
        weekday = [w.lower() for w in table["weekdays"]].index(groups["wd"].lower())
        if "fwd" in groups:
            return _shifted(anchor, (weekday - anchor.weekday()) % 7 or 7)
        return _shifted(anchor, -((anchor.weekday() - weekday) % 7))
    d, m, y = (groups.get(k + "1") or groups.get(k + "2") for k in "dmy")
    assert d is not None and m is not None
    return _calendar_day(int(d), _month(table, m), int(y) if y else None, anchor)


def _calendar_day(d: int, m: int, y: int | None, anchor: date | None) -> date | None:
    """Day d of month m in year y; without a year, in the year that puts it nearest the
    anchor ('30 December' in an article of 3 January is last year's, 'May 5' in one of
    February this year's)."""
    if y is None and anchor is None:
        return None
    years = [y] if y else [anchor.year - 1, anchor.year, anchor.year + 1]  # type: ignore[union-attr]
    days = []
    for year in years:
        with contextlib.suppress(ValueError):  # 31 February; 29 February of a common year
            days.append(date(year, m, d))
    if not days or anchor is None:
        return days[0] if days else None
    return min(days, key=lambda day: abs((day - anchor).days))


def find_timexes(text: str, lang: str, anchor: date | None) -> tuple[Timex, ...]:
    """The date expressions in `text` (those that name a day: only with an anchor if relative)."""
    compiled = _pattern(lang)
    if compiled is None:
        return ()
    pattern, table = compiled
    found = []
    for match in pattern.finditer(text):
        if _is_date(match, table):
            day = _day(match, table, anchor)
            iso = day.isoformat() if day else None
            found.append(Timex(match.start(), match.end(), match.group(0), iso))
    return tuple(found)


def _is_date(found: re.Match[str], table: dict[str, Any]) -> bool:
    """Whether a match is a date expression at all: '31 February' is one (of no day), '5 may'
    in English is not."""
    month = found.group("m1") or found.group("m2")
    return not (month and table["capitalised"] and not month[0].isupper())
