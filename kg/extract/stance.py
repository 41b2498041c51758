"""How an article stands to a relation it states, and the Relation record that carries it.

- modality: put as a fact, denied ('did not condemn', 'refused to back', 'no attack') or as a
  possibility ('may attack', 'threatened to strike', 'if X backs Y', a question);
- speaker: who says it, when it is in a quote or in reported speech ('X said (that) ...',
  'according to X');
- confidence: from the rule that read it and how its two ends were identified
  (kg/data/confidence.toml, where the figures and their source are).

The word lists (negations, modal verbs, governors) are in kg/data/lexicon_<lang>.toml.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Span, Token

from kg.extract.common import pobjs, resolve_all, verb_lemmas
from kg.extract.docs import kids
from kg.extract.lexicon import Lex
from kg.extract.mentions import MentionIndex
from kg.extract.offices import a_party
from kg.lexicon import load_toml
from kg.model import Article, Mention, Modality, Provenance, Relation
from kg.ontology import KG

_NOMINAL = ("group:", "event:")
_OBJECTS = ("dobj", "obj", "nsubjpass", "nsubj")
_MODAL = ("verb:", "event", "noun:", "contest:", "team:for")  # titles and place names state no act
# that could be denied
_NOUN_SLOTS = ("nsubj", "nsubjpass", "dobj", "pobj", "attr", "appos")
_CLAUSES = ("ccomp", "xcomp", "parataxis", "advcl")
_ENDS = (".", "!", "?", ":", ";", "…")


def _bare(sentence: str) -> str:
    """The sentence without trailing space, closing quote marks and brackets."""
    closing = "".join(load_toml("concepts.toml")["quote_marks"]) + "'\u2019)"
    return sentence.rstrip().rstrip(closing).rstrip()


def _said_then(verb: Token, lex: Lex) -> bool:
    """The clause of a verb of saying in the past, on no condition: 'X said it would ...'."""
    said = verb.head
    if (
        verb.dep_ != "ccomp"
        or said.tag_ != "VBD"
        or not verb_lemmas(said) & lex.words("speech_verbs")
    ):
        return False
    marks = lex.words("conditional_marks")
    return not any(
        m.dep_ == "mark" and m.lower_ in marks
        for c in kids(verb)
        if c.dep_ == "advcl"
        for m in kids(c)
    )


def _own(tok: Token, lex: Lex) -> Modality | None:
    """What the token's own dependents say: 'not', 'niet', 'no attack'; 'may', 'zou'; 'if';
    'will' (an announced plan: intended, unless something above says more)."""
    found = _marked(tok, lex)
    if found is None and any(
        c.dep_ == "aux" and c.lower_ in lex.words("future_modals") for c in kids(tok)
    ):
        return Modality.INTENDED  # 'X will attack the Party in a speech'
    if found is None and _to_come(tok, lex):
        return Modality.INTENDED  # 'the Games in Ruritown next March': still to come
    return found


def _to_come(tok: Token, lex: Lex) -> bool:
    """A date still to come on the word ('next March', 'later this year'): among a noun's
    words ('the Games in Ruritown next March'), or the phrases of its verb or its own."""
    present = tok.tag_ in ("VBP", "VBZ") or (tok.tag_ == "VB" and tok.dep_ == "conj")
    if present and _on_a_day(tok, lex):
        return True  # 'Ruritania face Borduria on Sunday': a present on a day is a fixture
    main = tok.head  # 'On Sunday X takes on Y before Z faces W': the day of the clause it is in
    clause = tok.dep_ in ("advcl", "conj") and main.tag_ in ("VBP", "VBZ")
    if present and clause and _on_a_day(main, lex):
        return True
    words = lex.words("future_dates")
    if not any(e.label_ == "DATE" and any(w.lower_ in words for w in e) for e in tok.sent.ents):
        return False  # most sentences: no date to come, nothing to walk
    verb = tok.head if tok.pos_ in ("NOUN", "PROPN") and tok.dep_ in ("nsubj", "dobj") else tok
    near = list(tok.subtree) if tok.pos_ in ("NOUN", "PROPN") else []
    near += _dates_on(verb)
    return any(t.ent_type_ == "DATE" and t.lower_ in words for t in near)


def _dates_on(verb: Token) -> list[Token]:
    """The words of a verb's own dates: 'next March', 'on Sunday'; not a date inside a name
    ('nominated for prizes at next week's Z Awards': the nomination is made)."""
    found = [g for c in kids(verb) if c.dep_ == "npadvmod" for g in c.subtree]
    objects = [o for c in kids(verb) if c.dep_ == "prep" for o in kids(c)]
    return found + [g for o in objects if o.ent_type_ == "DATE" for g in o.subtree]


def _on_a_day(verb: Token, lex: Lex) -> bool:
    """A day on the verb ('on Sunday'), or a day's possessive on a common noun of its
    ('In Sunday's reverse singles, X takes on Y'; not a name's, 'at next week's W Awards')."""
    days = lex.words("weekdays")
    objects = [o for c in kids(verb) if c.dep_ == "prep" for o in kids(c)]
    owned = [p for o in objects if o.pos_ == "NOUN" for p in kids(o) if p.dep_ == "poss"]
    return any(t.ent_type_ == "DATE" and t.lower_ in days for t in _dates_on(verb) + owned)


def _titled(tok: Token) -> bool:
    """A capital inside the sentence: a name's word, not the text's ('No More')."""
    return tok.text[:1].isupper() and not tok.is_sent_start


def _marked(tok: Token, lex: Lex) -> Modality | None:
    for child in kids(tok):
        word = child.lower_
        if word in lex.words("negations") and child.dep_ in ("neg", "advmod", "det"):
            return Modality.NEGATED
        if child.dep_ in ("dobj", "obj") and any(  # 'steunt GEEN rebellen'
            g.dep_ == "det" and g.lower_ in lex.words("negations") and not _titled(g)
            for g in kids(child)
        ):  # not 'released No More': a title's first word
            return Modality.NEGATED
        if child.dep_ == "advmod" and word in lex.words("hedges"):  # 'allegedly killed'
            return Modality.HYPOTHETICAL
        if child.dep_ == "aux" and child.lemma_.lower() in lex.words("intention_governors"):
            return Modality.INTENDED  # Frog: 'Ruritanië WIL Bordurië steunen'
        future = child.dep_ == "aux" and word in lex.words("future_modals")
        if child.dep_ == "aux" and word in lex.words("reported_futures") and _said_then(tok, lex):
            return Modality.INTENDED  # 'X said it WOULD press Y': what X said it will do
        if child.dep_ in ("aux", "auxpass") and word in lex.words("modals") and not future:
            return Modality.HYPOTHETICAL
        if child.dep_ == "mark" and word in lex.words("conditional_marks"):
            return Modality.HYPOTHETICAL
    head = tok.head
    if tok.dep_ == "pcomp" and head.lower_ in lex.words("conditional_marks"):
        return Modality.HYPOTHETICAL  # Frog: 'Als Ruritanië Bordurië aanvalt'
    return None


def _governed(tok: Token, lex: Lex) -> Modality | None:
    fixes: dict[str, str] = lex.vocab.get("lemma_fixes", {})
    gov = verb_lemmas(tok.head) | ({fixes[tok.head.lower_]} if tok.head.lower_ in fixes else set())
    if gov & lex.words("negative_governors"):
        return Modality.NEGATED
    if gov & lex.words("intention_governors"):
        return Modality.INTENDED
    if gov & lex.words("hypothetical_governors"):
        return Modality.HYPOTHETICAL
    return None


def _purpose(verb: Token) -> bool:
    """'will not be coming out of retirement TO COMPETE': a purpose clause is put as its
    governing verb is."""
    return (
        verb.dep_ == "advcl"
        and verb.tag_ == "VB"
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in kids(verb))
    )


