"""Relations from verbs ('Ruritania condemns the raids'), from event nouns ('attack BY x ON y
IN z'), from titles ('League Commission chair X Y') and from place names ('Ruritown, Ruritania')."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from spacy.tokens import Doc, Token

from kg.extract.anaphora import definite_nouns
from kg.extract.awards import given, prize_verbs, won
from kg.extract.comments import comments
from kg.extract.common import conjuncts, glued, preps, resolve_all, verb_lemmas
from kg.extract.coref import find_corefs
from kg.extract.culture import category_credits, work_relations
from kg.extract.docs import adverb_object, kids, shouted, tokens
from kg.extract.mentions import MentionIndex
from kg.extract.nominal import event_relations, location_relations
from kg.extract.organisations import organisation_relations
from kg.extract.people import people_relations
from kg.extract.sport import score_relations
from kg.extract.stance import modality, put, relation
from kg.extract.succession import succession_relations
from kg.extract.surface import surface_relations
from kg.extract.titles import Affiliations, title_relations
from kg.extract.venues import venue_relations
from kg.model import Article, EntityType, Mention, Modality, Relation

_INHERIT = frozenset({"xcomp", "advcl", "conj", "pcomp", "acl", "acomp"})  # acomp: "is set to"
_AGENTS = (EntityType.PERSON, EntityType.ORGANIZATION, EntityType.COUNTRY, EntityType.GROUP)
_NOUNS = ("NOUN", "PROPN")


def _is_passive(verb: Token) -> bool:
    """'was killed', 'werd gesteund', and participles with an agent ('militia backed by Y')."""
    deps = {c.dep_ for c in kids(verb)}
    return bool(deps & {"auxpass", "nsubjpass"}) or (verb.dep_ == "acl" and "agent" in deps)


def _after_a_preposition(tok: Token) -> bool:
    """'sources close to Minister X said': the parse made X a second subject of 'said'."""
    first = tok.left_edge.i
    return first > 0 and tok.doc[first - 1].pos_ == "ADP" and tok.doc[first - 1].dep_ == "prep"


def subjects(verb: Token, index: MentionIndex, depth: int = 0) -> list[Token]:
    """Who does it: the subject, the passive agent, a relative clause's noun, or the subject
    of the verb this one depends on ('the government vowed to retaliate')."""
    rel = index.lex.words("relative_pronouns")
    if _is_passive(verb):
        return [t for c in kids(verb) if c.dep_ == "agent" for t in _pobj_conj(c)]
    found = [t for c in kids(verb) if c.dep_ in ("nsubj", "csubj") for t in conjuncts(c)]
    found = [t for t in found if not _after_a_preposition(t)]
    if any(t.lower_ in rel for t in found):
        noun = _antecedent(verb.head, index)
        return _among(noun, index) or conjuncts(_named(noun, index))  # 'X, a banker who': X
    if not found and verb.dep_ == "relcl":
        return conjuncts(_antecedent(verb.head, index))
    if not found and verb.dep_ == "acl" and verb.tag_ == "VBG" and verb.head.pos_ in _NOUNS:
        return conjuncts(_named(verb.head, index))  # 'the firm owning X', 'the film starring X'
    if not found and verb.dep_ == "acl" and verb.tag_ == "VB":  # "X's plans to buy Y"
        return _planners(verb.head, index, depth)
    if not found and verb.dep_ == "conj" and not _is_passive(verb) and _is_passive(verb.head):
        return [t for c in kids(verb.head) if c.dep_ == "nsubjpass" for t in conjuncts(c)]
    if verb.dep_ == "xcomp" and _raising(verb.head):  # 'X is set to buy Y'
        return [t for c in kids(verb.head) if c.dep_ == "nsubjpass" for t in conjuncts(c)]
    if verb.dep_ == "acomp" and not _modal_adjective(verb, index):
        return []  # 'is happy to buy': not said to be done, nor how likely
    if not found and (controller := _object_control(verb, index)) is not None:
        return [controller] if controller.i in index.by_token else []  # 'lent X money to bid'
    if not found and verb.dep_ in _INHERIT and verb.head.i != verb.i and depth < 3:
        head = verb.head
        by = verb.dep_ == "pcomp" and head.lower_ == "by" and head.dep_ == "prep"
        if by and head.head.pos_ in ("VERB", "AUX"):
            head = head.head  # 'X reached the final BY beating Y': X beat Y
        return subjects(head, index, depth + 1)
    return found


def _object_control(verb: Token, index: MentionIndex) -> Token | None:
    """The named agent a verb's infinitive is given to: 'lent X the money to bid', 'hired X
    to sell Y' (X does it, not the subject)."""
    if verb.dep_ not in ("xcomp", "advcl") or not any(
        c.dep_ == "aux" and c.lower_ == "to" for c in kids(verb)
    ):
        return None
    for c in kids(verb.head):
        m = index.by_token.get(c.i)
        agent = m is not None and m.type in _AGENTS
        if c.i < verb.i and (c.dep_ == "dative" or (c.dep_ == "dobj" and agent)):
            return c  # a dative the NER missed ('lent Y the money') still says who does it
    return None


