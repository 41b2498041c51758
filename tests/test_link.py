"""Linking (the reduce step) on hand-made mentions: no model needed."""

from dataclasses import replace

import pytest

from kg.link.entities import link
from kg.model import Article, EntityType, Extraction, Mention, Provenance, Relation

P, ORG, PL = EntityType.PERSON, EntityType.ORGANIZATION, EntityType.PLACE


def article(aid: str, lang: str) -> Article:
    return Article(aid, f"{aid}.txt", "t", "text", lang, aid * 4)


def mention(
    aid: str, text: str, etype: EntityType, key: str, lang: str = "en", label: str = ""
) -> Mention:
    return Mention(aid, text, 0, len(text), etype, key, label or text, lang)


def rel(s: Mention, p: str, o: Mention) -> Relation:
    return Relation(s, p, o, Provenance(s.article_id, "s", 0, 1, 0, 1, "test"))


def test_gazetteer_keys_merge_across_languages() -> None:
    nato_en = mention("a" * 16, "NATO", ORG, "org:nato")
    nato_nl = mention("b" * 16, "NAVO", ORG, "org:nato", "nl", "NATO")
    graph = link(
        [
            Extraction(article("a" * 16, "en"), (nato_en,), ()),
            Extraction(article("b" * 16, "nl"), (nato_nl,), ()),
        ]
    )
    (entity,) = graph.entities
    assert entity.label == "NATO" and ("NAVO", "nl") in entity.alt_labels
    assert entity.articles == ("a" * 16, "b" * 16)


def test_lone_surname_joins_the_full_name_from_another_article() -> None:
    full = mention("a" * 16, "Mark Rutte", P, "name:mark rutte")
    short = mention("b" * 16, "Rutte", P, "name:rutte", "nl")
    nato = mention("b" * 16, "NAVO", ORG, "org:nato", "nl", "NATO")
    graph = link(
        [
            Extraction(article("a" * 16, "en"), (full,), ()),
            Extraction(article("b" * 16, "nl"), (short, nato), (rel(short, "speaksFor", nato),)),
        ]
    )
    assert {e.key for e in graph.entities} == {"name:mark rutte", "org:nato"}
    assert [(t.subject, t.predicate, t.object) for t in graph.triples] == [
        ("name:mark rutte", "speaksFor", "org:nato")
    ]


def test_a_name_that_is_no_person_does_not_join_a_misread_full_name() -> None:
    misread = mention("a" * 16, "Lib Dem Treasury", P, "name:lib dem treasury")
    treasury = mention("b" * 16, "Treasury", ORG, "name:treasury")
    graph = link(
        [
            Extraction(article("a" * 16, "en"), (misread,), ()),
            Extraction(article("b" * 16, "en"), (treasury,), ()),
        ]
    )
    assert {e.key: e.label for e in graph.entities} == {
        "name:lib dem treasury": "Lib Dem Treasury",
        "name:treasury": "Treasury",
    }


def test_type_is_the_majority_across_articles() -> None:
    ms = [mention(a * 16, "Idlib", t, "name:idlib") for a, t in (("a", PL), ("b", PL), ("c", P))]
    graph = link([Extraction(article(m.article_id, "en"), (m,), ()) for m in ms])
    assert graph.entities[0].type == PL


def test_relation_that_breaks_the_range_after_retyping_is_dropped() -> None:
    person = mention("a" * 16, "Ann Lee", P, "name:ann lee")
    org = mention("a" * 16, "Acme", ORG, "name:acme")
    same_as_place = [mention(x * 16, "Acme", PL, "name:acme") for x in "bc"]
    graph = link(
        [
            Extraction(article("a" * 16, "en"), (person, org), (rel(person, "leads", org),)),
            *(Extraction(article(m.article_id, "en"), (m,), ()) for m in same_as_place),
        ]
    )
    assert graph.triples == ()


def test_output_order_does_not_depend_on_input_order() -> None:
    exs = [
        Extraction(article(x * 16, "en"), (mention(x * 16, f"N{x}", ORG, f"name:n{x}"),), ())
        for x in "abc"
    ]
    assert link(exs) == link(list(reversed(exs)))


EV, C = EntityType.EVENT, EntityType.COUNTRY


def story(aid: str, lang: str, names: list[str], event_word: str, place: str) -> Extraction:
    """An article naming `names` (countries), with one airstrike that occurred in `place`."""
    ms = tuple(mention(aid, n, C, f"country:{n.lower()}", lang) for n in names)
    ev = Mention(aid, event_word, 0, 1, EV, f"event:{aid}:airstrike", "airstrike", lang, False)
    where = next(m for m in ms if m.text == place)
    return Extraction(article(aid, lang), (*ms, ev), (rel(ev, "occurredIn", where),))


def test_same_event_in_two_languages_of_one_story_is_one_node() -> None:
    names = ["Syria", "Turkey", "Russia", "Iran"]
    en = story("a" * 16, "en", names, "airstrikes", "Syria")
    nl = story("b" * 16, "nl", names, "luchtaanvallen", "Syria")
    graph = link([en, nl])
    (event,) = [e for e in graph.entities if e.type == EV]
    assert (event.label, event.label_lang) == ("airstrike", "en")
    assert {("airstrikes", "en"), ("luchtaanvallen", "nl")} <= set(event.alt_labels)
    assert event.articles == ("a" * 16, "b" * 16)
    facts = {(t.subject, t.predicate, t.object) for t in graph.triples}
    assert facts == {(event.key, "occurredIn", "country:syria")}  # one triple ...
    assert len(graph.triples) == 2  # ... with a source in each article
    assert graph.close_matches == ()


