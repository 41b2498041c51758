"""Text as the parsers should see it, with every character where it was: wire copy wraps long
lines in mid-sentence ('Governor X said\nthe present ...'), and a parser that takes each line
break for the end of a sentence (as news text otherwise means it) would cut such sentences."""

from __future__ import annotations

import re

_WRAPPED_LINE = 50  # wire copy wraps at 60-80 characters; a shorter line is a heading
_MAX_WRAPPED = 100
_ENDS = ".!?:;\"'\u201d\u2019"
_NEWLINE = re.compile(r"(?<=[^\n])\n(?=\S)")


_TICKER = re.compile(r"<[A-Z0-9&\-]{1,10}(?:\.[A-Z]{1,4})?>")  # Reuters: <ACME.ST>, <BTA>
_MARKED = re.compile(r"<([A-Z][^<>\n]{0,80}?)>")  # Reuters: <Acme-Beta of Ruritania Inc>


def plain(text: str) -> str:
    """`text` unwrapped (below), with Reuters' company marks made spaces ('<Acme Express
    Plc>' -> ' Acme Express Plc ') and its tickers blanked ('<ACME.ST>', '<BTA>'): the
    parser takes the marks for words ('a unit of' then hangs on '>'). Same length, so offsets
    still hold."""
    text = unwrap(text)
    text = _TICKER.sub(lambda m: " " * len(m.group(0)), text)
    return _MARKED.sub(lambda m: f" {m.group(1)} ", text)


def unwrap(text: str) -> str:
    """`text` with each hard wrap (a single line break inside a sentence) made a space, if it
    is wrapped at all. The result has the same length, so offsets into it are offsets into
    `text`."""
    if not _wrapped(text):
        return text
    chars = list(text)
    for m in _NEWLINE.finditer(text):
        if _hard_wrap(text, m.start()):
            chars[m.start()] = " "
    return "".join(chars)


def _wrapped(text: str) -> bool:
    """Wire copy: no line longer than a terminal's (a paragraph on one line is not wrapped)."""
    return max((len(line) for line in text.splitlines()), default=0) <= _MAX_WRAPPED


def _hard_wrap(text: str, at: int) -> bool:
    """The next line is not indented, the line before is not ended by a full stop or a
    closing quote, and either the next line goes on in lower case or the line before is long
    (a heading or a dateline is short: 'CITY - News Agency')."""
    line = text[text.rfind("\n", 0, at) + 1 : at].rstrip()
    if not line or line[-1] in _ENDS:
        return False
    return text[at + 1].islower() or len(line) >= _WRAPPED_LINE or _name_broken(line, text, at)


def _name_broken(line: str, text: str, at: int) -> bool:
    """A short line of running text that a name goes on from: 'Acme Board Governor Ann' then
    'Lee said ...' (no heading ends in a capitalised word whose line goes on in lower case)."""
    words, after = line.split(), text[at + 1 : at + 80].split(None, 2)
    if len(words) < 3 or line.isupper() or len(after) < 2:
        return False
    last, first, second = words[-1], after[0], after[1]
    return last.isalpha() and last.istitle() and first.istitle() and second[:1].islower()


def parts(text: str, size: int) -> list[str]:
    """`text` cut into consecutive parts of at most `size` characters (joined, they are
    `text`), each cut after a paragraph break, else a line break, else a sentence's end, else
    a space, where there is one in the second half of the part."""
    out: list[str] = []
    start = 0
    while len(text) - start > size:
        window = text[start : start + size]
        cut = 0
        for mark in ("\n\n", "\n", ". ", " "):
            at = window.rfind(mark)
            if at >= size // 2:
                cut = at + len(mark)
                break
        cut = cut or size
        out.append(window[:cut])
        start += cut
    out.append(text[start:])
    return out
