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

The network is read from the graph's triples, subject by subject, not through SPARQL: a Turtle
file is streamed through Oxigraph's parser (``read_rows``, ``read_network``) without building a
store, which would cost more than the whole export (docs/performance.md).
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from rdflib import RDF, RDFS
from rdflib.namespace import DCTERMS, SKOS

from ..graph.vocab import CHANGE, KG, SCHEMA, STANCE

if TYPE_CHECKING:  # networkx is imported where a network is made: writing a file from rows needs none
    import networkx as nx
    from rdflib import Graph

Triples = Iterable[tuple[str, str, str]]  # (subject, predicate, object): IRIs, and literals' lexical forms
Described = dict[str, dict[str, list[str]]]  # subject -> predicate -> objects
Node = tuple[str, dict]  # a node and its attributes
Edge = tuple[str, str, str, dict]  # source, target, key and attributes

TYPES = {str(SCHEMA.Person): "person", str(SCHEMA.Organization): "organization", str(KG.Collective): "collective",
         str(SCHEMA.Place): "place"}
STANCES = {str(node): name for name, node in STANCE.items()}
CHANGES = {str(node): name for name, node in CHANGE.items()}
TYPE, LABEL, PREF, ALT = str(RDF.type), str(RDFS.label), str(SKOS.prefLabel), str(SKOS.altLabel)
IDENTIFIER = str(DCTERMS.identifier)
P = {name: str(KG[name]) for name in KG.__annotations__}
S = {name: str(SCHEMA[name]) for name in ("publisher", "datePublished", "text", "about", "jobTitle")}
READ = {TYPE, LABEL, PREF, ALT, IDENTIFIER, *S.values(), *(P[name] for name in (
    "article", "actor", "claim", "stance", "hedged", "ownVoice", "via", "date", "cue", "content", "evidence",
    "spreadRank", "change", "contested", "laundered", "outletCount", "firstSeen"))}  # what the network holds


def described(triples: Triples) -> Described:
    """Each subject's objects by predicate. A kgbuild graph's triples come subject by subject, so
    the subject's dictionary is looked up again only when the subject changes."""
    subjects: Described = {}
    subject, found = None, {}
    for node, predicate, value in triples:
        if node != subject:
            subject, found = node, subjects.setdefault(node, {})
        values = found.get(predicate)
        if values is None:
            found[predicate] = [value]
        else:
            values.append(value)
    return subjects


def turtle_triples(path: str | Path) -> Triples:
    """A Turtle file's triples that the network holds, streamed by Oxigraph's parser."""
    import pyoxigraph

    for triple in pyoxigraph.parse(path=str(path), format=pyoxigraph.RdfFormat.TURTLE):
        predicate = triple.predicate.value
        if predicate in READ:
            yield triple.subject.value, predicate, triple.object.value


def one(values: dict[str, list[str]], predicate: str) -> str | None:
    found = values.get(predicate)
    return found[0] if found else None


def entity_attributes(values: dict[str, list[str]], kind: str) -> dict:
    kinds = sorted(TYPES[t] for t in values.get(TYPE, ()) if t in TYPES)
    return {"kind": kind, "label": one(values, PREF), "type": kinds[0] if kinds else None,
            "aliases": sorted(values.get(ALT, ())), "roles": sorted(values.get(S["jobTitle"], ()))}


def node_rows(subjects: Described) -> list[Node]:
    """Outlets, then claims, then actors, then entities, each in the order of their IRIs."""
    typed = {node: set(values.get(TYPE, ())) for node, values in subjects.items()}
    outlets = sorted(node for node, types in typed.items() if P["Outlet"] in types)
    claims = sorted(node for node, types in typed.items() if P["Claim"] in types)
    actors = sorted(node for node, types in typed.items() if P["Actor"] in types and P["Outlet"] not in types)
    about = {entity for claim in claims for entity in subjects[claim].get(S["about"], ())}
    rows = [(node, {"kind": "outlet", "label": one(subjects[node], LABEL)}) for node in outlets]
    for node in claims:
        values = subjects[node]
        rows.append((node, {"kind": "claim", "label": one(values, S["text"]), "contested": one(values, P["contested"]) == "true",
                            "laundered": one(values, P["laundered"]) == "true", "outlets": int(one(values, P["outletCount"])),
                            "first_seen": one(values, P["firstSeen"])}))
    rows += [(node, entity_attributes(subjects[node], "actor")) for node in actors]
    rows += [(node, entity_attributes(subjects[node], "entity")) for node in sorted(about - {*outlets, *actors})]
    return rows


def attribution_attributes(values: dict[str, list[str]], subjects: Described) -> dict:
    article = subjects[one(values, P["article"])]
    rank, via = one(values, P["spreadRank"]), one(values, P["via"])
    return {
        "stance": STANCES[one(values, P["stance"])], "hedged": one(values, P["hedged"]) == "true",
        "own_voice": one(values, P["ownVoice"]), "via": via and one(subjects[via], LABEL),
        "date": one(values, P["date"]), "published": one(article, S["datePublished"]),
        "article": one(article, IDENTIFIER), "cue": one(values, P["cue"]), "content": one(values, P["content"]),
        "evidence": one(values, P["evidence"]), "spread_rank": rank and int(rank),
        "changes": sorted(CHANGES[c] for c in values.get(P["change"], ())),
    }


def edge_rows(subjects: Described) -> list[Edge]:
    """Each attribution's ``carries`` and ``says`` edges, in the order of its IRI; then each
    claim's ``about`` edges."""
    rows: list[Edge] = []
    attributions = sorted(node for node, values in subjects.items() if P["Attribution"] in values.get(TYPE, ()))
    for node in attributions:
        values = subjects[node]
        attributes = attribution_attributes(values, subjects)
        claim = one(values, P["claim"])
        outlet = one(subjects[one(values, P["article"])], S["publisher"])
        rows.append((outlet, claim, f"{node}#carries", {"relation": "carries", **attributes}))
        if attributes["own_voice"] is None:
            rows.append((one(values, P["actor"]), claim, f"{node}#says", {"relation": "says", **attributes}))
    claims = sorted(node for node, values in subjects.items() if P["Claim"] in values.get(TYPE, ()))
    for claim in claims:
        for entity in sorted(subjects[claim].get(S["about"], ())):
            rows.append((claim, entity, f"{claim}#about#{entity}", {"relation": "about"}))
    return rows


def rows_of(triples: Triples) -> tuple[list[Node], list[Edge]]:
    """The nodes and edges of a graph's triples, in sorted order: the same graph, the same rows."""
    subjects = described(triples)
    return node_rows(subjects), edge_rows(subjects)


def read_rows(path: str | Path) -> tuple[list[Node], list[Edge]]:
    """``rows_of`` a Turtle file, streamed: no store is built."""
    return rows_of(turtle_triples(path))


def network(nodes: list[Node], edges: list[Edge]) -> nx.MultiDiGraph:
    import networkx as nx

    made = nx.MultiDiGraph()
    made.add_nodes_from(nodes)
    made.add_edges_from(edges)
    return made


def to_networkx(graph: Graph) -> nx.MultiDiGraph:
    """A loaded graph's outlets, claims, actors and what claims are about, and the attributions
    between them, as a ``networkx.MultiDiGraph`` (see the module's docstring)."""
    return network(*rows_of((str(s), str(p), str(o)) for s, p, o in graph if str(p) in READ))


def read_network(path: str | Path) -> nx.MultiDiGraph:
    """``to_networkx`` of a Turtle file, streamed: no store is built."""
    return network(*read_rows(path))
