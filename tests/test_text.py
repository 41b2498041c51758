"""Hard wraps in wire copy: a line break inside a sentence is a space to the parser, with every
character where it was."""

import pytest

from kg.nlp.text import plain, unwrap

CASES = [
    (  # a long line wrapped in mid-sentence
        "Bank of Japan Governor Satoshi Sumita said the present foreign\nexchange market "
        "instability will not last long.",
        "Bank of Japan Governor Satoshi Sumita said the present foreign exchange market "
        "instability will not last long.",
    ),
    (  # a shorter line, but the next one goes on in lower case
        "Bank of Japan Governor Satoshi Sumita said\nthe present instability will not last.",
        "Bank of Japan Governor Satoshi Sumita said the present instability will not last.",
    ),
    (  # a short line that a name goes on from ('... Governor Ann' / 'Lee said')
        "ACME URGES OVERHAUL\n\nFederal Reserve Board Governor Robert\nHeller said the system "
        "needs a complete overhaul so banks\ncan compete.",
        "ACME URGES OVERHAUL\n\nFederal Reserve Board Governor Robert Heller said the system "
        "needs a complete overhaul so banks can compete.",
    ),
    # a dateline, a headline, a paragraph ended by a full stop or a quote, an indented
    # paragraph and a blank line are real breaks
    ("ANKARA - Anadolu Agency\nNATO calls on Peru to halt the offensive", None),
    ("The ministry said prices would rise sharply in the coming months.\nThe bank agreed.", None),
    ('"We will not give in to the pressure of the markets," the minister said"\nHe left.', None),
    ("Prices rose sharply in the first quarter of the year, the ministry\n    said.", None),
    ("Currency Instability Will Not Last In The Coming Months Sumita Says\n\nTokyo", None),
    (  # a text with a paragraph on one line is not wrapped: a line break in it is a real one
        "Turkish parties extend condolences for killed troops\nTurkish parties extend "
        "condolences\n\n" + "The parties said they shared the grief of the nation. " * 3,
        None,
    ),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_unwrap(text: str, expected: str | None) -> None:
    out = unwrap(text)
    assert out == (expected if expected is not None else text)
    assert len(out) == len(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("<South Central Bell Telephone Co>, a unit of Bellsouth Corp",
         " South Central Bell Telephone Co , a unit of Bellsouth Corp"),
        ("Saab-Scania AB <SABS.ST> of Sweden", "Saab-Scania AB           of Sweden"),
        ("a < b and c > d", "a < b and c > d"),  # not a mark: no capital after '<'
        ("Loews Corp <LTR> chairman", "Loews Corp       chairman"),
    ],
)  # fmt: skip
def test_plain_blanks_reuters_marks_in_place(text: str, expected: str) -> None:
    out = plain(text)
    assert out == expected and len(out) == len(text)


def test_plain_company_marks_no_longer_break_the_parse(analyse) -> None:  # type: ignore[no-untyped-def]
    text = "The order came from <South Central Bell Telephone Co>, a unit of Bellsouth Corp."
    found = {(r.subject.label, r.predicate, r.object.label) for r in analyse(text, "en").relations}
    assert ("South Central Bell Telephone Co", "subsidiaryOf", "Bellsouth Corp.") in found
