"""The organisations and countries a title is held in: named in it ('League chair'), after 'of'
('Governor X of Y'), or a company a definite noun stands for ("the company's founder"); not a
name that describes another noun ('head of Beta firm Acme': Acme, not Beta), a place that
locates the office ('director of Acme in Ruritania'), or an aside in brackets."""

from __future__ import annotations

from spacy.tokens import Token

from kg.extract.common import preps
from kg.extract.docs import kids
from kg.extract.mentions import MentionIndex
from kg.extract.named import doc_text
from kg.extract.offices import AGENTS, DESCRIBING
from kg.model import EntityType, Mention


def _bracketed(tok: Token) -> bool:
    doc = tok.doc
    return 0 < tok.i < len(doc) - 1 and doc[tok.i - 1].text == "(" and doc[tok.i + 1].text == ")"


def title_orgs(head: Token, tokens: list[Token], index: MentionIndex) -> list[Mention]:
    """The organisations and countries of the title: named in it ('League chair'), or after
    the name's 'of' or 'at' ('Governor X of Y', 'nickel analyst X at Y'); not an aside in
    brackets ('chairman of Acme (Ruritania) Inc'), nor where the post is ('a Ruritania-based fund
    manager')."""
    found = [
        index.by_token.get(t.i) or index.prefixes.get(t.i) or _definite(t, index)
        for t in tokens
        if not _bracketed(t)
        and not _describes_a_noun(t, index)
        and not _locates(t, index)
        and not _parent_of_named(t, index)
    ]
    named = index.by_token.get(head.i)
    peer = named is not None and named.label.split(" ", 1)[0].lower() in index.lex.words(
        "peer_honorifics"
    )
    if not peer:  # 'Lord X of Y': Y is in the peer's title, no employer
        found += [
            index.by_token.get(t.i) for t in preps(head, index.lex.words("name_office_preps"))
        ]
    if not any(m is not None and m.type in AGENTS for m in found):
        found += _its_firm(tokens, head, index)  # 'Acme said its chairman X would retire'
    text = doc_text(head.doc)
    orgs = list(dict.fromkeys(m for m in found if m is not None and m.type in AGENTS))
    orgs = [m for m in orgs if text[max(0, m.start - 4) : m.start].lower() != "non-"]  # non-League
    based = tuple(f"-{w}" for w in index.lex.words("base_words"))
    orgs = [m for m in orgs if not text[m.end : m.end + 14].lower().startswith(based)]
    owned = any(t.dep_ == "poss" and _owner_word(t, index) for t in tokens)  # 'its Ruritania chief'
    if (
        owned
        or any(m.type == EntityType.ORGANIZATION for m in orgs)
        or _with_a_company(tokens, index)
    ):
        # "Ruritania's Acme chief", "of Ruritania firm Acme": Acme; 'Ruritania director of
        # filtering firm X': not Ruritania, whether the NER found X or not
        orgs = [m for m in orgs if m.type == EntityType.ORGANIZATION]
    return orgs


def _its_firm(tokens: list[Token], head: Token, index: MentionIndex) -> list[Mention]:
    """The company an 'its' on the title stands for: the named subject of the verb whose
    clause the person is the subject of ('Acme said ITS chairman X would retire': Acme)."""
    if not any(t.dep_ == "poss" and t.lower_ == "its" and t.head.dep_ != "poss" for t in tokens):
        return []
    subject = head.head if head.dep_ == "appos" else head  # 'its chairman, X,'
    clause = subject.head
    if subject.dep_ not in ("nsubj", "nsubjpass") or clause.dep_ != "ccomp":
        return []
    subjects = [c for c in kids(clause.head) if c.dep_ == "nsubj"]
    named = [m for c in subjects if (m := index.by_token.get(c.i)) is not None]
    return [m for m in named[:1] if m.type == EntityType.ORGANIZATION]


def _owner_word(tok: Token, index: MentionIndex) -> bool:
    """A possessive that owns the post ('its', "A&B's"): a pronoun, or a name that is no
    country's ("A&B's Ruritania head of tax" is the firm's, in Ruritania)."""
    if tok.pos_ == "PRON":
        return True
    owner = index.by_token.get(tok.i)
    return tok.pos_ == "PROPN" and (owner is None or owner.type != EntityType.COUNTRY)


def _parent_of_named(tok: Token, index: MentionIndex) -> bool:
    """ "president of Acme's Data Systems Group": Acme owns the unit the post is at."""
    own = index.by_token.get(tok.i)
    while tok.dep_ == "compound" and own is not None and index.by_token.get(tok.head.i) == own:
        tok = tok.head  # 'Acme' of "Acme Corp's": the name's last word says whose it is
    unit = index.by_token.get(tok.head.i)
    named = unit is not None and unit.type == EntityType.ORGANIZATION and unit != own
    head = tok.head  # "president of Acme's Employees Union", a name the NER missed
    missed = unit is None and head.text[:1].isupper() and head.pos_ in ("PROPN", "NOUN")
    unnamed = missed and not index.lex.title([head.lower_])[1] and not head.is_sent_start
    return tok.dep_ == "poss" and (named or unnamed)


def _definite(tok: Token, index: MentionIndex) -> Mention | None:
    """ "X, the company's founder": the organisation 'the company' stands for."""
    found = index.corefs.get(tok.i, ()) if tok.dep_ == "poss" else ()
    return found[0] if len(found) == 1 and found[0].type == EntityType.ORGANIZATION else None


