"""A built graph in kgbuild's vocabulary -> a ``networkx.MultiDiGraph`` for graph algorithms,
notebooks and Gephi.

Nodes are the graph's outlets, claims, actors and the entities claims are about, keyed by IRI,
each with a ``kind`` ("outlet", "claim", "actor", "entity") and a ``label``; actors and entities
also have a ``type`` ("person", "organization", "collective", "place"). Edges, keyed by the
attribution's IRI and their relation, are:

- ``carries``: outlet -> claim, one per attribution (the outlet's own voice included);
- ``says``: actor -> claim, one per attribution with a source (not the outlet's own voice);
- ``about``: claim -> entity, one per entity a claim names.

``carries`` and ``says`` edges hold the attribution: ``stance``, ``hedged``, ``own_voice``,
``via``, ``date``, ``published``, ``article``, ``cue``, ``content``, ``evidence``,
``spread_rank`` and the ``changes`` of its wording; the edge's key is the attribution's IRI, then
"#carries" or "#says". A value the graph does not have is None.

The network is read from the graph's triples as Oxigraph gives them, subject by subject, not
through SPARQL: a Turtle file is streamed through Oxigraph's parser (``read_rows``,
``read_network``) without building a store, which would cost more than the whole export
(docs/performance.md).
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

import pyoxigraph

from ..graph.namespaces import CHANGE_TERMS, DCTERMS, KG, RDF, RDFS, SCHEMA, SKOS, STANCE_TERMS
from ..runtime.collector import collector_paused

if TYPE_CHECKING:  # networkx is imported where a network is made: writing a file from rows needs none
    import networkx as nx
    from rdflib import Graph

Quads = Iterable["pyoxigraph.Quad"]  # Oxigraph's: a term's value is an IRI, a blank node's id or a lexical form
Described = dict[str, dict[str, str | list[str]]]  # subject -> predicate -> object, or objects (MANY)
Node = tuple[str, dict]  # a node and its attributes
Edge = tuple[str, str, str, dict]  # source, target, key and attributes

TYPES = {SCHEMA + "Person": "person", SCHEMA + "Organization": "organization", KG + "Collective": "collective",
         SCHEMA + "Place": "place"}
CLASSES = {KG + name: name for name in ("Outlet", "Claim", "Actor", "Attribution")}
OUTLET = KG + "Outlet"
STANCES = {KG + term: name for name, term in STANCE_TERMS.items()}
CHANGES = {KG + term: name for name, term in CHANGE_TERMS.items()}
TYPE, LABEL, PREF, ALT = RDF + "type", RDFS + "label", SKOS + "prefLabel", SKOS + "altLabel"
IDENTIFIER = DCTERMS + "identifier"
P = {name: KG + name for name in (
    "article", "actor", "claim", "stance", "hedged", "ownVoice", "via", "date", "cue", "content", "evidence",
    "spreadRank", "change", "contested", "laundered", "outletCount", "firstSeen")}
S = {name: SCHEMA + name for name in ("publisher", "datePublished", "text", "about", "jobTitle")}
MANY = {TYPE, ALT, S["jobTitle"], S["about"], P["change"]}  # the predicates a subject may have more than once
# What the network holds: each predicate as Oxigraph's term -> its IRI. A triple's predicate is looked
# up as the term (no string made for each of them), and the subjects' dictionaries are keyed by these
# IRIs, not by copies of them.
READ = {pyoxigraph.NamedNode(predicate): predicate
        for predicate in (TYPE, LABEL, PREF, ALT, IDENTIFIER, *S.values(), *P.values())}


def described(quads: Quads) -> Described:
    """Each subject's object by predicate (a list of them for the predicates in ``MANY``), for the
    predicates the network holds (``READ``), each term as its value. A kgbuild graph's triples come
    subject by subject, so the subject is compared as Oxigraph's term, and made a string and its
    dictionary looked up again only when it changes."""
    subjects: Described = {}
    subject, found = None, {}
    for quad in quads:
        predicate = READ.get(quad.predicate)
        if predicate is None:
            continue
        node = quad.subject
        if node != subject:
            subject, found = node, subjects.setdefault(node.value, {})
        if predicate in MANY:
            found.setdefault(predicate, []).append(quad.object.value)
        else:
            found[predicate] = quad.object.value
    return subjects


def turtle_quads(path: str | Path) -> Quads:
    """A Turtle file's triples, streamed by Oxigraph's parser."""
    # lenient: IRIs are not checked again (a tenth of the parse); a syntax error still stops it
    return pyoxigraph.parse(path=str(path), format=pyoxigraph.RdfFormat.TURTLE, lenient=True)


def entity_attributes(values: dict, kind: str) -> dict:
    kinds = sorted(TYPES[t] for t in values.get(TYPE, ()) if t in TYPES)
    return {"kind": kind, "label": values.get(PREF), "type": kinds[0] if kinds else None,
            "aliases": sorted(values.get(ALT, ())), "roles": sorted(values.get(S["jobTitle"], ()))}


def typed(subjects: Described) -> dict[str, list[str]]:
    """The subjects of each class the network draws from, in the order of their IRIs."""
    found: dict[str, list[str]] = {name: [] for name in CLASSES.values()}
    for node, values in subjects.items():
        for kind in values.get(TYPE, ()):
            if kind in CLASSES:
                found[CLASSES[kind]].append(node)
    return {name: sorted(nodes) for name, nodes in found.items()}


def node_rows(subjects: Described, of_class: dict[str, list[str]]) -> list[Node]:
    """Outlets, then claims, then actors, then entities, each in the order of their IRIs."""
    outlets, claims = of_class["Outlet"], of_class["Claim"]
    actors = [node for node in of_class["Actor"] if OUTLET not in subjects[node][TYPE]]
    about = {entity for claim in claims for entity in subjects[claim].get(S["about"], ())}
    rows = [(node, {"kind": "outlet", "label": subjects[node].get(LABEL)}) for node in outlets]
    for node in claims:
        values = subjects[node]
        rows.append((node, {"kind": "claim", "label": values.get(S["text"]),
                            "contested": values.get(P["contested"]) == "true",
                            "laundered": values.get(P["laundered"]) == "true",
                            "outlets": int(values.get(P["outletCount"])), "first_seen": values.get(P["firstSeen"])}))
    rows += [(node, entity_attributes(subjects[node], "actor")) for node in actors]
    rows += [(node, entity_attributes(subjects[node], "entity")) for node in sorted(about - {*outlets, *actors})]
    return rows


def attribution_attributes(values: dict, subjects: Described) -> dict:
    article = subjects[values.get(P["article"])]
    rank, via = values.get(P["spreadRank"]), values.get(P["via"])
    return {
        "stance": STANCES[values.get(P["stance"])], "hedged": values.get(P["hedged"]) == "true",
        "own_voice": values.get(P["ownVoice"]), "via": via and subjects[via].get(LABEL),
        "date": values.get(P["date"]), "published": article.get(S["datePublished"]),
        "article": article.get(IDENTIFIER), "cue": values.get(P["cue"]), "content": values.get(P["content"]),
        "evidence": values.get(P["evidence"]), "spread_rank": rank and int(rank),
        "changes": sorted(CHANGES[c] for c in values.get(P["change"], ())),
    }


def edge_rows(subjects: Described, of_class: dict[str, list[str]]) -> list[Edge]:
    """Each attribution's ``carries`` and ``says`` edges, in the order of its IRI; then each
    claim's ``about`` edges."""
    rows: list[Edge] = []
    for node in of_class["Attribution"]:
        values = subjects[node]
        attributes = attribution_attributes(values, subjects)
        claim = values.get(P["claim"])
        outlet = subjects[values.get(P["article"])].get(S["publisher"])
        rows.append((outlet, claim, f"{node}#carries", {"relation": "carries", **attributes}))
        if attributes["own_voice"] is None:
            rows.append((values.get(P["actor"]), claim, f"{node}#says", {"relation": "says", **attributes}))
    for claim in of_class["Claim"]:
        for entity in sorted(subjects[claim].get(S["about"], ())):
            rows.append((claim, entity, f"{claim}#about#{entity}", {"relation": "about"}))
    return rows