def _agreed(verb: Token, lex: Lex) -> bool:
    """A verb whose object is an agreement or a plan: 'signed a deal', 'unveiled plans'."""
    nouns = lex.words("intention_nouns") | lex.words("agreement_nouns")
    return any(c.dep_ == "dobj" and c.lemma_.lower() in nouns for c in kids(verb))


def _to_before(verb: Token) -> bool:
    """'to' opens the verb's words: 'to run', 'to be run', 'to be co-managed' (which the
    tagger cuts in three)."""
    doc, i = verb.doc, verb.i - 1
    if i > 1 and doc[i].text == "-" and not doc[i - 1].whitespace_:
        i -= 2  # the prefix and its hyphen
    while i >= 0 and doc[i].lower_ in ("be", "been") and doc[i].dep_ in ("aux", "auxpass"):
        i -= 1
    return i >= 0 and doc[i].lower_ == "to" and doc[i].dep_ == "aux"


def _to_be_done(verb: Token) -> bool:
    """An infinitive on a noun, 'X, to be run by Y', 'a plant to make Z'; not after a first,
    a last or a best ('the first woman to win it' won it)."""
    if verb.dep_ != "acl" or not _to_before(verb):
        return False
    ranked = (c for c in kids(verb.head) if c.dep_ == "amod")
    return not any(c.tag_ in ("JJS", "RBS") or c.ent_type_ == "ORDINAL" for c in ranked)


