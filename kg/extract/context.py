"""The type a name's context gives it, over the NER's: an honorific or a post in apposition
makes a person ('Mr X', 'X, Acme vice-president'), a legal form or a company noun an
organisation ('Beta Plc', 'carmaker Acme'), a work noun or a crew role a work ('the drama
X', 'Title director Y'), a player's title a club ('Rovers wing Z'), and a GeoNames town
where a town is named a place ('Acme Co of Ruritown')."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from kg.extract.companies import legal_form
from kg.extract.docs import kids
from kg.extract.lexicon import Lex
from kg.extract.products import apposed_product, launched, owned_product
from kg.extract.works import called_a_work
from kg.lexicon import BIG_TOWN, normalize
from kg.model import EntityType


def context_type(span: Span, lex: Lex, suffixes: frozenset[str]) -> EntityType | None:
    """The type the words around a name the NER found give it: an honorific or a post in
    apposition a person ('Mr X-Y', 'Z, Acme vice-president'), a legal form or a
    company noun an organisation ('Beta Plc', 'carmaker Acme')."""
    if span.label_ in ("PERSON", "ORG") and _called_a_place(span, lex):
        return EntityType.PLACE  # 'Ruritown, the capital of Ruritania'
    if len(span) > 1 and post_nominal(span.doc, span.end, lex):
        return EntityType.PERSON  # 'X Y QC', 'X Y MP'
    if span.label_ == "PERSON" and len(span) == 1 and _camel_cased(span.text, lex):
        return EntityType.ORGANIZATION  # 'GlaxoSmithKline', 'BetaSoft': no one's name
    if _after_honorific(span, lex) or _titled(span, lex) or _after_title(span, lex):
        return EntityType.PERSON
    if span.label_ in ("GPE", "FAC", "LOC") and _royal(span, lex):
        return EntityType.PERSON  # "Ruritania's King W", a place to the NER
    if legal_form(span, suffixes) or _called_a_company(span, lex) or employer_named(span, lex):
        return EntityType.ORGANIZATION
    if span.label_ == "ORG" and _does_what_people_do(span, lex):
        return EntityType.PERSON  # 'X Y directed the film', which the NER took for a firm
    if span.label_ in ("GPE", "LOC") and _speaks(span, lex):
        return EntityType.PERSON  # "says Acme's X Y": no place the gazetteer knows says it
    if span.label_ == "ORG" and _town_of_an_event(span, lex):
        return EntityType.PLACE  # 'the Cross Country Championships in Ruritown'
    if span.label_ in ("ORG", "PERSON") and placed_by_region(span, lex):
        return EntityType.PLACE  # 'X, 43, of Ruritown, Westshire'
    if span.label_ == "ORG" and _town_on_a_band(span, lex):
        return EntityType.PLACE  # 'Ruritown band The Xs': where the band is from
    if span.label_ in ("PERSON", "GPE") and _a_club(span, lex):
        return EntityType.ORGANIZATION  # 'Ruritown United', a person or a place to the NER
    if _owned(span) and span.label_ == "PERSON":
        return EntityType.ORGANIZATION  # 'Beta Blue, which is 25% owned by Acme'
    if _names_a_publication(span, lex):
        return EntityType.ORGANIZATION  # "Ruritania's Acme Magazin", 'the Sunday Beta'
    if span.label_ == "PERSON" and len(span) > 1 and span[-1].lower_ in lex.words("facility_words"):
        return EntityType.PLACE  # "the museum's Clock Tower"
    if span.label_ == "PERSON" and len(span) > 1 and span[-1].lower_ in lex.words("product_heads"):
        return EntityType.PRODUCT  # "Acme's Beta Robot": a machine, not a man
    if owned_product(span, lex) or apposed_product(span, lex):
        return EntityType.PRODUCT  # "Acme's Beta console", "Ruritania's next fighter, the X"
    return EntityType.EVENT if _names_an_event(span, lex) else None


def _town_on_a_band(span: Span, lex: Lex) -> bool:
    root = span.root
    if root.dep_ != "compound" or root.head.lemma_.lower() not in lex.words("band_nouns"):
        return False
    return lex.city(span.text) is not None and lex.gaz.lookup(span.text, lex.lang) is None


def _royal(span: Span, lex: Lex) -> bool:
    """A royal title and a name or two ('King W', 'Sheikh X Y'), not a place named after one
    ("King's Cross")."""
    words = span.text.split()
    return (
        1 < len(words) <= 3
        and words[0].lower() in lex.words("royal_titles")
        and "'" not in span.text
    )


def post_nominal(doc: Doc, i: int, lex: Lex) -> bool:
    """Letters after a person's name at token i ('X Y QC'), not a title before the next
    name ('X MP Y')."""
    if i >= len(doc) or doc[i].text not in lex.words("post_nominals"):
        return False
    return i + 1 >= len(doc) or doc[i + 1].ent_type_ != "PERSON"


def _camel_cased(word: str, lex: Lex) -> bool:
    """A capital inside a word that no surname's prefix explains ('BetaSoft'; not 'McX',
    'DiY', "O'Z")."""
    inner = [i for i in range(1, len(word)) if word[i].isupper() and word[i - 1].islower()]
    prefixes = lex.words("surname_prefixes")
    return any(word[:i].lower() not in prefixes for i in inner)


def _a_club(span: Span, lex: Lex) -> bool:
    """A big town and a club's word ('Ruritown United', 'Westby Rovers'), not a town's own
    name ('Ruritown City' if GeoNames knows it so)."""
    words = span.text.split()
    if len(words) < 2 or words[-1].lower() not in lex.words("club_words"):
        return False
    town = lex.city(" ".join(words[:-1]))
    whole = lex.city(span.text) or lex.gaz.lookup(span.text, lex.lang)
    return town is not None and town.population >= BIG_TOWN and whole is None


def _town_of_an_event(span: Span, lex: Lex) -> bool:
    """A town GeoNames knows, and no gazetteer as anything else, right after an event's 'in'
    ('the Ruritania Championships in Ruritown'): the NER's organisation is the town."""
    prep = span.root.head if span.root.dep_ == "pobj" else None
    if prep is None or prep.lower_ != "in" or prep.i != span.start - 1:
        return False
    heads = lex.words("event_name_heads")
    event = prep.head.ent_type_ == "EVENT" or prep.head.lower_ in heads
    known = lex.city(span.text) is not None and not lex.gaz.lookup(span.text, lex.lang)
    return event and known and all(t.pos_ == "PROPN" for t in span)


