"""Modality, speaker and confidence of relations (kg/extract/stance.py), with the real models:
tables of text -> (subject, predicate, object, modality, speaker)."""

from __future__ import annotations

import pytest

from kg.model import Extraction, Modality

A, N, H, M, F = (
    Modality.ASSERTED,
    Modality.NEGATED,
    Modality.HYPOTHETICAL,
    Modality.INTENDED,
    Modality.FORMER,
)  # M: meant
Row = tuple[str, str, str, Modality, str | None]

ENGLISH: list[tuple[str, set[Row]]] = [
    ("Peru condemned the raid.", {("Peru", "condemns", "raid", A, None)}),
    ("Russia did not condemn the raid.", {("Russia", "condemns", "raid", N, None)}),
    ("China refused to condemn the invasion.", {("China", "condemns", "invasion", N, None)}),
    ("Peru supports no rebels.", {("Peru", "supports", "rebels", N, None)}),
    ("Iran may attack Israel.", {("Iran", "attacks", "Israel", H, None)}),
    ("Does Germany support the rebels?", {("Germany", "supports", "rebels", H, None)}),
    ("Peru may launch an attack on Chile.", {("attack", "attacks", "Chile", H, None)}),
    ("An Iraqi civilian was allegedly killed by British troops.",
     {("British troops", "kills", "Iraqi civilian", H, None)}),
    ("Peru did not attack Chile but condemned the raid.",
     {("Peru", "attacks", "Chile", N, None), ("Peru", "condemns", "raid", A, None)}),
    ("According to Chile, Peru supports the rebels.",
     {("Peru", "supports", "rebels", A, "Chile")}),
    # intended: agreed, planned or offered by the subject, not done
    ("Microsoft agreed to buy Activision.", {("Microsoft", "acquires", "Activision", M, None)}),
    ("Narendra Modi plans to visit Japan.", {("Narendra Modi", "visits", "Japan", M, None)}),
    ("Kim Clijsters denied reports that she had pulled out of the Australian Open.",
     {("Kim Clijsters", "withdrawsFrom", "Australian Open", N, None)}),
    ("Oracle threatened to sue Google.",
     {("Oracle", "threatens", "Google", A, None), ("Oracle", "suesOrCharges", "Google", H, None)}),
    # former: a post no longer held; a nationality and a win stay
    ("The deal was signed by former Acme Inc finance director Ann Lee.",
     {("Ann Lee", "holdsRoleAt", "Acme Inc", F, None)}),
    ("Former Acme Inc chairman Tom Hart denied it.",
     {("Tom Hart", "holdsRoleAt", "Acme Inc", F, None), ("Tom Hart", "leads", "Acme Inc", F, None)}),
    ("Ex-Everton striker Tom Hart scored twice.", {("Tom Hart", "playsFor", "Everton", F, None)}),
    ("Outgoing Acme Inc chairman Tom Hart said the deal was done.",
     {("Tom Hart", "holdsRoleAt", "Acme Inc", A, None), ("Tom Hart", "leads", "Acme Inc", A, None),
      ("Tom Hart", "speaksFor", "Acme Inc", A, None)}),
]  # fmt: skip

DUTCH: list[tuple[str, set[Row]]] = [
    ("Rusland heeft de aanval niet veroordeeld.", {("Russia", "condemns", "attack", N, None)}),
    ("Kenia weigerde de aanval te veroordelen.", {("Kenya", "condemns", "attack", N, None)}),
    ("Peru zou Chili kunnen aanvallen.", {("Peru", "attacks", "Chile", H, None)}),
    ("Peru steunt geen rebellen.", {("Peru", "supports", "rebels", N, None)}),
    ("Volgens Chili steunt Peru de rebellen.", {("Peru", "supports", "rebels", A, "Chile")}),
    ("Peru wil Chili steunen.", {("Peru", "supports", "Chile", M, None)}),
]  # fmt: skip


def rows(ex: Extraction) -> set[Row]:
    return {
        (
            r.subject.label,
            r.predicate,
            r.object.label if not r.object.key.startswith("group:") else r.object.text,
            r.provenance.modality,
            r.speaker.label if r.speaker else None,
        )
        for r in ex.relations
    }


@pytest.mark.parametrize(("text", "expected"), ENGLISH)
def test_english(analyse, text: str, expected: set[Row]) -> None:  # type: ignore[no-untyped-def]
    assert rows(analyse(text, "en")) == expected


@pytest.mark.parametrize(("text", "expected"), DUTCH)
def test_dutch(analyse, text: str, expected: set[Row]) -> None:  # type: ignore[no-untyped-def]
    found = {
        (s, p, o.replace("rebellen", "rebels"), m, w) for s, p, o, m, w in rows(analyse(text, "nl"))
    }
    assert found == expected


def test_quote_speaker_and_we(analyse) -> None:  # type: ignore[no-untyped-def]
    ex = analyse('"We condemn the raid," said Juan Ortiz, Peru\'s foreign minister.', "en")
    condemns = [r for r in ex.relations if r.predicate == "condemns"]
    assert [(r.subject.label, r.speaker.label if r.speaker else None) for r in condemns] == [
        ("Peru", "Juan Ortiz")
    ]
    assert condemns[0].subject.coref  # reached through 'we'


def test_confidence_is_lower_for_headlines_and_pronouns(analyse) -> None:  # type: ignore[no-untyped-def]
    sentence = analyse("Peru condemned the raid.", "en").relations[0].provenance.confidence
    headline = analyse("Peru condemns raid", "en").relations[0].provenance.confidence
    pronoun = analyse("Moussa Faki arrived. He condemned the raid.", "en")
    via_he = next(r for r in pronoun.relations if r.predicate == "condemns").provenance.confidence
    assert 0.0 <= headline < sentence <= 1.0
    assert via_he < sentence