@collector_paused()  # hundreds of thousands of dictionaries, lists and tuples, and no cycles
def rows_of(quads: Quads) -> tuple[list[Node], list[Edge]]:
    """The nodes and edges of a graph's triples, in sorted order: the same graph, the same rows."""
    subjects = described(quads)
    of_class = typed(subjects)
    return node_rows(subjects, of_class), edge_rows(subjects, of_class)


def read_rows(path: str | Path) -> tuple[list[Node], list[Edge]]:
    """``rows_of`` a Turtle file, streamed: no store is built."""
    return rows_of(turtle_quads(path))


@collector_paused()
def network(nodes: list[Node], edges: list[Edge]) -> nx.MultiDiGraph:
    import networkx as nx

    made = nx.MultiDiGraph()
    made.add_nodes_from(nodes)
    made.add_edges_from(edges)
    return made


def to_networkx(graph: Graph) -> nx.MultiDiGraph:
    """A loaded graph's outlets, claims, actors and what claims are about, and the attributions
    between them, as a ``networkx.MultiDiGraph`` (see the module's docstring)."""
    in_oxigraph = getattr(graph.store, "oxigraph_quads", None)  # a graph from load_graph: read straight from Oxigraph
    if in_oxigraph:
        quads = in_oxigraph(graph)
    else:  # rdflib's own store (to_graph, load_graph(store="memory")): its triples handed to Oxigraph as N-Triples
        quads = pyoxigraph.parse(graph.serialize(format="nt"), format=pyoxigraph.RdfFormat.N_TRIPLES, lenient=True)
    return network(*rows_of(quads))


def read_network(path: str | Path) -> nx.MultiDiGraph:
    """``to_networkx`` of a Turtle file, streamed: no store is built."""
    return network(*read_rows(path))
