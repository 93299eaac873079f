"""The graph: kgbuild's vocabulary (mirroring ``ontology/kgbuild.ttl``), its SHACL shapes, and a
built graph loaded for SPARQL.

Promises: ``KG`` names every term of the ontology and nothing else (a typo is an error);
``load_graph`` gives an ``rdflib.Graph`` whose queries run in Oxigraph.
"""

from .store import OxigraphStore, load_graph
from .vocab import DEFAULT_BASE, KG, ONTOLOGY, PREFIXES, SCHEMA, SHAPES, STANCE, bind

__all__ = ["DEFAULT_BASE", "KG", "ONTOLOGY", "OxigraphStore", "PREFIXES", "SCHEMA", "SHAPES", "STANCE", "bind", "load_graph"]
