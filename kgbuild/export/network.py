"""A built graph (an rdflib ``Graph`` in kgbuild's vocabulary) -> a ``networkx.MultiDiGraph`` for
graph algorithms and notebooks.

Nodes are the graph's outlets, claims, actors and the entities claims are about, keyed by IRI,
each with a ``kind`` ("outlet", "claim", "actor", "entity") and a ``label``; actors and entities
also have a ``type`` ("person", "organization", "collective", "place"). Edges, keyed by the
attribution's IRI and their relation, are:

- ``carries``: outlet -> claim, one per attribution (the outlet's own voice included);
- ``says``: actor -> claim, one per attribution with a source (not the outlet's own voice);
- ``about``: claim -> entity, one per entity a claim names.

``carries`` and ``says`` edges hold the attribution: ``stance``, ``hedged``, ``own_voice``,
``via``, ``date``, ``published``, ``article``, ``cue``, ``content``, ``evidence``,
``spread_rank`` and the ``changes`` of its wording. A value the graph does not have is None.
The graph is read with a few SPARQL queries, which run in Oxigraph when it was loaded with
``kgbuild.load_graph``.
"""

from __future__ import annotations

from collections import defaultdict

import networkx as nx
from rdflib import Graph

from ..graph.vocab import CHANGE, PREFIXES

PREAMBLE = "".join(f"PREFIX {prefix}: <{namespace}>\n" for prefix, namespace in sorted(PREFIXES.items()))
TYPES = {"Person": "person", "Organization": "organization", "Collective": "collective", "Place": "place"}

OUTLETS = "SELECT ?node ?label WHERE { ?node a kg:Outlet ; rdfs:label ?label }"
CLAIMS = """SELECT ?node ?label ?contested ?laundered ?outlets ?firstSeen WHERE {
  ?node a kg:Claim ; schema:text ?label ; kg:contested ?contested ; kg:laundered ?laundered ; kg:outletCount ?outlets .
  OPTIONAL { ?node kg:firstSeen ?firstSeen } }"""
PEOPLE = """SELECT ?node ?label ?actor ?type WHERE {
  { ?node a kg:Actor } UNION { ?claim schema:about ?node }
  ?node skos:prefLabel ?label ; a ?type .
  BIND(EXISTS { ?node a kg:Actor } AS ?actor)
  FILTER(?type IN (schema:Person, schema:Organization, kg:Collective, schema:Place)) }"""
NAMES = "SELECT ?node ?name WHERE { ?node skos:altLabel ?name }"
ROLES = "SELECT ?node ?name WHERE { ?node schema:jobTitle ?name }"
ABOUT = "SELECT ?claim ?node WHERE { ?claim a kg:Claim ; schema:about ?node }"
ATTRIBUTIONS = """SELECT ?a ?outlet ?actor ?claim ?stance ?hedged ?voice ?via ?date ?published ?article ?cue
                         ?content ?evidence ?rank WHERE {
  ?a a kg:Attribution ; kg:article ?art ; kg:actor ?actor ; kg:claim ?claim ; kg:stance ?stance ; kg:hedged ?hedged ;
     kg:content ?content ; kg:evidence ?evidence .
  ?art schema:publisher ?outlet ; dcterms:identifier ?article .
  OPTIONAL { ?a kg:ownVoice ?voice } OPTIONAL { ?a kg:via/rdfs:label ?via } OPTIONAL { ?a kg:date ?date }
  OPTIONAL { ?art schema:datePublished ?published } OPTIONAL { ?a kg:cue ?cue } OPTIONAL { ?a kg:spreadRank ?rank } }"""
CHANGES = "SELECT ?a ?change WHERE { ?a kg:change ?change }"
CHANGE_NAMES = {str(node): name for name, node in CHANGE.items()}


def select(graph: Graph, query: str) -> list[tuple]:
    """The rows of a SELECT, each value as Python (str, bool, int; None when unbound), sorted
    (SPARQL's order is the engine's)."""
    rows = [tuple(None if v is None else v.toPython() for v in row) for row in graph.query(PREAMBLE + query)]
    return sorted(rows, key=lambda row: tuple("" if v is None else str(v) for v in row))


def text(value) -> str | None:
    """A literal as text: a date as its ISO form, None as None."""
    return None if value is None else str(value)


def local_name(iri: str) -> str:
    return iri.rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def many(graph: Graph, query: str) -> dict[str, list[str]]:
    """Node -> its values of a property that may have many, sorted."""
    found: dict[str, list[str]] = defaultdict(list)
    for node, value in select(graph, query):
        found[str(node)].append(str(value))
    return found


def add_nodes(network: nx.MultiDiGraph, graph: Graph) -> None:
    for node, label in select(graph, OUTLETS):
        network.add_node(str(node), kind="outlet", label=label)
    for node, label, contested, laundered, outlets, first_seen in select(graph, CLAIMS):
        network.add_node(str(node), kind="claim", label=label, contested=contested, laundered=laundered,
                         outlets=outlets, first_seen=text(first_seen))
    names, roles = many(graph, NAMES), many(graph, ROLES)
    for node, label, speaks, kind in select(graph, PEOPLE):
        node = str(node)
        if node in network:  # an outlet speaking in its own voice, or a second type of one entity
            continue
        network.add_node(node, kind="actor" if speaks else "entity", label=label, type=TYPES[local_name(str(kind))],
                         aliases=names.get(node, []), roles=roles.get(node, []))


def add_edges(network: nx.MultiDiGraph, graph: Graph) -> None:
    changes = {a: [CHANGE_NAMES[c] for c in found] for a, found in many(graph, CHANGES).items()}
    for a, outlet, actor, claim, stance, hedged, voice, via, date, published, article, cue, content, evidence, rank in \
            select(graph, ATTRIBUTIONS):
        a = str(a)
        attributes = {
            "stance": local_name(str(stance)).lower(), "hedged": hedged, "own_voice": voice, "via": via,
            "date": text(date), "published": text(published), "article": article, "cue": cue, "content": content,
            "evidence": evidence, "spread_rank": rank, "changes": changes.get(a, []), "attribution": a,
        }
        network.add_edge(str(outlet), str(claim), key=f"{a}#carries", relation="carries", **attributes)
        if voice is None:
            network.add_edge(str(actor), str(claim), key=f"{a}#says", relation="says", **attributes)
    for claim, node in select(graph, ABOUT):
        claim, node = str(claim), str(node)
        network.add_edge(claim, node, key=f"{claim}#about#{node}", relation="about")


def to_networkx(graph: Graph) -> nx.MultiDiGraph:
    """The graph's outlets, claims, actors and what claims are about, and the attributions between
    them, as a ``networkx.MultiDiGraph`` (see the module's docstring for its nodes and edges);
    nodes and edges are added in sorted order, so the same graph gives the same network."""
    network = nx.MultiDiGraph()
    add_nodes(network, graph)
    add_edges(network, graph)
    return network