def _called_a_place(span: Span, lex: Lex) -> bool:
    """A name with a place's noun and its 'of' in apposition ('X, the capital of Y'), or after
    'the' place noun 'of' ('the Ruritanian island of X')."""
    words = lex.words("place_descriptors")
    root = span.root
    nouns = [c for c in kids(root) if c.dep_ == "appos" and c.lemma_.lower() in words]
    if any(p.dep_ == "prep" and p.lower_ == "of" for n in nouns for p in kids(n)):
        return True
    noun = root.head.head if root.dep_ == "pobj" and root.head.lower_ == "of" else None
    return (
        noun is not None
        and noun.pos_ == "NOUN"
        and noun.lemma_.lower() in words
        and any(c.lower_ == "the" for c in noun.lefts)
    )


def _does_what_people_do(span: Span, lex: Lex) -> bool:
    """A name of two or three words that directs, stars, acts or marries ([person_verbs]), or
    whose verb is coordinated with one, is a person's."""
    root = span.root
    if root.dep_ != "nsubj" or not 2 <= len(span) <= 3:
        return False
    verb = root.head
    verbs = [verb, *(c for c in kids(verb) if c.dep_ in ("conj", "xcomp") and c.pos_ == "VERB")]
    return any(v.lemma_.lower() in lex.words("person_verbs") for v in verbs)


