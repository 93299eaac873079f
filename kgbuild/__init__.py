"""kgbuild: claim-provenance knowledge graphs from news — who said what, reported by whom, when.

The public API: ``build`` runs the pipeline (``kgbuild.pipeline``), ``load_graph`` loads a built
graph for SPARQL (``kgbuild.graph``), ``to_networkx`` turns it into a networkx graph
(``kgbuild.export.network``), ``cluster_names`` groups spelling variants of names
(``kgbuild.merge.names``). The stages are packages of their own: ``ingest``, ``extract``,
``merge``, ``export``; ``graph`` holds the vocabulary, ``runtime`` where the work runs,
``evaluation`` the measures.
"""

from __future__ import annotations

from pathlib import Path

__version__ = "0.1.0"
__all__ = ["__version__", "build", "cluster_names", "load_graph", "to_networkx"]


def load_graph(path: str | Path = "out/graph.ttl", *, store: str = "oxigraph"):
    """A built graph as an ``rdflib.Graph``, ready for SPARQL; its queries run in Oxigraph
    (``store="memory"``: rdflib's own store and engine). See ``kgbuild.graph.load_graph``."""
    from .graph import load_graph as load

    return load(path, store=store)


def to_networkx(graph):
    """A loaded graph (``load_graph``) as a ``networkx.MultiDiGraph`` of outlets, claims, actors and
    what claims are about, its edges the attributions. See ``kgbuild.export.network``."""
    from .export.network import to_networkx as convert

    return convert(graph)


def build(inputs=("seeds",), out="out", **options) -> dict:
    """Run the pipeline on ``inputs`` (files or folders); write the outputs under ``out``; return
    the report. See ``kgbuild.pipeline.build`` for the options."""
    from .pipeline import build as run

    return run(inputs, out=out, **options)


def cluster_names(names: list[str]) -> list[list[str]]:
    """Group person names that are spelling variants of one another (see ``kgbuild.merge.names``)."""
    from .merge.names import cluster_names as cluster

    return cluster(names)
