"""Turn Frog's analysis into a spaCy `Doc` whose text is exactly the article's text.

Three conversions: multi-word units (X_Y) become separate tokens; Alpino's trees are
repaired and reshaped the spaCy way (kg/nlp/alpino.py); Frog's labels become spaCy English
labels via kg/data/frog.toml.
"""

from __future__ import annotations

from itertools import pairwise
from typing import Any

from spacy.tokens import Doc
from spacy.vocab import Vocab

from kg.lexicon import load_toml
from kg.nlp.alpino import Tok, repair
from kg.nlp.frog import Row


def _upos(tag: str, table: dict[str, str]) -> str:
    return next((upos for prefix, upos in table.items() if tag.startswith(prefix)), "X")


def _split(field: str, n: int) -> list[str]:
    parts = field.split("_") if field else [""]
    return parts + [parts[-1]] * (n - len(parts)) if len(parts) < n else parts[:n]


def _expand(sentences: list[list[Row]], cfg: dict[str, Any]) -> list[Tok]:
    """One Tok per word; MWU parts hang off their first part with the label `flat`."""
    toks: list[Tok] = []
    for rows in sentences:
        first_of: dict[str, int] = {}
        base = len(toks)
        for row in rows:
            words = row[1].split("_")
            first_of[row[0]] = len(toks)
            lemmas, tags, ners = (_split(row[c], len(words)) for c in (2, 4, 6))
            for k, word in enumerate(words):
                head = len(toks) - k if k else -1
                dep = "flat" if k else row[10] if len(row) > 10 else "dep"
                tag = tags[k]
                toks.append(
                    Tok(word, lemmas[k], tag, _upos(tag, cfg["pos"]), ners[k], head, dep, False)
                )
        toks[base].sent_start = True
        for row in rows:
            i = first_of[row[0]]
            head_id = row[9] if len(row) > 9 else "0"
            toks[i].head = first_of.get(head_id, i)
    return toks


def _relabel(toks: list[Tok], cfg: dict[str, Any]) -> None:
    by_pos, table = cfg["dep_by_pos"], cfg["dep"]
    for t in toks:
        head_pos = toks[t.head].pos
        t.dep = (
            by_pos.get(f"{t.dep}@{t.pos}")
            or table.get(f"{t.dep}@{head_pos}")
            or table.get(t.dep, t.dep)
        )


def _iob(toks: list[Tok], ner_map: dict[str, str]) -> list[str]:
    tags = []
    for t in toks:
        if t.ner[:2] in ("B-", "I-") and t.ner[2:].lower() in ner_map:
            tags.append(t.ner[:2] + ner_map[t.ner[2:].lower()])
        else:
            tags.append("O")
    return tags


def frog_to_doc(text: str, sentences: list[list[Row]], vocab: Vocab) -> Doc:
    """A Doc over exactly `text`, annotated with Frog's analysis `sentences`."""
    cfg = load_toml("frog.toml")
    toks = _expand(sentences, cfg)
    for begin, end in _sentences(toks):
        _repair_sentence(toks, begin, end, cfg["syntax"])
    _relabel(toks, cfg)
    return _build(text, _align(text, toks), toks, _iob(toks, cfg["ner"]), vocab, cfg)


def _sentences(toks: list[Tok]) -> list[tuple[int, int]]:
    starts = [i for i, t in enumerate(toks) if t.sent_start] + [len(toks)]
    return list(pairwise(starts))


def _repair_sentence(toks: list[Tok], begin: int, end: int, syntax: dict[str, Any]) -> None:
    """The repairs on one sentence's tree, so that their cost grows with the sentence, not
    with the article (on the whole token list they took minutes for a 20,000-character text)."""
    sentence = toks[begin:end]
    for t in sentence:
        t.head -= begin
    repair(sentence, syntax)
    for t in sentence:
        t.head += begin


Piece = tuple[int, int, str]  # (start in text, index into toks or -1 for filler, surface)


def _align(text: str, toks: list[Tok]) -> list[Piece]:
    """Frog's words located in `text`, in order; text Frog did not return becomes filler."""
    out: list[Piece] = []
    cursor = 0
    for i, t in enumerate(toks):
        at = text.find(t.word, cursor)
        if at < 0 or at - cursor > 200:
            continue  # Frog altered the word: its text is left to a filler token
        gap = text[cursor:at]
        if gap.strip():
            out.append((cursor + len(gap) - len(gap.lstrip()), -1, gap.strip()))
        out.append((at, i, t.word))
        cursor = at + len(t.word)
    return out


def _words(text: str, pieces: list[Piece]) -> tuple[list[str], list[bool], list[int]]:
    """spaCy words and spaces reproducing `text`; per word, its toks index (-1: none)."""
    words: list[str] = []
    spaces: list[bool] = []
    source: list[int] = []
    cursor = 0
    for start, i, surface in [*pieces, (len(text), -1, "")]:
        gap = text[cursor:start]
        if gap and words and gap[0] == " ":
            spaces[-1], gap = True, gap[1:]
        for part in (gap, surface):
            if part:
                words.append(part)
                spaces.append(False)
                source.append(i if part is surface else -1)
        cursor = start + len(surface)
    return words, spaces, source


def _morph(tag: str, table: dict[str, str]) -> str:
    """spaCy morphology from the CGN tag's features: 'VNW(pers,pron,stan,red,3,mv)' is plural."""
    feats = tag.partition("(")[2].rstrip(")").split(",")
    return "|".join(sorted({table[f] for f in feats if f in table}))


def _build(
    text: str,
    pieces: list[Piece],
    toks: list[Tok],
    iob: list[str],
    vocab: Vocab,
    cfg: dict[str, Any],
) -> Doc:
    words, spaces, source = _words(text, pieces)
    position = {i: k for k, i in enumerate(source) if i >= 0}
    heads: list[int] = []
    deps, pos, tags, lemmas, ents, morphs = [], [], [], [], [], []
    starts: list[bool | int | None] = []
    for k, i in enumerate(source):
        blank = not words[k].strip()
        if i < 0:
            t = Tok(
                words[k],
                words[k],
                "_SP" if blank else "X",
                "SPACE" if blank else "X",
                "O",
                -1,
                "dep",
                k == 0,
            )
            heads.append(k - 1 if k else 0)
        else:
            t = toks[i]
            heads.append(position.get(t.head, k))
        deps.append("ROOT" if heads[-1] == k else t.dep)
        pos.append(t.pos)
        tags.append(t.tag)
        lemmas.append(t.lemma)
        morphs.append(_morph(t.tag, cfg["morph"]))
        starts.append(t.sent_start or k == 0)
        ents.append(iob[i] if i >= 0 else "O")
    return Doc(
        vocab,
        words=words,
        spaces=spaces,
        heads=heads,
        deps=deps,
        pos=pos,
        tags=tags,
        lemmas=lemmas,
        morphs=morphs,
        sent_starts=starts,
        ents=_repair_iob(ents),
    )


def _repair_iob(tags: list[str]) -> list[str]:
    """Dropped or filler words can split a span: an I- after O starts a new span."""
    return [
        "B-" + tag[2:] if tag.startswith("I-") and (k == 0 or tags[k - 1] == "O") else tag
        for k, tag in enumerate(tags)
    ]