def _speaks(span: Span, lex: Lex) -> bool:
    """A name of two or three capitalised words, a firm's possessive on it, that says
    something ("says Acme's X Y")."""
    root = span.root
    if root.dep_ != "nsubj" or not 2 <= len(span) <= 3 or not all(t.is_title for t in span):
        return False
    owned = any(c.dep_ == "poss" and c.pos_ == "PROPN" for c in kids(root))
    return owned and root.head.lemma_.lower() in lex.words("speech_verbs")


def _owned(span: Span) -> bool:
    """A name said to be owned ('X is owned by Y', 'X, which is 25% owned by Y') is no person."""
    root = span.root
    verbs = [root.head] if root.dep_ == "nsubjpass" else []
    verbs += [c for c in kids(root) if c.dep_ == "relcl"]
    return any(v.lemma_ == "own" and any(c.dep_ == "auxpass" for c in kids(v)) for v in verbs)


def _names_a_publication(span: Span, lex: Lex) -> bool:
    """A name ending in a newspaper's word: 'the Sunday Beta'; one word only after another
    name's word ('Acme Magazin', where the NER saw 'Magazin')."""
    if not len(span) or span[-1].lower_ not in lex.words("publication_heads"):
        return False
    before = span.doc[span.start - 1] if span.start > span.sent.start else None
    return len(span) > 1 or (before is not None and before.text[:1].isupper())


def _names_an_event(span: Span, lex: Lex) -> bool:
    """A name that ends in a contest's or a festival's word is an event, whatever type the NER
    gave it: 'the Acme Grand Prix', 'the Beta Open', 'the W Games'."""
    words = span.text.lower().split()
    heads = lex.words("event_name_heads")
    return len(words) > 1 and (words[-1] in heads or " ".join(words[-2:]) in heads)


def _names_a_prize(span: Span, lex: Lex) -> bool:
    """A name that ends in a prize's word is a prize ('the Acme Viewers Choice Award', 'a
    W Medal', 'the W Awards'); one word the NER took for a person is a first name ('W')."""
    heads = lex.words("award_heads")
    lasts = lex.built("award_lasts", lambda: frozenset(h.split()[-1] for h in heads))
    if not len(span) or span[-1].lower_ not in lasts:
        return False
    words = whole_prize(span).text.lower().split()
    named = bool(words) and (words[-1] in heads or " ".join(words[-2:]) in heads)
    generic = len(words) == 1 and words[0] in lex.words("award_nouns")  # 'Award' alone
    return named and not generic and (len(words) > 1 or span.label_ != "PERSON" or _won(span))


def _won(span: Span) -> bool:
    """One word on a winner's or a nominee's word is the prize ('W winner X', 'W-winning
    actor Y', 'W-nominated Z', 'a W nomination'), not a first name; so is one after 'a' or
    'an' ('up for an W'): no one's name takes one."""
    head = span.root.head
    if span.start > 0 and span.doc[span.start - 1].lower_ in ("a", "an"):
        return True
    on = span.root.dep_ in ("compound", "npadvmod", "nmod", "amod") and head.i == span.end + (
        head.i > span.end and span.doc[span.end].text == "-"
    )
    words = ("win", "winner", "nominate", "nominee", "nomination", "nod")
    return on and head.lemma_.lower() in words


def whole_prize(span: Span) -> Span:
    """A prize's name the NER cut short or missed: 'The Title Star Award' (it saw 'Award'):
    the capitalised words on it before it, not 'The'."""
    doc, start = span.doc, span.start
    while start > span.sent.start and _prize_word(doc[start - 1], span.root):
        start -= 1
    return doc[start : span.end] if start != span.start else span


def _prize_word(tok: Token, root: Token) -> bool:
    return tok.text[:1].isupper() and tok.pos_ != "DET" and tok.head.i == root.i


