"""kgbuild: claim-provenance knowledge graphs from news — who said what, reported by whom, when."""

from __future__ import annotations

from pathlib import Path

__version__ = "0.1.0"
__all__ = ["__version__", "build", "cluster_names", "load_graph"]


def load_graph(path: str | Path = "out/graph.ttl", *, store: str = "oxigraph"):
    """A built graph as an ``rdflib.Graph``, ready for SPARQL.

    By default the graph lives in an Oxigraph store (``oxrdflib``, see ``kgbuild.store``): the
    usual rdflib calls (``graph.query``, ``graph.triples``, iteration) work unchanged, and SPARQL
    runs in Oxigraph's engine, which is many times faster than rdflib's on large graphs
    (``benchmarks/queries.py``). ``store="memory"`` gives rdflib's own store and engine.
    """
    from rdflib import Graph

    from .vocab import bind

    if store not in ("oxigraph", "memory"):
        raise ValueError(f"store must be 'oxigraph' or 'memory', not {store!r}")
    if store == "oxigraph":
        from .store import OxigraphStore

        return bind(Graph(store=OxigraphStore())).parse(str(path), format="ox-turtle")
    return bind(Graph()).parse(str(path), format="turtle")


def build(inputs=("seeds",), out="out", **options) -> dict:
    """Run the pipeline on ``inputs`` (files or folders); write the outputs under ``out``."""
    from .pipeline import build as run

    return run(inputs, out=out, **options)


def cluster_names(names: list[str]) -> list[list[str]]:
    """Group person names that are spelling variants of one another (see kgbuild.merge.names)."""
    from .merge.names import cluster_names as cluster

    return cluster(names)