def _among(noun: Token, index: MentionIndex) -> list[Token]:
    """'X and Y are AMONG the stars who played W', 'X is ONE OF the firms that sued Y': the
    subject of the copula the relative clause's noun hangs from does it."""
    prep = noun.head if noun.dep_ == "pobj" else None
    if prep is None or prep.lower_ not in index.lex.words("among_preps"):
        return []
    copula = prep.head.head if prep.head.lower_ == "one" else prep.head
    if copula.lemma_ != "be":
        return []
    return [t for c in kids(copula) if c.dep_ == "nsubj" for t in conjuncts(c)]


def _planners(noun: Token, index: MentionIndex, depth: int) -> list[Token]:
    """Whose plan or agreement to do something it is: "X's plans to buy Y"; 'X signed an
    agreement to acquire Y', 'X made an offer to buy Y' (the subject of the verb that has it)."""
    words = index.lex.words("intention_nouns") | index.lex.words("agreement_nouns")
    if noun.lemma_.lower() not in words:
        return []
    owners = [c for c in kids(noun) if c.dep_ == "poss"]
    if owners:
        return conjuncts(owners[0])
    if noun.dep_ == "dobj" and noun.head.pos_ == "VERB" and depth < 3:
        return subjects(noun.head, index, depth + 1)
    return []


def _raising(verb: Token) -> bool:
    """A passive without an agent whose subject is its infinitive's ('is set to', 'is
    expected to'; the modality reads the verb)."""
    return _is_passive(verb) and not any(c.dep_ == "agent" for c in kids(verb))


def _modal_adjective(adj: Token, index: MentionIndex) -> bool:
    """'is likely to', 'is poised to': an adjective whose infinitive the modality reads."""
    words = index.lex.words("intention_governors") | index.lex.words("hypothetical_governors")
    return adj.lemma_.lower() in words or adj.lower_ in words


def _named(noun: Token, index: MentionIndex) -> Token:
    """A common noun in apposition to a name stands for it: 'Acme Partners, a GROUP led by X',
    'Title At Work, a historical EPIC starring Y' (a title the tagger read as common nouns)."""
    named = noun.head.pos_ == "PROPN" or noun.head.i in index.by_token
    if noun.pos_ == "NOUN" and noun.dep_ == "appos" and named:
        return noun.head
    return noun


def _antecedent(noun: Token, index: MentionIndex) -> Token:
    """What a relative clause is about: not the place that ends a place phrase ('the attack
    in Ruritown, eastern Ruritania, that killed ...' is about the attack)."""
    tok = noun
    for _ in range(4):
        m = index.by_token.get(tok.i)
        if tok.pos_ != "ADP" and not (m and m.type in (EntityType.COUNTRY, EntityType.PLACE)):
            return tok if tok.i != noun.i or m is None else noun
        if tok.dep_ not in ("appos", "pobj", "prep", "npadvmod", "conj") or tok.head.i == tok.i:
            return noun
        tok = tok.head
    return noun


def named_in(noun: Token, index: MentionIndex) -> list[Token]:
    """The names a common noun introduces: 'its former parent ACME' (apposition), 'firms SUCH
    AS X and Y', 'firms INCLUDING X and Y'."""
    found = [c for c in kids(noun) if c.dep_ == "appos" and c.i in index.by_token]
    such = [c for c in kids(noun) if c.dep_ == "prep" and c.lower_ == "as"]
    such = [p for p in such if any(s.lower_ == "such" for s in kids(p))] or [
        p for p in such if p.i > 0 and p.doc[p.i - 1].lower_ == "such"
    ]
    including = [c for c in kids(noun) if c.dep_ == "prep" and c.lower_ in ("including", "like")]
    return found + [t for p in such + including for t in _pobj_conj(p)]