def kind_named(span: Span, lex: Lex) -> EntityType | None:
    """A work, a prize, a product, an event or a team the context names, whether the NER found
    the name or not: 'the drama Title Of Words', 'The Title, starring X'; 'Ruritown
    United striker Y'."""
    if called_a_work(span, lex):
        return EntityType.WORK
    if _names_a_prize(span, lex):
        return EntityType.AWARD
    if launched(span, lex):
        return EntityType.PRODUCT
    if _names_an_event(span, lex):
        return EntityType.EVENT  # 'the W Cup', 'the Z Cup', which the NER missed
    if _names_a_team(span, lex) or _before_a_company_noun(span, lex) or _names_a_band(span, lex):
        return EntityType.ORGANIZATION
    if not span.label_ and owned_product(span, lex):
        return EntityType.PRODUCT  # "Acme's Beta car", which the NER missed
    if not span.label_ and _called_a_company(span, lex):
        return EntityType.ORGANIZATION  # 'rock band Y', which the NER missed
    if not span.label_ and _posts_possessive(span, lex):
        return EntityType.ORGANIZATION  # "Ruritanian Acme's spokesman X", which the NER missed
    return None


def _posts_possessive(span: Span, lex: Lex) -> bool:
    """A name the NER missed whose possessive is on a post right before a person's name
    ("Acme's spokesman X"): the employer."""
    doc, end = span.doc, span.end
    if end + 2 >= len(doc) or doc[end].dep_ != "case":
        return False
    post, name = doc[end + 1], doc[end + 2]
    titles: frozenset[str] = lex.built(
        "post_and_title_words", lambda: lex.words("titles") | lex.title_words()
    )
    return post.lower_ in titles and name.ent_type_ == "PERSON"


def _before_a_company_noun(span: Span, lex: Lex) -> bool:
    """A name the NER missed on a company's noun: 'the Acme Factory recording studio'."""
    root = span.root
    noun = root.head
    if span.label_ or root.dep_ != "compound" or noun.pos_ != "NOUN":
        return False
    proper = all(t.pos_ == "PROPN" for t in span) and not _common_word(span, lex)
    town = lex.city(span.text) is not None  # 'the Ruritown, Westshire-based firm': a place
    return proper and not town and noun.lemma_.lower() in lex.words("company_nouns")


_PLACE_PREPS = ("in", "near", "outside")


def placed_by_region(span: Span, lex: Lex) -> bool:
    """A name after 'of', 'from' or 'in' with a region after it and a comma is a place,
    whatever the NER said: 'X Y, 43, of Ruritown, Westshire'; not 'chairman of Acme,
    Ruritania's biggest bank'."""
    doc = span.doc
    if span.start == 0 or span.end + 1 >= len(doc) or doc[span.end].text != ",":
        return False
    if doc[span.start - 1].lower_ not in _REGION_PREPS:
        return False
    if not is_region(doc[span.end + 1], lex):
        return False
    end = span.end + 2  # past the region's first word, then the rest of its name
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    after = doc[end] if end < len(doc) else None
    return after is None or after.is_punct or after.lower_ in ("and", "or")


_REGION_PREPS = ("of", "from", "in")


def is_region(tok: Token, lex: Lex) -> bool:
    """A word that starts a place's name: the NER's, GeoNames' or the gazetteer's."""
    known = lex.city(tok.text) or lex.gaz.lookup(tok.text, lex.lang)
    return tok.ent_type_ in ("GPE", "LOC") or known is not None


def town_named(span: Span, lex: Lex) -> bool:
    """A name the NER missed that GeoNames knows as a town, where a town is named: before a
    comma and a region ('Ruritown, Westshire'), after 'in' ('a plant in Ruritown') or after a
    company's 'of' ('Acme Co of Ruritown')."""
    if span.label_ or not all(t.pos_ == "PROPN" for t in span) or lex.city(span.text) is None:
        return False
    doc = span.doc
    after = doc[span.end + 1] if span.end + 1 < len(doc) and doc[span.end].text == "," else None
    if after is not None and after.ent_type_ == "GPE":
        return True  # 'Ruritown, Westshire'
    prep = span.root.head if span.root.dep_ == "pobj" else None
    if prep is None or prep.i != span.start - 1:
        return False
    company = prep.lower_ == "of" and prep.head.lower_.strip(".") in lex.words("corporate_suffixes")
    return prep.lower_ in _PLACE_PREPS or company


