"""kg: news articles (English, Dutch) to a typed knowledge graph with provenance.

import kg
graph = kg.build(["seeds/"])            # rdflib.Graph
kg.build_to(["seeds/"], Path("output"))  # graph.ttl + graph.html
kg.query("who-condemned-what", "output/graph.ttl")
"""

from kg.api import build, build_to, query, render
from kg.errors import InputError, KGError, ModelError, OntologyError, QueryError

__all__ = [
    "InputError", "KGError", "ModelError", "OntologyError", "QueryError",
    "build", "build_to", "query", "render",
]  # fmt: skip
