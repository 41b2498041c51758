"""Developer aid: print the parse, mentions and relations kg sees in a text.

.venv/bin/python scripts/show_parse.py nl "De rebellen worden gesteund door Rusland."
"""

from __future__ import annotations

import sys

from kg.extract import extract
from kg.model import Article
from kg.nlp.backends import NLP
from kg.pipeline.timings import Timings


def main() -> None:
    lang, texts = sys.argv[1], sys.argv[2:]
    nlp = NLP(Timings())
    try:
        for text in texts:
            article = Article("0" * 16, "cli", "cli", text, lang, "0" * 64)
            doc = nlp.parse(article)
            for t in doc:
                print(
                    f"{t.i:3} {t.text:18} {t.lemma_:16} {t.pos_:6} {t.dep_:10} -> {t.head.i:3}"
                    f" {t.ent_type_}"
                )
            ex = extract(article, doc)
            for m in ex.mentions:
                print("  M", m.text, m.type.value, m.key, m.is_name)
            for r in ex.relations:
                p, who = r.provenance, r.speaker.label if r.speaker else "-"
                print(
                    "  R",
                    r.subject.label,
                    r.predicate,
                    r.object.label,
                    p.rule,
                    p.confidence,
                    p.modality.value,
                    "said by",
                    who,
                )
    finally:
        nlp.close()


if __name__ == "__main__":
    main()
