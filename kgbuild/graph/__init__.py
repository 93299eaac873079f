"""The graph: kgbuild's vocabulary (mirroring ``ontology/kgbuild.ttl``), its SHACL shapes, and a
built graph loaded for SPARQL.

Promises: ``KG`` names every term of the ontology and nothing else (a typo is an error);
``load_graph`` gives an ``rdflib.Graph`` whose queries run in Oxigraph.
"""

from .namespaces import DEFAULT_BASE, ONTOLOGY, PREFIXES, SHAPES

__all__ = ["DEFAULT_BASE", "KG", "ONTOLOGY", "OxigraphStore", "PREFIXES", "SCHEMA", "SHAPES", "STANCE", "bind", "load_graph"]
HOMES = {  # each name that needs rdflib -> its module, imported when the name is first asked for
    "KG": "vocab", "SCHEMA": "vocab", "STANCE": "vocab", "bind": "vocab",
    "OxigraphStore": "store", "load_graph": "store",
}


def __getattr__(name: str):
    """The rdflib terms, the store and ``load_graph``, imported when first asked for: reading a
    graph's terms as text needs none of them (nor rdflib or oxrdflib, which they import)."""
    if name in HOMES:
        from importlib import import_module

        return getattr(import_module(f".{HOMES[name]}", __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