def _names_a_team(span: Span, lex: Lex) -> bool:
    """A proper name that modifies a player's or a manager's title ('Ruritown United
    striker', 'Rovers boss') is a club, whatever type the NER gave it (or none)."""
    root = span.root
    if root.dep_ == "pobj" and root.head.lower_ == "of":
        return _sport_title(root.head.head, lex) and _a_fans_place(span, lex)  # 'captain of W'
    if root.dep_ not in ("compound", "poss", "nmod") or not (
        all(_name_word(t) for t in span) or _opening_name(span, lex)
    ):
        return False
    outside = any(c.dep_ == "compound" and c.i < span.start for c in kids(root))
    if root.dep_ == "poss" and (span.label_ == "PERSON" or outside):
        return False  # "Y's captain X", "Z Y's": the manager's, not a club's
    head = root.head.lemma_.lower()
    if head in lex.words("fan_titles"):
        return _a_fans_place(span, lex)
    predicates = set(lex.vocab.get("titles", {}).get(head, []))
    return bool(predicates & {"playsFor", "coaches"}) or head in lex.words("team_titles")


def _names_a_band(span: Span, lex: Lex) -> bool:
    """A proper name the NER missed on a band member's title is the band ('Westband singer
    X', 'Y, the Westband drummer'); not a genre ('Country singer Z', 'Soul singer W')."""
    root = span.root
    if span.label_ or root.dep_ != "compound":
        return False
    if not (all(_name_word(t) for t in span) or _opening_name(span, lex)):
        return False
    if root.head.lower_ not in lex.words("band_titles"):
        return False
    return normalize(span.text) not in lex.words("music_genres")


def _sport_title(tok: Token, lex: Lex) -> bool:
    predicates = lex.vocab.get("titles", {}).get(tok.lemma_.lower(), [])
    return tok.pos_ == "NOUN" and bool({"playsFor", "coaches"} & set(predicates))


def _a_fans_place(span: Span, lex: Lex) -> bool:
    """A town's name on a fan's title is its club ('Westby fan X'): a town has no fans; a
    country's has its national side, which stays the country ('a Ruritania fan')."""
    if span.label_ not in ("GPE", "LOC", "FAC", ""):
        return False
    known = lex.gaz.lookup(span.text, lex.lang)
    return known is None or known.type != "Country"


def _opening_name(span: Span, lex: Lex) -> bool:
    """A capital that opens the sentence, on a title: 'Rovers midfielder X', whatever the
    tagger made of it; not a common word ('Station manager X', 'Veteran striker Y')."""
    if span.start != span.sent.start or not span.text[:1].isupper():
        return False
    return not _common_word(span, lex) and normalize(span.text) not in lex.words("player_modifiers")


def _common_word(span: Span, lex: Lex) -> bool:
    """A company's or a post's word, whatever its capital ('Station', 'Director')."""
    word = normalize(span.text)
    return word in lex.words("company_nouns") or word in lex.title_words()


def _name_word(tok: Token) -> bool:
    """A word of a name: a proper noun, or a capitalised noun inside a sentence ('Rovers
    wing X', 'Dons' substitute Y': the tagger often makes a town's name a common noun)."""
    capital = tok.pos_ == "NOUN" and tok.text[:1].isupper() and not tok.is_sent_start
    return tok.pos_ == "PROPN" or capital


def _titled(span: Span, lex: Lex) -> bool:
    """A name with one person's post in apposition ('X Y, Acme vice-president of
    operations') is a person, whatever type the NER gave it."""
    doc = span.doc
    for noun in (c for c in kids(span.root) if c.dep_ == "appos" and c.tag_ == "NN"):
        first = min(t.i for t in noun.subtree)
        if first == 0 or doc[first - 1].text != ",":  # a real apposition, set off by a comma
            continue
        words = [c.lemma_.lower() for c in noun.lefts if c.dep_ in ("compound", "amod")]
        _, predicates = lex.title([*words, noun.lemma_.lower()])
        if set(predicates) & {"leads", "holdsRoleAt", "worksFor", "speaksFor"}:
            return True
    return False