def _for_to(verb: Token) -> bool:
    """'for X to sell': an infinitive whose doer 'for' names (a deal's, a call's aim)."""
    doc = verb.doc
    if verb.i < 3 or doc[verb.i - 1].lower_ != "to" or doc[verb.i - 1].head.i != verb.i:
        return False
    if any(c.dep_ == "mark" and c.lower_ == "for" for c in kids(verb)):
        return True
    noun = doc[verb.i - 2]
    while noun.dep_ in ("compound", "flat", "amod") and noun.head.i > noun.i:
        noun = noun.head
    return noun.dep_ == "pobj" and noun.head.lower_ == "for" and noun.head.i < noun.i


def _asks(sent: Span) -> bool:
    """The sentence is a question: it ends in '?' that closes no title ('the comedy Shall We
    Dance? came third', where the parser ends the sentence at the title's mark)."""
    if not _bare(sent.text).endswith("?"):
        return False
    mark = next(t for t in reversed(sent) if t.text == "?")
    nxt = sent.doc[mark.i + 1] if mark.i + 1 < len(sent.doc) else None
    if nxt is not None and nxt.is_alpha and nxt.is_lower:
        return False  # the text goes on in lower case: the mark is inside the sentence
    return mark.i == sent.start or sent.doc[mark.i - 1].ent_type_ != "WORK_OF_ART"


def modality(tok: Token, lex: Lex) -> Modality:
    """How the text puts what `tok` (a verb or an event noun) triggers."""
    if _asks(tok.sent):
        return Modality.HYPOTHETICAL
    if tok.pos_ in ("NOUN", "PROPN"):
        found = _own(tok, lex) if tok.dep_ in _OBJECTS else None
        if found is None and tok.dep_ in _OBJECTS and tok.head.i != tok.i:
            found = _governed(tok, lex)
            light = lex.words("light_verbs") | lex.words("nominal_light_verbs")
            if found is None and verb_lemmas(tok.head) & light:  # 'may launch an attack',
                found = modality(tok.head, lex)  # 'agreed to complete the takeover'
        if found is None and tok.dep_ in ("nsubj", "nsubjpass") and tok.head.i != tok.i:
            said = _marked(tok.head, lex)  # 'a merger of X and Y WOULD be the biggest deal'
            found = said if said == Modality.HYPOTHETICAL else None
        if found is None and tok.dep_ == "pobj" and tok.head.head.pos_ == "VERB":
            later = _own(tok.head.head, lex) == Modality.INTENDED  # 'will report at its meeting'
            found = Modality.INTENDED if later else None  # (not 'did not attend the summit')
        return found or Modality.ASSERTED
    t = tok
    for _ in range(4):  # 'did not condemn or back'; 'refused to condemn'
        found = _own(t, lex)
        if found is not None:
            return found
        hearsay = t.head.pos_ == "NOUN" and t.head.lemma_.lower() in lex.words("hearsay_nouns")
        if t.dep_ in ("acl", "ccomp") and hearsay:  # not 'X did it, the agency REPORTED'
            denied = t.head.dep_ in _OBJECTS and _governed(t.head, lex) == Modality.NEGATED
            return Modality.NEGATED if denied else Modality.HYPOTHETICAL  # 'denied reports that'
            # 'accusations that he threatened X': said, not put as a fact
        planned = lex.words("intention_nouns") | lex.words("agreement_nouns")
        nominal = t.dep_ == "acl" or (t.dep_ == "advcl" and t.head.dep_ in _NOUN_SLOTS)
        if nominal and t.head.lemma_.lower() in planned:  # (the parser may take 'offer' for
            return Modality.INTENDED  # a verb) "X's plans to buy Y", 'the X offer to buy Y'
        but = t.dep_ == "conj" and any(  # 'X did not attack BUT condemned'
            c.dep_ == "cc" and c.lower_ in lex.words("contrast") and c.i < t.i
            for c in (*kids(t), *kids(t.head))
        )
        if _for_to(t):
            return Modality.INTENDED  # 'a deal for X to sell Y to Z': the sale is to come
        if _to_be_done(t):
            return Modality.INTENDED  # 'the group, to be co-managed by X': not yet
        if _purpose(t) and t.i > t.head.i and _agreed(t.head, lex):
            return Modality.INTENDED  # 'X signed a deal to buy Y': the purchase is to come
        if _purpose(t) and t.i < t.head.i:
            return Modality.INTENDED  # 'To join the League, Ruritania had much to do': an aim
        if t.head.i == t.i or not (t.dep_ in ("conj", "xcomp") or _purpose(t)) or but:
            break
        if t.dep_ == "xcomp" and (gov := _governed(t, lex)) is not None:
            return gov
        if t.dep_ == "xcomp" and t.head.lemma_.lower() in lex.words("plan_copulas"):
            return Modality.INTENDED  # 'X is to star in Y': arranged, not done
        t = t.head
    return Modality.ASSERTED


