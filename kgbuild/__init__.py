"""kgbuild: claim-provenance knowledge graphs from news — who said what, reported by whom, when."""

from __future__ import annotations

from pathlib import Path

__version__ = "0.1.0"
__all__ = ["build", "load_graph", "cluster_names", "__version__"]


def load_graph(path: str | Path = "out/graph.ttl"):
    """A built graph as an ``rdflib.Graph``, ready for SPARQL."""
    from rdflib import Graph

    from .export.rdf import bind

    graph = bind(Graph())
    return graph.parse(str(path), format="turtle")


def build(inputs=("seeds",), out="out", **options) -> dict:
    """Run the pipeline on ``inputs`` (files or folders); write the outputs under ``out``."""
    from .pipeline import build as run

    return run(inputs, out=out, **options)


def cluster_names(names: list[str]) -> list[list[str]]:
    """Group person names that are spelling variants of one another (see kgbuild.merge.names)."""
    from .merge.names import cluster_names as cluster

    return cluster(names)