def _named_next(verb: Token, index: MentionIndex) -> list[Token]:
    """The name that starts right after the verb (after a determiner), if any."""
    i = verb.i + 1
    while i < len(verb.doc) and verb.doc[i].pos_ == "DET":
        i += 1
    named = index.by_token.get(i) if i < len(verb.doc) else None
    return [verb.doc[i]] if named is not None and named.start == verb.doc[i].idx else []


def _pobj_conj(prep: Token) -> list[Token]:
    return [t for c in kids(prep) if c.dep_ == "pobj" for t in conjuncts(c)]


def _slot(verb: Token, noun: Token | None, slot: str, index: MentionIndex) -> list[Token]:
    if slot == "dobj":
        if verb.dep_ in ("advcl", "prep") and verb.tag_ == "VBN" and verb.i < verb.head.i:
            return [t for c in kids(verb.head) if c.dep_ == "nsubj" for t in conjuncts(c)]
        participle = verb.dep_ in ("acl", "amod") and verb.tag_ == "VBN"  # 'X, based in Y'
        if (participle or (_is_passive(verb) and verb.dep_ == "acl")) and verb.head.pos_ in _NOUNS:
            if verb.head.dep_ == "attr" and verb.head.head.lemma_ == "be":  # 'X is 25 pct owned'
                return [t for c in kids(verb.head.head) if c.dep_ == "nsubj" for t in conjuncts(c)]
            return conjuncts(_named(verb.head, index))
        if verb.dep_ == "acomp" and verb.tag_ == "VBN" and verb.head.lemma_ == "be":
            subjects = [c for c in kids(verb.head) if c.dep_ == "nsubj"]
            return [t for c in subjects for t in conjuncts(c)]  # 'X and Y are both nominated'
        deps = ("dobj", "nsubjpass") if _is_passive(verb) else ("dobj",)
        found = [t for c in kids(verb) if c.dep_ in deps for t in conjuncts(c)]
        found = [t for t in found if t.pos_ != "NUM"] or adverb_object(verb)  # 'beat Y 3-1'
        # where the parser made the score the object
        relative = all(t.lower_ in index.lex.words("relative_pronouns") for t in found)
        if relative and verb.dep_ == "relcl" and any(c.dep_ == "auxpass" for c in kids(verb)):
            return conjuncts(_antecedent(verb.head, index))  # 'X, which is 25% owned by Y'
        return found
    if slot == "next":  # 'told the House of Commons assets would be sold': the parse lost it
        return _named_next(verb, index)
    if slot == "ahead_of":  # 'finished ahead of Y'
        aheads = [c for c in kids(verb) if c.lower_ == "ahead"]
        return [t for a in aheads for p in kids(a) if p.lower_ == "of" for t in _pobj_conj(p)]
    if slot == "npadvmod":  # 'Ruritown-based'
        return [c for c in kids(verb) if c.dep_ in ("npadvmod", "compound") and c.i < verb.i]
    if slot == "xcomp":  # 'threatened to attack X': X
        inner = [c for c in kids(verb) if c.dep_ == "xcomp"]
        return [t for x in inner for c in kids(x) if c.dep_ == "dobj" for t in conjuncts(c)]
    if slot.startswith("object_prep:"):  # 'played a boxer IN X': a preposition on the object
        word = slot.partition(":")[2]
        dobjs = [c for c in kids(verb) if c.dep_ == "dobj"]
        return [t for d in dobjs for c in kids(d) if c.lower_ == word for t in _pobj_conj(c)]
    if slot == "subjunctive":  # 'demanded (that) X end the quotas': X, of a bare verb's clause
        clauses = [c for c in kids(verb) if c.dep_ == "ccomp" and c.tag_ == "VB"]
        return [t for c in clauses for s in kids(c) if s.dep_ == "nsubj" for t in conjuncts(s)]
    if slot == "dative":
        datives = [c for c in kids(verb) if c.dep_ == "dative"]
        return [t for c in datives for t in (_pobj_conj(c) if c.pos_ == "ADP" else conjuncts(c))]
    word = slot.partition(":")[2]
    heads = [verb] if noun is None else [noun, verb]
    heads += [p for p in kids(verb) if p.dep_ in ("prep", "prt") and not _pobj_conj(p)]
    return [
        t
        for h in heads
        for c in kids(h)
        if c.dep_ in ("prep", "dative") and c.lower_ == word
        for t in _pobj_conj(c)
    ]