def _speaker_of(verb: Token, index: MentionIndex) -> Mention | None:
    subj = [c for c in kids(verb) if c.dep_ in ("nsubj", "csubj")]
    if not subj and verb.dep_ in ("conj", "advcl") and verb.head.i != verb.i:
        subj = [c for c in kids(verb.head) if c.dep_ == "nsubj"]
    found = [m for s in subj for m in resolve_all(s, index)]
    return found[0] if found else None


def speaker(tok: Token, index: MentionIndex) -> Mention | None:
    """Who says what `tok` triggers: the quote's speaker, the subject of a verb of saying the
    clause hangs from ('X said the League backs ...'), or the object of 'according to'/'volgens'."""
    for start, end, who in index.speakers:
        if start <= tok.idx < end:
            return who
    speech = index.lex.words("speech_verbs")
    child = tok
    for anc in tok.ancestors:  # entered through a clause, not through the verb's subject
        if anc.pos_ in ("VERB", "AUX") and verb_lemmas(anc) & speech:
            return _speaker_of(anc, index) if child.dep_ in _CLAUSES else None
        child = anc
    for t in tok.sent:
        if t.lower_ in index.lex.words("attribution_preps"):
            objs = pobjs(t) or [o for c in kids(t) if c.dep_ == "prep" for o in pobjs(c)]
            found = [m for o in objs for m in resolve_all(o, index)]
            if found:
                return found[0]
    return None


def _end_factor(m: Mention, factors: dict[str, float]) -> float:
    if m.coref:
        return factors["pronoun"]
    if m.key.startswith("name:"):
        return factors["name"]
    return factors["nominal"] if m.key.startswith(_NOMINAL) else factors["gazetteer"]


def confidence(
    rule: str, predicate: str, ends: tuple[Mention, Mention], sent: Span, said_by: Mention | None
) -> float:
    """The rule's measured precision, lowered for weaker links and harder sentences."""
    table = load_toml("confidence.toml")
    score = table["rules"].get(rule.partition(":")[0], table["rules"]["default"])
    score *= _end_factor(ends[0], table["ends"]) * _end_factor(ends[1], table["ends"])
    context = table["context"]
    own = said_by is not None and said_by.key in (ends[0].key, ends[1].key)  # 'Acme said it'
    if said_by is not None and predicate not in table["speech_acts"] and not own:
        score *= context["reported"]  # a claim about others, not the speaker's own act
    if not _bare(sent.text).endswith(_ENDS):
        score *= context["fragment"]  # a headline or a sentence the parser split
    parsed = rule.partition(":")[0] not in context["by_form"]
    if parsed and len(sent) > context["long_sentence_tokens"]:
        score *= context["long_sentence"]
    return round(min(1.0, max(0.0, float(score))), 2)


def relation(
    subject: Mention,
    predicates: list[str],
    obj: Mention,
    tokens: list[Token],
    article: Article,
    rule: str,
    index: MentionIndex,
    code: str | None = None,
) -> Relation | None:
    """The first of `predicates` whose domain and range fit, with its provenance, modality,
    speaker and confidence; None if none fits or subject and object are the same."""
    if subject.key == obj.key:
        return None
    predicate = next((p for p in predicates if KG.accepts(p, subject.type, obj.type)), None)
    if predicate is None:
        return None
    if predicate == "worksFor" and a_party(obj, index):
        predicate = "memberOf"  # 'joined the Workers Party', "the Party's X": a member, not staff
    sent = tokens[0].sent
    start = min([t.idx for t in tokens] + [subject.start, obj.start])
    end = max([t.idx + len(t) for t in tokens] + [subject.end, obj.end])
    if not (sent.start_char <= start and end <= sent.end_char):
        start, end = max(start, sent.start_char), min(end, sent.end_char)
    said_by = speaker(tokens[0], index)
    prov = Provenance(
        article.id,
        article.text[sent.start_char : sent.end_char],  # as written, line breaks and all
        sent.start_char,
        sent.end_char,
        start,
        end,
        rule,
        confidence(rule, predicate, (subject, obj), sent, said_by),
        modality(tokens[0], index.lex) if rule.startswith(_MODAL) else Modality.ASSERTED,
        code=code or KG.cameo(predicate),
    )
    return Relation(subject, predicate, obj, prov, said_by)


def put(rel: Relation, modality: Modality) -> Relation:
    """The relation as the text puts it otherwise ('the NEXT summit': intended; 'FORMER chief
    X': former)."""
    return replace(rel, provenance=replace(rel.provenance, modality=modality))