_POSTS = frozenset({"leads", "holdsRoleAt", "memberOf", "speaksFor"})


def _after_title(span: Span, lex: Lex) -> bool:
    """A two-word name or longer right after a post that modifies it ('Taoiseach X Y',
    'Finance Minister Z W', 'Party spokesman V U'), which the NER took for a firm."""
    words = [t for t in span.doc[max(0, span.start - 3) : span.start] if t.head.i == span.root.i]
    words = [t for t in words if t.dep_ == "compound" and (t.text[:1].isupper() or t.tag_ == "NN")]
    if span.label_ != "ORG" or len(span) < 2 or not words or words[-1].i != span.start - 1:
        return False
    if any(t.pos_ != "PROPN" or t.lower_ in lex.words("corporate_suffixes") for t in span):
        return False
    _, predicates = lex.title([t.lower_ for t in words])
    return bool(set(predicates) & (_POSTS | {"speaksFor"}))


def _called_a_company(span: Span, lex: Lex) -> bool:
    """A name right after a company noun ('carmaker Acme', 'filtering firm Beta') or a
    band's ('hip-hop duo Y'), or with one in apposition ('Acme, Ruritania's biggest
    carmaker', "X's group, Z") is an organisation, whatever type the NER gave it."""
    if span.label_ == "GPE" and lex.city(span.text) is not None:
        return False  # 'The Ruritown, Westshire-based firm': the town the firm is in
    nouns, doc, root = lex.words("company_nouns") | lex.words("band_nouns"), span.doc, span.root
    near = [doc[span.start - 1]] if span.start > 0 else []
    near += [root.head] if root.dep_ == "appos" else []
    near += [c for c in kids(root) if c.dep_ == "appos"]
    return any(t.lemma_.lower() in nouns and t.pos_ == "NOUN" for t in near)


def _after_honorific(span: Span, lex: Lex) -> bool:
    """'Mr X'; 'Ruritanman X Y', 'Ruritanians X Y and Z W' (a people's noun, not its adjective)."""
    before = span.doc[span.start - 1] if span.start > 0 else None
    if before is None:
        return False
    if before.lower_.rstrip(".") in lex.words("honorifics"):
        return True
    people = before.text[:1].isupper() and lex.nationality(before.text) is not None
    return people and lex.demonym(before.text) is None and len(span) > 1


_EMPLOYER_PREPS = ("at", "for", "with")
_POSTS = frozenset({"leads", "holdsRoleAt", "worksFor"})


def _posts_for(span: Span) -> frozenset[str]:
    """The posts whose title makes a name an employer: any for a name the NER missed or took
    for an organisation; not staff for one it took for a person ('Y adviser X'); only a
    head's for one of several words it took for a person ('Beta Blue chief executive X')."""
    if span.label_ in ("", "ORG"):
        return _POSTS
    return _POSTS - {"worksFor"} if len(span) == 1 else frozenset({"leads"})


