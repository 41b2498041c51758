"""NLP (the map, second stage): an `Article` -> a spaCy `Doc`.

In: an article whose language is known. Out: its `Doc`, tokens, sentences, parse and named
entities, with the same label scheme whatever the language (spaCy English: nsubj, dobj, prep,
pobj, ...; PERSON, ORG, GPE, ...), so one extractor serves all languages.

- `backends`: the back ends of one process, started on first use (`NLP`)
- `english`: spaCy pipelines, loaded by configurable name
- `frog`, `frogdoc`, `alpino`: Dutch by a Frog server, its output turned into Docs and its
  trees repaired
- `text`: hard-wrapped wire copy unwrapped for the parsers, offsets unchanged
"""
