"""The day an article's source says it was published, as the source writes it ('2024-03-05',
'26-FEB-1987 15:01:01.79', 'Tue, 05 Mar 2024 10:00:00 GMT'): kept only when it names one day.
Pure functions."""

from __future__ import annotations

import re
from datetime import date, datetime

_ISO = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


def iso_date(text: str | None) -> date | None:
    """The day a source's date field names ('2024-03-05', '26-FEB-1987 15:01:01.79',
    'Tue, 05 Mar 2024 10:00:00 GMT'), or None if it does not name one day unambiguously."""
    if not text or not text.strip():
        return None
    found = _ISO.match(text.strip())
    if found:
        try:
            return date(*map(int, found.groups()))
        except ValueError:
            return None
    if re.fullmatch(r"[\d\s./-]+", text.strip()):
        return None  # 03/05/2024: March or May, we cannot tell
    from dateutil import parser

    try:  # parsed twice with different defaults: a part the text lacks would differ
        one = parser.parse(text, default=datetime(2001, 1, 1), fuzzy=False)
        two = parser.parse(text, default=datetime(2002, 2, 2), fuzzy=False)
    except (ValueError, OverflowError):
        return None
    return one.date() if one.date() == two.date() else None
