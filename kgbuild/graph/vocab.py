"""The kgbuild vocabulary, term for term as in ``ontology/kgbuild.ttl`` (a test keeps them equal),
as rdflib's terms; its namespaces as plain strings are in ``namespaces``."""

from rdflib import Graph, Namespace, URIRef
from rdflib.namespace import DefinedNamespace

from . import namespaces
from .namespaces import CHANGE_TERMS, DEFAULT_BASE, ONTOLOGY, ONTOLOGY_DIR, PREFIXES, SHAPES, STANCE_TERMS

__all__ = ["CHANGE", "DEFAULT_BASE", "KG", "ONTOLOGY", "ONTOLOGY_DIR", "PREFIXES", "SCHEMA", "SHAPES", "STANCE", "bind"]

SCHEMA = Namespace(namespaces.SCHEMA)


class KG(DefinedNamespace):
    _NS = Namespace(namespaces.KG)
    _fail = True

    # classes
    Article: URIRef
    Outlet: URIRef
    Actor: URIRef
    Collective: URIRef
    Claim: URIRef
    Attribution: URIRef
    Channel: URIRef
    Stance: URIRef
    Merge: URIRef
    Change: URIRef
    # stances
    Asserts: URIRef
    Denies: URIRef
    Refutes: URIRef
    Confirms: URIRef
    Questions: URIRef
    # changes of wording
    WordsAdded: URIRef
    WordsDropped: URIRef
    WordsChanged: URIRef
    NumbersChanged: URIRef
    HedgeAdded: URIRef
    HedgeDropped: URIRef
    SourceAdded: URIRef
    SourceDropped: URIRef
    QuoteShortened: URIRef
    # attribution properties
    article: URIRef
    actor: URIRef
    claim: URIRef
    content: URIRef
    cue: URIRef
    stance: URIRef
    via: URIRef
    quote: URIRef
    direct: URIRef
    hedged: URIRef
    date: URIRef
    evidence: URIRef
    charStart: URIRef
    charEnd: URIRef
    sourceText: URIRef
    resolvedBy: URIRef
    confidence: URIRef
    claimRule: URIRef
    claimScore: URIRef
    rejects: URIRef
    ownVoice: URIRef
    inTitle: URIRef
    spreadRank: URIRef
    driftFrom: URIRef
    change: URIRef
    added: URIRef
    dropped: URIRef
    restatesAsFact: URIRef
    # article, claim and actor properties
    contentHash: URIRef
    contested: URIRef
    laundered: URIRef
    outletCount: URIRef
    firstSeen: URIRef
    merge: URIRef
    variant: URIRef
    mergedWith: URIRef
    rule: URIRef
    score: URIRef


STANCE = {name: KG[term] for name, term in STANCE_TERMS.items()}
CHANGE = {name: KG[term] for name, term in CHANGE_TERMS.items()}


def bind(graph: Graph) -> Graph:
    """The graph, with kgbuild's prefixes bound."""
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace)
    return graph