def _owner(noun: Token, through: list[str], index: MentionIndex) -> list[Token]:
    """'criticised X's record', 'attacked the Party plans', 'rejected the League proposal': with
    "poss" in `through`, whose the object is (a possessive, or a name on the noun; a party's
    adjective: 'praised the Party campaign')."""
    if "poss" not in through or noun.lemma_.lower() in _people_nouns(index):
        return []  # 'criticised my players': the players, not their manager
    if glued(noun, index):
        return []  # 'told BBC News Party MPs would ...': two phrases the parser made one
    return [c for c in kids(noun) if c.dep_ == "poss" or _named_on(c, index)]


def _shares_of(noun: Token, index: MentionIndex) -> list[Token]:
    """Whose shares: '31.6 pct of the SHARES of Y', "5 pct of Y's common STOCK" (the owner a
    verb's 'of' or 'in' reached through a quantity)."""
    if noun.i in index.by_token or noun.lemma_.lower() not in index.lex.words("share_nouns"):
        return []
    return [*preps(noun, ["of", "in"]), *(c for c in kids(noun) if c.dep_ == "poss")]


def _people_nouns(index: MentionIndex) -> frozenset[str]:
    lex = index.lex
    found: frozenset[str] = lex.built(
        "nouns_of_owned_people",
        lambda: lex.words("person_nouns") | lex.words("kinship_nouns") | lex.words("owned_people"),
    )
    return found


def _named_on(c: Token, index: MentionIndex) -> bool:
    if c.dep_ not in ("compound", "amod", "nmod"):
        return False
    party = index.by_token.get(c.i)
    return c.pos_ == "PROPN" or (party is not None and party.type == EntityType.ORGANIZATION)


def _noun(verb: Token, rule: dict[str, Any]) -> tuple[bool, Token | None]:
    """(rule applies, the object noun it asks for): 'express SOLIDARITY with'."""
    preps_here = {  # 'take ON', not 'took X to the stage on FRIDAY'
        c.lower_
        for c in kids(verb)
        if c.dep_ in ("prep", "prt") and not any(g.ent_type_ in ("DATE", "TIME") for g in kids(c))
    }
    if preps_here & set(rule.get("unless", [])) or not preps_here >= set(rule.get("only_with", [])):
        return False, None
    unless = rule.get("unless_particles")
    if unless and any(c.dep_ in ("prt", "advmod") and c.lower_ in unless for c in kids(verb)):
        return False, None  # 'fought BACK with its own airline'
    if rule.get("intransitive") and any(c.dep_ == "dobj" for c in kids(verb)):
        return False, None  # 'signed for Acme', not 'signed a deal for Acme to sell ...'
    barred = rule.get("unless_nouns", [])
    if barred and any(c.dep_ == "dobj" and c.lemma_.lower() in barred for c in kids(verb)):
        return False, None  # 'sold shares in Ruritown': no trade there

    if "prep_nouns" in rule:  # 'said IN an INTERVIEW with Y'
        wanted = set(rule["prep_nouns"])
        phrases = (o for p in kids(verb) if p.dep_ == "prep" for o in kids(p))
        if not any(o.dep_ == "pobj" and o.lemma_.lower() in wanted for o in phrases):
            return False, None
    if "nouns" not in rule:
        return True, None
    nouns, marks = set(rule["nouns"]), set(rule.get("noun_modifiers", []))
    for c in kids(verb):
        if c.dep_ in ("nsubj", "csubj", "agent") or c.lemma_.lower() not in nouns:
            continue
        if not marks or any(m.lower_ in marks for m in kids(c) if m.dep_ in _MARKS):
            return True, c  # 'take LEGAL action against'
    return False, None


_MARKS = ("amod", "compound")


