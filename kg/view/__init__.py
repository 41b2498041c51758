"""The view: an RDF graph -> one offline HTML page people look at.

In: an rdflib graph as kg.rdf writes it. Out: `graph.html` (pyvis and vis-network, inline),
its layout computed in Python.

- `data`: what the page shows (nodes, edges, labels, tooltips, sentences) as plain data
- `render`: the page itself, with the controls in `static/`
"""
