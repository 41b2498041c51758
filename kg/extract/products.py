"""Products named by their context: a name a company launches ('Acme released Title 2'), a
name on a product noun an owner's possessive opens ("Acme's Beta console"), a name in
apposition to one ("Ruritania's next jet fighter, the X")."""

from __future__ import annotations

from spacy.tokens import Span, Token

from kg.extract.docs import kids
from kg.extract.lexicon import Lex


def launched(span: Span, lex: Lex) -> bool:
    """A name a company launches, unveils or releases that the NER did not take for a company,
    a person or a place is a product ('Acme released Title 2')."""
    root = span.root
    if span.label_ in ("ORG", "PERSON", "GPE", "LOC", "FAC", "NORP", "WORK_OF_ART", "EVENT"):
        return False
    launch = root.dep_ == "dobj" and root.head.lemma_.lower() in launch_verbs(lex)
    cased = all(t.text[:1].isupper() or t.like_num for t in span)
    named = any(t.is_alpha and t.text[:1].isupper() for t in span)  # not '£20', not 'four'
    return launch and cased and named


def launch_verbs(lex: Lex) -> frozenset[str]:
    """The lemmas of the verb rules for `launches`, made once."""

    def make() -> frozenset[str]:
        rules = lex.vocab.get("verbs", [])
        return frozenset(w for r in rules if "launches" in r["predicate"] for w in r["lemmas"])

    found: frozenset[str] = lex.built("launch_verbs", make)
    return found


def owned_product(span: Span, lex: Lex) -> bool:
    """A name on a product's noun that someone's possessive opens ("Acme's Beta console",
    'its Gamma encyclopaedia'): the product, not its maker ('the Acme console')."""
    root, doc = span.root, span.doc
    noun = root.head
    if root.dep_ != "compound" or noun.i < span.end or span.end + 1 >= len(doc):
        return False
    after, words = doc[span.end], lex.words("product_nouns")
    if after.i != noun.i and after.head.i != noun.i:
        return False
    pair = f"{after.lower_} {doc[span.end + 1].lemma_}"
    if after.lemma_.lower() not in words and pair not in words:
        return False
    while noun.dep_ == "compound" and noun.head.i > noun.i:
        noun = noun.head
    owner = any(c.dep_ == "poss" and c.i < span.start for c in kids(noun))
    return owner and lex.gaz.lookup(span.text, lex.lang) is None


def apposed_product(span: Span, lex: Lex) -> bool:
    """A name in apposition to a product's noun that an owner's possessive opens ("Ruritania's
    next jet fighter, the X", "Acme's new console, the Beta"); not a person's name ('the
    agency's model, Y')."""
    root = span.root
    if span.label_ == "PERSON" or root.dep_ != "appos" or root.head.i > span.start:
        return False
    noun = root.head
    if noun.lemma_.lower() not in lex.words("product_nouns"):
        return False
    return any(c.dep_ == "poss" for c in kids(noun)) and lex.gaz.lookup(span.text, lex.lang) is None


def _title_word(tok: Token) -> bool:
    return tok.text[:1].isupper() and not tok.is_sent_start and not tok.ent_type_


def whole_product(span: Span) -> Span:
    """A product's name the NER or the tagger cut short: the capitalised head its last word
    is a compound of ("Acme's Beta Portable", where the NER saw 'Beta'), a capitalised
    determiner before it ('released No More')."""
    doc, start, end = span.doc, span.start, span.end
    while end < span.sent.end and doc[end].pos_ == "PROPN" and _title_word(doc[end]):
        if doc[end - 1].dep_ != "compound" or doc[end - 1].head.i != end:
            break
        end += 1
    before = doc[start - 1] if start > span.sent.start else None
    if before is not None and before.pos_ == "DET" and before.lower_ not in ("the", "a", "an"):
        start -= 1 if _title_word(before) and before.head.i in range(start, end) else 0
    return (
        Span(doc, start, end, label=span.label_) if (start, end) != (span.start, span.end) else span
    )