def _verb_rule(
    verb: Token, rule: dict[str, Any], index: MentionIndex, article: Article
) -> list[Relation]:
    applies, noun = _noun(verb, rule)
    if not applies:
        return []
    objects = next(
        (toks for slot in rule["object"] if (toks := _slot(verb, noun, slot, index))), []
    )
    through = rule.get("through", [])  # 'urge a return TO the ceasefire'
    stops = index.lex.words("stop_nouns")  # not 'call for an END to the offensive'
    objects += [
        t
        for o in objects
        if o.i not in index.by_token and o.lemma_.lower() not in stops
        for t in [*preps(o, through), *_owner(o, through, index)]
    ]
    objects += [p for o in objects if o.i not in index.by_token for p in _owner(o, through, index)]
    objects += [t for o in objects if through for t in _shares_of(o, index)]
    objects += [n for o in objects if o.i not in index.by_token for n in named_in(o, index)]
    found = []
    rule_name = f"verb:{verb.lemma_}"
    to_do = any(  # 'call for X TO hold a vote', 'backed X TO win'
        c.dep_ == "xcomp" or (c.dep_ == "advcl" and any(a.lower_ == "to" for a in c.lefts))
        for c in kids(verb)
    )
    predicates = rule.get("with_infinitive", rule["predicate"]) if to_do else rule["predicate"]
    agents = (
        _slot(verb, None, "dobj", index)
        if rule.get("subject") == "patient"
        else subjects(verb, index)
    )
    if rule.get("patient_named"):  # 'sold X to Y'; not 'sold the X unit to Y'
        agents = [t for t in agents if t.i in index.by_token]
    among = rule.get("symmetric") and not objects and len(agents) > 1
    objects = agents if among else objects  # 'X and Y met': each the other's
    doing = set() if among else {m.key for t in agents for m in resolve_all(t, index)}
    named = rule.get("named_subject", False)  # no pronoun: 'he played a cop in X'
    for subj in (m for t in agents for m in resolve_all(t, index) if not (named and m.coref)):
        for obj in (m for t in objects for m in resolve_all(t, index) if m.key not in doing):
            if not _fits(rule, subj, obj) or _a_post(obj, index):
                continue
            ends = (obj, subj) if rule.get("inverse") else (subj, obj)
            code = rule.get("cameo")
            rel = relation(ends[0], predicates, ends[1], [verb], article, rule_name, index, code)
            if rel and rule.get("modality") and rel.provenance.modality == Modality.ASSERTED:
                rel = put(rel, Modality(rule["modality"]))  # 'X bid for Y': intended
            found.extend([rel] if rel else [])
    return found


def _a_post(m: Mention, index: MentionIndex) -> bool:
    """A title taken for a name ('to stand down as an MEP'): a post, no body."""
    return m.label.lower() in index.lex.words("titles") or m.label in index.lex.words(
        "post_nominals"
    )


def _fits(rule: dict[str, Any], subj: Mention, obj: Mention) -> bool:
    """The rule's types for its ends, and no group it leaves out ('police raided X': no attack)."""
    types, doers = rule.get("object_types"), rule.get("subject_types")
    if (types and obj.type.value not in types) or (doers and subj.type.value not in doers):
        return False
    group = subj.key.rsplit(":", 1)[-1] if subj.key.startswith("group:") else None
    return group is None or group not in rule.get("unless_groups", [])


def _speech(
    verb: Token, index: MentionIndex, article: Article, aff: Affiliations
) -> list[Relation]:
    """An office-holder who says something speaks for the office's organisation."""
    if not verb_lemmas(verb) & index.lex.words("speech_verbs"):
        return []
    people = [m for t in subjects(verb, index) for m in _speakers(verb, t, index) if m.key in aff]
    if not people or modality(verb, index.lex) != Modality.ASSERTED:
        return []  # 'is preparing to announce', 'did not say': nothing was said
    if _in_own_name(verb):
        return []  # '"I am against price rises," said X': the speaker's own view
    found = []
    for person in people:
        for org in aff.get(person.key, []):
            rel = relation(person, ["speaksFor"], org, [verb], article, "speech", index)
            found.extend([rel] if rel else [])
    return found


def _speakers(verb: Token, subject: Token, index: MentionIndex) -> list[Mention]:
    """Who the subject of a verb of saying stands for; a pronoun none of whose people what
    is said names ('X was to travel on, they added': 'they' are not X and Y)."""
    found = resolve_all(subject, index)
    if any(m.coref and _said_of(verb, m, index) for m in found):
        return []
    return found


