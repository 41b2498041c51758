"""NLP back ends. Each turns an article's text into a spaCy `Doc` with the same label scheme
(spaCy English: nsubj, dobj, prep, pobj, ...; PERSON, ORG, GPE, ...), so one extractor
serves all languages."""
