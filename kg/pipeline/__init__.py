"""The pipeline: the stages driven over a corpus, and what makes it fast and incremental.

read -> [language -> NLP -> extract] per article (the map, in worker processes) -> link (the
reduce) -> RDF -> outputs. In: paths and settings. Out: a `BuildResult` (the linked graph,
what was skipped, per-stage timings).

- `build`: reading, the map over articles not in the cache, linking (`build_graph`)
- `workers`: the map in worker processes, each with its own NLP back ends
- `cache`: each article's extraction kept between builds, and the build's manifest
- `timings`: seconds per stage
- `evaluate`: the extractor scored on hand-checked sentences (`kg eval`)
"""
