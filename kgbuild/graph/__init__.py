"""The graph: kgbuild's vocabulary (mirroring ``ontology/kgbuild.ttl``), its SHACL shapes, and a
built graph loaded for SPARQL.

Promises: ``KG`` names every term of the ontology and nothing else (a typo is an error);
``load_graph`` gives an ``rdflib.Graph`` whose queries run in Oxigraph.
"""

from .vocab import DEFAULT_BASE, KG, ONTOLOGY, PREFIXES, SCHEMA, SHAPES, STANCE, bind

__all__ = ["DEFAULT_BASE", "KG", "ONTOLOGY", "OxigraphStore", "PREFIXES", "SCHEMA", "SHAPES", "STANCE", "bind", "load_graph"]


def __getattr__(name: str):
    """The store and ``load_graph``, imported when first asked for: writing a graph needs neither
    (nor oxrdflib, which they import)."""
    if name in ("OxigraphStore", "load_graph"):
        from . import store

        return getattr(store, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
