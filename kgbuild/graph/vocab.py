"""The kgbuild vocabulary, term for term as in ``ontology/kgbuild.ttl`` (a test keeps them equal)."""

from pathlib import Path

from rdflib import RDF, RDFS, XSD, Graph, Namespace, URIRef
from rdflib.namespace import DCTERMS, PROV, SKOS, DefinedNamespace

# The project's ontology/ folder, which the package links to, so that an installed kgbuild has it too.
ONTOLOGY_DIR = Path(__file__).resolve().parent / "ontology"
ONTOLOGY = ONTOLOGY_DIR / "kgbuild.ttl"
SHAPES = ONTOLOGY_DIR / "shapes.ttl"

SCHEMA = Namespace("https://schema.org/")
DEFAULT_BASE = "https://w3id.org/kgbuild/id/"


class KG(DefinedNamespace):
    _NS = Namespace("https://w3id.org/kgbuild/ns#")
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


STANCE = {
    "asserts": KG.Asserts,
    "denies": KG.Denies,
    "refutes": KG.Refutes,
    "confirms": KG.Confirms,
    "questions": KG.Questions,
}

CHANGE = {
    "words added": KG.WordsAdded,
    "words dropped": KG.WordsDropped,
    "words changed": KG.WordsChanged,
    "numbers changed": KG.NumbersChanged,
    "hedge added": KG.HedgeAdded,
    "hedge dropped": KG.HedgeDropped,
    "source added": KG.SourceAdded,
    "source dropped": KG.SourceDropped,
    "quotation shortened": KG.QuoteShortened,
}


PREFIXES = {
    "dcterms": str(DCTERMS),
    "kg": str(KG._NS),
    "prov": str(PROV),
    "rdf": str(RDF),
    "rdfs": str(RDFS),
    "schema": str(SCHEMA),
    "skos": str(SKOS),
    "xsd": str(XSD),
}


def bind(graph: Graph) -> Graph:
    """The graph, with kgbuild's prefixes bound."""
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace)
    return graph