def _said_clauses(verb: Token) -> list[Token]:
    """The clauses a verb of saying reports: its own ('said THAT X ...'), or the one it hangs
    from ('X was to travel on, they added')."""
    clauses = [c for c in kids(verb) if c.dep_ in ("ccomp", "parataxis")]
    return clauses + ([verb.head] if verb.dep_ in ("ccomp", "parataxis") else [])


def _said_of(verb: Token, person: Mention, index: MentionIndex) -> bool:
    """What is said names the person by name: a pronoun saying it is someone else."""
    own = {t.i for t in verb.subtree}
    for clause in _said_clauses(verb):
        for t in clause.subtree:
            m = index.by_token.get(t.i)
            if m is not None and m.key == person.key and (t.i not in own or clause.i in own):
                return True
    return False


def _in_own_name(verb: Token) -> bool:
    """What is said is said in the first person singular ('I say enough', 'I am against it')."""
    clauses = _said_clauses(verb)
    return any(c.lower_ == "i" and c.dep_ == "nsubj" for k in clauses for c in kids(k))


def _prizes(verb: Token, index: MentionIndex, article: Article) -> list[Relation]:
    """Prizes won, given or nominated for (kg.extract.awards), by their winners."""
    winners, won_prizes, predicate = won(verb, index)
    people = subjects(verb, index) if winners is None else winners
    pairs = [(m, p) for t in people for m in resolve_all(t, index) for p in won_prizes]
    pairs += [(m, p) for t, p in given(verb, index) for m in resolve_all(t, index)]
    found = []
    for winner, prize in pairs:
        rel = relation(winner, [predicate], prize, [verb], article, "verb:prize", index)
        found.extend([rel] if rel else [])
    return found + category_credits(verb, people, index, article)


def _rules_by_lemma(index: MentionIndex, rules: list[dict[str, Any]]) -> dict[str, list[int]]:
    """lemma -> the numbers of the verb rules with that lemma, in the rules' order; made once."""

    def make() -> dict[str, list[int]]:
        found: dict[str, list[int]] = {}
        for n, rule in enumerate(rules):
            for lemma in rule["lemmas"]:
                found.setdefault(lemma, []).append(n)
        return found

    by_lemma: dict[str, list[int]] = index.lex.built("rules_by_lemma", make)
    return by_lemma


def find_relations(article: Article, doc: Doc, index: MentionIndex) -> tuple[Relation, ...]:
    rules: list[dict[str, Any]] = index.lex.vocab.get("verbs", [])
    index = replace(index, corefs=definite_nouns(doc, index))  # "the company's founder"
    titles, aff = title_relations(article, doc, index)
    corefs, speakers = find_corefs(doc, index, aff)
    index = replace(index, corefs=corefs, speakers=speakers)
    found = [
        *titles,
        *event_relations(article, doc, index),
        *location_relations(article, doc, index),
        *organisation_relations(article, doc, index),
        *people_relations(article, doc, index),
        *work_relations(article, doc, index),
        *score_relations(article, doc, index),
        *venue_relations(article, doc, index),
        *surface_relations(article, doc, index),
        *succession_relations(article, doc, index),
    ]
    by_lemma = _rules_by_lemma(index, rules)
    prize_words = prize_verbs(index.lex)
    comment_words = index.lex.words("comment_verbs")
    for verb in tokens(doc):
        if verb.pos_ not in ("VERB", "AUX"):
            continue
        lemmas = verb_lemmas(verb)
        for n in sorted({n for lemma in lemmas for n in by_lemma.get(lemma, ())}):
            found.extend(_verb_rule(verb, rules[n], index, article))
        found.extend(_speech(verb, index, article, aff))
        if lemmas & prize_words:
            found.extend(_prizes(verb, index, article))
        if lemmas & comment_words:
            found.extend(comments(verb, subjects(verb, index), index, article))
    unique = {
        (r.subject.key, r.predicate, r.object.key, r.provenance.start): r
        for r in found
        if not shouted(r.provenance.sentence)
    }
    return tuple(unique[k] for k in sorted(unique, key=lambda k: (k[3], k[0], k[1], k[2])))