def test_same_concept_and_place_in_unrelated_stories_is_only_a_close_match() -> None:
    a = story("a" * 16, "en", ["Syria", "Turkey", "Russia", "Iran"], "airstrike", "Syria")
    b = story("b" * 16, "en", ["Syria", "Israel", "Lebanon", "Egypt"], "airstrike", "Syria")
    graph = link([a, b])
    events = sorted(e.key for e in graph.entities if e.type == EV)
    assert len(events) == 2
    assert graph.close_matches == (tuple(events),)


def test_same_story_events_without_a_shared_participant_stay_apart() -> None:
    names = ["Syria", "Turkey", "Russia", "Iran"]
    a = story("a" * 16, "en", names, "airstrike", "Syria")
    b = story("b" * 16, "nl", names, "luchtaanval", "Turkey")
    graph = link([a, b])
    assert len([e for e in graph.entities if e.type == EV]) == 2
    assert graph.close_matches == ()


@pytest.mark.parametrize(
    ("dutch", "english"),
    [
        ("Poetin", "Vladimir Putin"),
        ("Chroesjtsjov", "Nikita Khrushchev"),
        ("Boris Jeltsin", "Boris Yeltsin"),
        ("Janoekovitsj", "Viktor Yanukovych"),
        ("Sjoigoe", "Sergei Shoigu"),
    ],
)
def test_dutch_spelling_of_a_name_joins_the_english_one(dutch: str, english: str) -> None:
    nl = mention("b" * 16, dutch, P, f"name:{dutch.lower()}", "nl")
    en = mention("a" * 16, english, P, f"name:{english.lower()}", "en")
    graph = link(
        [
            Extraction(article("a" * 16, "en"), (en,), ()),
            Extraction(article("b" * 16, "nl"), (nl,), ()),
        ]
    )
    (person,) = graph.entities
    assert person.label == english and (dutch, "nl") in person.alt_labels


def test_a_name_in_one_language_only_is_not_respelt() -> None:
    nl = mention("b" * 16, "Poetin", P, "name:poetin", "nl")
    other = mention("a" * 16, "Vladimir Petrov", P, "name:vladimir petrov", "en")
    graph = link(
        [
            Extraction(article("a" * 16, "en"), (other,), ()),
            Extraction(article("b" * 16, "nl"), (nl,), ()),
        ]
    )
    assert {e.label for e in graph.entities} == {"Poetin", "Vladimir Petrov"}


def test_named_event_is_linked_by_name_beside_concept_events() -> None:
    names = ["Syria", "Turkey", "Russia", "Iran"]
    en = story("a" * 16, "en", names, "airstrikes", "Syria")
    games = mention("a" * 16, "Olympic Games", EV, "name:olympic games")
    where = next(m for m in en.mentions if m.text == "Syria")
    en = Extraction(
        en.article, (*en.mentions, games), (*en.relations, rel(games, "occurredIn", where))
    )
    nl = story("b" * 16, "nl", names, "luchtaanvallen", "Syria")
    graph = link([en, nl])
    assert {e.label for e in graph.entities if e.type == EV} == {"airstrike", "Olympic Games"}


# Spellings of one name that would share an IRI (tests/test_hostile_inputs.py builds them).
VARIANTS = [
    ("St Louis", "St. Louis", PL),
    ("First Boston Corp", "First Boston Corp.", ORG),
    ("José Pérez", "Jose Perez", P),
    ("British Airways / American", "British Airways-American", ORG),
    ("ACME", "Acme", ORG),
]


@pytest.mark.parametrize(("one", "other", "etype"), VARIANTS)
def test_spellings_that_share_an_iri_are_one_entity(
    one: str, other: str, etype: EntityType
) -> None:
    a, b = "a" * 16, "b" * 16
    first = mention(a, one, etype, f"name:{one.lower()}")
    second = [replace(mention(b, other, etype, f"name:{other.lower()}"), start=i) for i in (0, 9)]
    ann = mention(a, "Ann Lee", P, "name:ann lee")
    graph = link(
        [
            Extraction(article(a, "en"), (first, ann), (rel(ann, "supports", first),)),
            Extraction(article(b, "en"), tuple(second), ()),
        ]
    )
    (entity,) = [e for e in graph.entities if e.key != ann.key]
    assert entity.label == other  # the most mentioned spelling
    assert (one, "en") in entity.alt_labels and entity.articles == (a, b)
    (triple,) = graph.triples
    assert (triple.subject, triple.object) == (ann.key, entity.key)


def test_names_that_fold_alike_but_differ_in_type_stay_apart() -> None:
    a = "a" * 16
    graph = link(
        [Extraction(article(a, "en"), (mention(a, "Jordan", P, "name:jordan"),
                                       mention(a, "JORDAN", ORG, "name:jordan.")), ())]
    )  # fmt: skip
    assert len(graph.entities) == 2
