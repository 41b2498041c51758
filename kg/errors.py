"""The errors kg raises. The CLI turns each into one line and a non-zero exit."""


class KGError(Exception):
    """Base class: something the user can fix (bad input, missing model, bad query)."""

    exit_code = 1


class InputError(KGError):
    """An article cannot be read: missing, empty, binary, wrong encoding, too big, HTML."""

    exit_code = 2


class ModelError(KGError):
    """An NLP model or tool (spaCy pipeline, Frog) is missing or failed."""

    exit_code = 3


class OntologyError(KGError):
    """A term is not in the ontology, or the ontology file is unusable."""

    exit_code = 4


class QueryError(KGError):
    """A SPARQL query cannot be found, parsed or run."""

    exit_code = 5


class ValidationError(KGError):
    """A graph does not satisfy the SHACL shapes (ontology/shapes.ttl)."""

    exit_code = 6
