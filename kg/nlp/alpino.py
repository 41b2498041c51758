"""Repairs and reshaping of Frog's Alpino-style dependency trees, before relabelling.

Alpino makes auxiliaries, coordinators and relative pronouns heads; spaCy makes the main verb,
the first conjunct and the clause's verb heads. Frog's parser also leaves predictable errors
(several roots, a perfect participle cut off from its auxiliary, particles of separable verbs
as modifiers, PPs extraposed after a relative clause attached to the noun). Labels are still
Frog's here, except the spaCy labels these repairs introduce (aux, auxpass, nsubjpass, agent,
relcl, cc, conj).
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise
from typing import Any


@dataclass
class Tok:
    word: str
    lemma: str
    tag: str
    pos: str
    ner: str
    head: int  # absolute index into the token list
    dep: str  # Frog's label until _relabel
    sent_start: bool


def _children(toks: list[Tok], i: int) -> list[int]:
    return [j for j, t in enumerate(toks) if t.head == i and j != i]


def _take_place(toks: list[Tok], new: int, old: int) -> None:
    """Token `new` takes `old`'s head and label; `old`'s other children move to `new`."""
    toks[new].head = new if toks[old].head == old else toks[old].head
    toks[new].dep = toks[old].dep
    for j in _children(toks, old):
        if j != new:
            toks[j].head = new
    toks[old].head = new


def _fix_coordination(toks: list[Tok]) -> None:
    for i in range(len(toks)):
        conjuncts = [j for j in _children(toks, i) if toks[j].dep == "cnj"]
        if not conjuncts or toks[i].pos not in ("CCONJ", "SCONJ"):
            continue
        first = conjuncts[0]
        _take_place(toks, first, i)
        toks[i].dep = "cc"
        for j in conjuncts[1:]:
            toks[j].dep = "conj"


def _fix_auxiliaries(toks: list[Tok], syntax: dict[str, Any]) -> None:
    aux, passive = set(syntax["auxiliaries"]), set(syntax["passive_auxiliaries"])
    agents = set(syntax["passive_agent_prepositions"])
    for _ in range(len(toks)):  # bounded: each pass promotes at least one verb or stops
        found = next(
            (
                (i, j)
                for i, t in enumerate(toks)
                if t.lemma in aux and t.pos == "VERB"
                for j in _children(toks, i)
                if toks[j].dep == "vc" and toks[j].pos == "VERB"
            ),
            None,
        )
        if found is None:
            return
        i, j = found
        _take_place(toks, j, i)
        is_passive = toks[i].lemma in passive and "vd" in toks[j].tag
        toks[i].dep = "auxpass" if is_passive else "aux"
        if is_passive:
            for k in _children(toks, j):
                if toks[k].dep == "su":
                    toks[k].dep = "nsubjpass"
                elif toks[k].lemma in agents and toks[k].pos == "ADP":
                    toks[k].dep = "agent"


def _fix_double_subjects(toks: list[Tok]) -> None:
    """Frog sometimes marks both noun phrases of 'Ruritanië steunt Bordurië' as su: with no obj1,
    the later ones are taken as the object (the SVO reading)."""
    for i in range(len(toks)):
        kids = _children(toks, i)
        subjects = [j for j in kids if toks[j].dep == "su"]
        if len(subjects) > 1 and not any(toks[j].dep == "obj1" for j in kids):
            for j in subjects[1:]:
                toks[j].dep = "obj1"


def _one_root_per_sentence(toks: list[Tok]) -> None:
    """Frog's parse can leave several roots in one sentence (a stray quote mark); spaCy would
    split the sentence there. Hang the extra roots off the main one (a verb if there is one)."""
    starts = [i for i, t in enumerate(toks) if t.sent_start] + [len(toks)]
    for begin, end in pairwise(starts):
        roots = [
            i
            for i in range(begin, end)
            if toks[i].head in (i, -1) or not begin <= toks[i].head < end
        ]
        if len(roots) > 1:
            main = next((i for i in roots if toks[i].pos == "VERB"), roots[0])
            for i in roots:
                if i != main:
                    toks[i].head, toks[i].dep = main, "dep"


def _roots(toks: list[Tok], begin: int, end: int) -> list[int]:
    return [
        i for i in range(begin, end) if toks[i].head in (i, -1) or not begin <= toks[i].head < end
    ]


def _sentences(toks: list[Tok]) -> list[tuple[int, int]]:
    starts = [i for i, t in enumerate(toks) if t.sent_start] + [len(toks)]
    return list(pairwise(starts))


def _attach_stray_verbs(toks: list[Tok], aux: set[str]) -> None:
    """'Wij hebben het verdrag getekend': Frog may leave the participle as a second root.
    A root auxiliary without a verbal complement takes a later root verb as its complement."""
    for begin, end in _sentences(toks):
        roots = _roots(toks, begin, end)
        for i in roots:
            has_vc = any(toks[j].dep == "vc" for j in _children(toks, i))
            if toks[i].lemma not in aux or toks[i].pos != "VERB" or has_vc:
                continue
            later = next((j for j in roots if j > i and toks[j].pos == "VERB"), None)
            if later is not None:
                toks[later].head, toks[later].dep = i, "vc"


def _fix_particles(toks: list[Tok]) -> None:
    """'Ze nodigen Bordurië uit': a preposition hanging off a verb with nothing under it is the
    particle of a separable verb."""
    for i, t in enumerate(toks):
        if t.pos == "ADP" and t.head != i and toks[t.head].pos == "VERB" and not _children(toks, i):
            t.dep = "svp"


def _fix_relative_clauses(toks: list[Tok], agents: set[str]) -> None:
    """'de militie die gesteund wordt door Bordurië': Alpino heads the clause with the pronoun
    (mod -> pronoun -> body -> verb). Make the verb a relcl of the noun and the pronoun its
    subject; a PP after the clause's verb, attached to the noun, belongs to the clause."""
    for p, pron in enumerate(toks):
        body = [j for j in _children(toks, p) if toks[j].dep == "body" and toks[j].pos == "VERB"]
        if not pron.tag.startswith("VNW(betr") or not body or pron.head == p:
            continue
        verb, noun = body[0], pron.head
        toks[verb].head, toks[verb].dep = noun, "relcl"
        passive = any(toks[j].dep == "auxpass" for j in _children(toks, verb))
        has_subject = any(toks[j].dep in ("su", "nsubjpass") for j in _children(toks, verb))
        pron.head, pron.dep = verb, "obj1" if has_subject else "nsubjpass" if passive else "su"
        for j in _children(toks, noun):
            if j > verb and toks[j].pos == "ADP":
                toks[j].head = verb
                toks[j].dep = "agent" if passive and toks[j].lemma in agents else "mod"