def _on_a_post(span: Span, lex: Lex) -> bool:
    """A name on the post of the person named right after it ('Acme treasurer X
    Y') or before it ('Z W, Beta chief economist') is the employer's,
    unless it is a person's surname the article gives whole ('Y aide X' after 'Z
    Y')."""
    doc = span.doc
    root = span[-1] if span[-1].head.i >= span.end else span.root  # 'Association of X' misparsed
    post = root.head
    after = doc[span.end] if span.end < len(doc) else post
    if post.ent_type_ == "PERSON" and after.head.i == post.i and after.dep_ == "compound":
        post = after  # 'League chief X Y': both hang on the name
    titled_adj = post.pos_ == "ADJ" and post.lower_ in lex.title_words()  # 'League chief X'
    if root.dep_ not in ("compound", "nmod", "amod") or post.i < span.end:
        return False
    if post.pos_ != "NOUN" and not titled_adj:
        return False
    inner = [t for t in span if t.lower_ not in ("of", "the")]  # 'Association of Chief X'
    proper = span.label_ == "ORG" or all(
        t.pos_ == "PROPN" or t.ent_type_ == "PERSON" for t in inner
    )
    if not proper or _common_word(span, lex) or lex.nationality(span.text):
        return False  # 'Station manager X': a common noun opening the sentence
    named = post.head if post.dep_ in ("compound", "appos") else None  # 'X, Beta economist'
    if named is None or named.ent_type_ != "PERSON" or not -6 < named.i - post.i <= 3:
        return False
    words = [
        c.lemma_.lower() for c in post.lefts if c.dep_ in ("compound", "amod") and c.i >= span.end
    ]
    predicates = set(lex.title([*words, post.lemma_.lower()])[1])
    if not predicates & _posts_for(span):
        return False  # 'Y adviser X' (a name the NER gave a person) may be a person's
    surnames = {
        e[-1].lower_
        for e in doc.ents
        if e.label_ == "PERSON" and len(e) > 1 and e.start != span.start
    }
    return span[-1].lower_ not in surnames


def employer_named(span: Span, lex: Lex) -> bool:
    """A name the NER missed right after a post's 'at', 'for' or 'with' is an organisation:
    'an analyst at Acme', 'a consultant for Beta'; so is one word it took for a person
    or a place (and no gazetteer knows as one) after 'at' ('a lawyer for Y' may well be
    a person's)."""
    unlabelled = span.label_ in ("", "PRODUCT")  # 'security firm Beta' (a product, it said)
    proper = all(t.pos_ == "PROPN" for t in span)
    if unlabelled and proper and _called_a_company(span, lex):
        return True  # 'gadget magazine Title', which the NER missed
    label = span.label_
    lone = label in ("PERSON", "GPE") and len(span) == 1
    if label == "ORG" and _on_a_post(span, lex):
        return True  # 'X Y, Beta chief economist': the NER's and the post's firm
    if (lone or label in ("", "PERSON")) and _on_a_post(span, lex) and not _known(span, lex):
        return True  # 'Acme treasurer X', 'former Beta chief executive Y'; 'Gamma
    if (label and not lone) or not proper:  # Blue chief executive Z' (a head's post only)
        return False
    root = span.root
    prep = root.head if root.dep_ == "pobj" else None
    preps = ("at", "for") if label == "GPE" else ("at",) if lone else _EMPLOYER_PREPS
    if prep is not None and prep.lower_ == "of" and lone and prep.i == span.start - 1:
        return _firms_post(prep.head, lex) and not _known(span, lex)  # 'co-founder of Acme'
    if prep is None or prep.lower_ not in preps or span.start - prep.i > 2:
        return False
    post = prep.head
    titled = post.pos_ == "NOUN" and bool(lex.title([post.lemma_.lower()])[1])
    named = post.ent_type_ == "PERSON" and prep.lower_ == "at" and not label  # 'said X at Y'
    return (titled and not (lone and _known(span, lex))) or (named and not _known(span, lex))


def _firms_post(post: Token, lex: Lex) -> bool:
    """A founder's or a head's title, not a town's or a country's ('co-founder', 'chief
    executive'; not 'mayor', 'president')."""
    title, predicates = lex.title([t.lower_ for t in post.subtree if t.i <= post.i])
    place = title in lex.words("place_offices") or title in lex.words("state_heads")
    return post.pos_ == "NOUN" and bool({"founded", "leads"} & set(predicates)) and not place


def _known(span: Span, lex: Lex) -> bool:
    """A place or an organisation a gazetteer or GeoNames knows by this name."""
    return bool(lex.gaz.lookup(span.text, lex.lang) or lex.city(span.text))