def _with_a_company(tokens: list[Token], index: MentionIndex) -> bool:
    """The office is with a company named by a common noun ('director OF filtering FIRM X',
    'chief of the bank')."""
    nouns, office = index.lex.words("company_nouns"), index.lex.words("office_preps")
    for t in (t for t in tokens if t.lemma_.lower() in nouns):
        obj = t.head if t.dep_ in ("compound", "appos") else t  # 'firm Acme': Acme
        if obj.dep_ == "pobj" and obj.head.lower_ in office:
            return True
    return False


def _describes_a_noun(tok: Token, index: MentionIndex) -> bool:
    """A name that modifies a common noun which is not a title ('of Ruritania magazine Beta Format',
    'head of Beta firm Acme', "chairman of Ruritania's biggest bank") or a name the NER missed
    ('Ruritania FA spokesman') describes it: it is not the office's organisation. Nor is an
    unknown name before 'minister' (a portfolio: 'Civil Aviation minister')."""
    mention = index.by_token.get(tok.i)
    head = tok.head
    while head.i != tok.i and index.by_token.get(head.i) == mention and mention is not None:
        tok, head = head, head.head  # to the last word of the name
    while tok.dep_ == "conj" and head.i != tok.i:  # 'Minister of Energy, Chemical and X'
        tok, head = head, head.head
    if tok.dep_ == "pobj" and head.lower_ in index.lex.words("office_preps"):
        portfolio = head.head.lemma_.lower() in index.lex.words("portfolio_titles")
        if portfolio and mention is not None and mention.key.startswith("name:"):
            return True  # 'Minister of Energy and Chemical Industries': a portfolio
        return _missed_name(head.head, index)  # 'Bank of Ruritania governor'
    if tok.dep_ == "pobj" and head.lower_ not in index.lex.words("employer_preps"):
        return True  # what the post is about: 'consultant ON RFID', 'envoy TO Ruritania'
    if head.i == tok.i or tok.dep_ not in DESCRIBING:
        return False
    lemma = head.lemma_.lower()
    if lemma in index.lex.words("unit_nouns"):
        return False  # "director of Acme's trading division", 'chair of the Senate panel'
    named_after = head.i + 1 < len(tok.doc) and head.i + 1 in index.by_token
    national = mention is not None and mention.type == EntityType.COUNTRY
    if lemma in index.lex.words("company_nouns") and national:
        return True  # 'Ruritanian central bank governor X': the bank's, not the country's
    if lemma in index.lex.words("company_nouns") and not named_after:
        return False  # 'editor of Beta Camera magazine': the magazine (not 'Beta firm Acme')
    if lemma in index.lex.words("portfolio_titles") and mention and mention.key.startswith("name:"):
        body = mention.text.lower().rsplit(" ", 1)[-1] in index.lex.words("body_heads")
        return not body  # 'Civil Aviation minister': a portfolio; 'Home Office minister': a body
    after = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    missed = after is not None and after.i not in index.by_token and _abbreviation(after.text)
    if missed and after is not None and after.lower_ not in index.lex.title_words():
        return True  # a name the NER missed goes on: 'Ruritania FA spokesman' (not 'Party MP')
    beat = _on_a_beat(head, index)  # 'Acme home affairs correspondent': Acme's
    return head.pos_ == "NOUN" and lemma not in index.lex.title_words() and not beat


def _on_a_beat(noun: Token, index: MentionIndex) -> bool:
    """A portfolio between a name and a title is the post's field, not what the name describes
    ('Acme home affairs correspondent', 'Party health spokesman')."""
    words = [c.lower_ for c in noun.lefts if c.dep_ in ("compound", "amod")] + [noun.lower_]
    field = " ".join(words[-2:]) in index.lex.words("portfolios") or noun.lower_ in index.lex.words(
        "portfolios"
    )
    fields = any(c.dep_ == "cc" for c in kids(noun))  # 'Party work and pensions spokesman'
    return (field or fields) and noun.head.lemma_.lower() in index.lex.title_words()


def _missed_name(owner: Token, index: MentionIndex) -> bool:
    """A capitalised word that is not a title, place word or name, before 'of': the start of
    a name the NER missed ('Bank of Ruritania'), which the name after 'of' is part of."""
    words = index.lex.title_words()
    return (
        owner.pos_ in ("NOUN", "PROPN")
        and owner.text[:1].isupper()
        and owner.i not in index.by_token
        and owner.i not in index.prefixes
        and owner.lemma_.lower() not in words
    )


def _locates(tok: Token, index: MentionIndex) -> bool:
    """A name after 'at' or 'in' on another organisation says where that one is ('director
    of the Acme Centre at Ruritown University'): the office is in the first."""
    prep = tok.head
    while prep.dep_ != "prep" and prep.head.i != prep.i and index.by_token.get(prep.i):
        prep = prep.head  # up from the last word of the name
    owner = index.by_token.get(prep.head.i)
    mention = index.by_token.get(tok.i)
    return (
        prep.dep_ == "prep"
        and prep.lower_ in index.lex.words("locating_preps")
        and owner is not None
        and owner != mention
        and owner.type == EntityType.ORGANIZATION
    )


def _abbreviation(text: str) -> bool:
    return len(text) >= 2 and text.isalpha() and text.isupper()


def personal_employer(tokens: list[Token], person: Mention, index: MentionIndex) -> Mention | None:
    """The named person whose possessive is on a staff title ("X's lawyer Y", "Z's aide W"):
    the one the holder works for."""
    for t in (c for word in tokens for c in (word, *word.lefts)):
        boss = index.by_token.get(t.i) if t.dep_ == "poss" else None
        if boss is not None and boss.type == EntityType.PERSON and boss.key != person.key:
            return boss
    return None
