"""RDF: the linked `Graph` -> an rdflib graph against the ontology, its files, its store and
SPARQL over them.

In: a `kg.model.Graph`, and the ontology (`kg.ontology`, shared with extract and link, which
check domains and ranges against it). Out: RDF (Turtle and other formats), validated against
the shapes, loaded into an Oxigraph store, queried and served.

- `iri`: the one place the data's IRIs are minted
- `graph`: the linked graph as RDF, statements with their provenance (`to_rdf`)
- `formats`: serialisations (Turtle, N-Triples, N-Quads, TriG, JSON-LD), reading graph files
- `validate`: SHACL shapes
- `store`: the Oxigraph store
- `query`: named and inline SPARQL queries, parameters, result tables
- `serve`: a SPARQL endpoint (Oxigraph's server) and the view on localhost
"""