def _fix_fronted_subjects(toks: list[Tok]) -> None:
    """'De ministers hebben ... getekend': Frog may take the noun phrase before the finite
    verb for its object. A finite verb without a subject takes that phrase as its subject
    (a fronted object leaves the subject behind the verb, so there would be one)."""
    for i, t in enumerate(toks):
        kids = _children(toks, i)
        if not t.tag.startswith("WW(pv") or any(toks[j].dep == "su" for j in kids):
            continue
        fronted = [j for j in kids if j < i and toks[j].dep == "obj1"]
        if fronted:
            toks[fronted[0]].dep = "su"


def _fix_name_coordination(toks: list[Tok], of: set[str]) -> None:
    """'de invallen van de militie en Bordurië': a name coordinated with a common noun
    that has an of-phrase is coordinated with the of-phrase's noun instead."""
    for i, t in enumerate(toks):
        conjuncts = [j for j in _children(toks, i) if toks[j].dep == "cnj"]
        if t.pos != "CCONJ" or len(conjuncts) != 2:
            continue
        first, name = conjuncts
        pps = [j for j in _children(toks, first) if toks[j].lemma in of and toks[j].pos == "ADP"]
        objs = [k for j in pps for k in _children(toks, j) if toks[k].dep == "obj1"]
        if toks[first].pos == "NOUN" and toks[name].pos == "PROPN" and objs:
            _move_coordination(toks, i, first, objs[0])


def _move_coordination(toks: list[Tok], cc: int, first: int, noun: int) -> None:
    """The coordinator `cc` now joins `noun` (taking its place) and its second conjunct."""
    parent_head, parent_dep = toks[cc].head, toks[cc].dep
    toks[first].head, toks[first].dep = parent_head, parent_dep
    toks[cc].head, toks[cc].dep = toks[noun].head, toks[noun].dep
    toks[noun].head, toks[noun].dep = cc, "cnj"


def _left_edge(toks: list[Tok], i: int) -> int:
    return min([i, *(_left_edge(toks, j) for j in _children(toks, i))])


def _fix_stranded_prepositions(toks: list[Tok]) -> None:
    """'hulp bieden aan de vluchtelingen': Frog may leave 'aan' empty and make 'de vluchtelingen'
    a second subject or object of the verb. A noun phrase that starts right after an empty
    preposition, and duplicates its verb's su/obj1, is that preposition's object."""
    for p, prep in enumerate(toks):
        if prep.pos != "ADP" or _children(toks, p) or p + 1 >= len(toks):
            continue
        noun = next(
            (
                j
                for j in range(p + 1, len(toks))
                if _left_edge(toks, j) == p + 1
                and toks[j].dep in ("su", "obj1")
                and toks[j].pos in ("NOUN", "PROPN")
            ),
            None,
        )
        if noun is None:
            continue
        same = [j for j in _children(toks, toks[noun].head) if toks[j].dep == toks[noun].dep]
        if len(same) > 1:
            toks[noun].head, toks[noun].dep = p, "obj1"
            prep.dep = "pc" if prep.dep == "svp" else prep.dep  # a PP now, not a particle


def repair(toks: list[Tok], syntax: dict[str, Any]) -> None:
    """All repairs, in the order they depend on each other."""
    aux, agents = set(syntax["auxiliaries"]), set(syntax["passive_agent_prepositions"])
    _fix_fronted_subjects(toks)
    _fix_stranded_prepositions(toks)
    _fix_name_coordination(toks, set(syntax["of_prepositions"]))
    _fix_coordination(toks)
    _attach_stray_verbs(toks, aux)
    _fix_auxiliaries(toks, syntax)
    _fix_relative_clauses(toks, agents)
    _fix_particles(toks)
    _fix_double_subjects(toks)
    _one_root_per_sentence(toks)
