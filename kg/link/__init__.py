"""Link (the reduce): every article's `Extraction` -> one `Graph` of entities and triples.

In: the extractions of all articles at once. Out: entities merged across articles and
languages (a body's Dutch and English names by a shared gazetteer key or name), relations as
triples with a source in every article that states them, and the events of one story merged
into one.

- `entities`: mentions to entities, relations to triples (`link`)
- `names`: name keys (transliteration, surnames) that decide which mentions are one entity
- `events`: events that articles of one story report, merged or marked close
"""

from kg.link.entities import link

__all__ = ["link"]
