"""kgbuild's namespaces and the names of its stances and changes, as plain strings, and where
the ontology is: what reads or writes a graph's terms as text needs no rdflib (``kgbuild
export`` reads a graph without it). ``vocab`` makes rdflib's terms of them."""

from pathlib import Path

# The project's ontology/ folder, which the package links to, so that an installed kgbuild has it too.
ONTOLOGY_DIR = Path(__file__).resolve().parent / "ontology"
ONTOLOGY = ONTOLOGY_DIR / "kgbuild.ttl"
SHAPES = ONTOLOGY_DIR / "shapes.ttl"

DEFAULT_BASE = "https://w3id.org/kgbuild/id/"

PREFIXES = {
    "dcterms": "http://purl.org/dc/terms/",
    "kg": "https://w3id.org/kgbuild/ns#",
    "prov": "http://www.w3.org/ns/prov#",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "schema": "https://schema.org/",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
}
DCTERMS, KG, RDF, RDFS, SCHEMA, SKOS = (PREFIXES[name] for name in ("dcterms", "kg", "rdf", "rdfs", "schema", "skos"))

STANCE_TERMS = {  # a stance's name -> its term in kg:
    "asserts": "Asserts",
    "denies": "Denies",
    "refutes": "Refutes",
    "confirms": "Confirms",
    "questions": "Questions",
}

CHANGE_TERMS = {  # a change of wording's name -> its term in kg:
    "words added": "WordsAdded",
    "words dropped": "WordsDropped",
    "words changed": "WordsChanged",
    "numbers changed": "NumbersChanged",
    "hedge added": "HedgeAdded",
    "hedge dropped": "HedgeDropped",
    "source added": "SourceAdded",
    "source dropped": "SourceDropped",
    "quotation shortened": "QuoteShortened",
}
