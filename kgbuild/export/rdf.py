"""Merged records -> an rdflib Graph in the kgbuild vocabulary, and deterministic Turtle.

Every node is an IRI minted under ``base`` from a normalized name or a content hash, so the
same input always gives the same graph, and rdflib's sorted Turtle gives the same bytes.
"""

from __future__ import annotations

import hashlib
from decimal import Decimal
from urllib.parse import quote

import pyoxigraph
from rdflib import RDF, RDFS, XSD, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, SKOS

from ..extract.dates import xsd_type
from ..fields import Unusable, web_iri
from ..merge import Merged, name_slug, outlet_key, outlet_label
from ..records import Article, Attribution
from ..vocab import DEFAULT_BASE, KG, PREFIXES, SCHEMA, STANCE, bind

ACTOR_TYPES = {
    "person": SCHEMA.Person, "organization": SCHEMA.Organization, "collective": KG.Collective, "place": SCHEMA.Place,
    "outlet": SCHEMA.Organization,
}


def article_iri(base: str, article: Article) -> URIRef:
    return URIRef(f"{base}article/{quote(article.id, safe='')}")


def outlet_iri(base: str, article: Article) -> URIRef:
    return URIRef(base + outlet_key(article))


def attribution_iri(base: str, attribution: Attribution) -> URIRef:
    anchor = attribution.cue.start if attribution.cue else f"{attribution.voice}:{int(attribution.in_title)}"
    spans = f"{attribution.article}|{anchor}|{attribution.content.start}|{attribution.content.end}"
    return URIRef(f"{base}attribution/{hashlib.sha1(spans.encode()).hexdigest()[:16]}")


def add_labelled(graph: Graph, node: URIRef, kind: URIRef, label: str) -> None:
    """Type and label a node once: two spellings with one slug keep the first label."""
    graph.add((node, RDF.type, kind))
    if graph.value(node, RDFS.label) is None:
        graph.add((node, RDFS.label, Literal(label)))


def typed_date(lexical: str) -> Literal:
    return Literal(lexical, datatype=XSD[xsd_type(lexical)])


def add_article(graph: Graph, base: str, article: Article) -> None:
    node, outlet = article_iri(base, article), outlet_iri(base, article)
    graph.add((node, RDF.type, KG.Article))
    graph.add((node, DCTERMS.identifier, Literal(article.id)))
    graph.add((node, SCHEMA.publisher, outlet))
    graph.add((node, KG.contentHash, Literal(article.content_hash)))
    if article.title:
        graph.add((node, SCHEMA.headline, Literal(article.title)))
    if article.date and len(article.date) >= 10:
        graph.add((node, SCHEMA.datePublished, Literal(article.date[:10], datatype=XSD.date)))
    if article.url:
        try:
            graph.add((node, SCHEMA.url, URIRef(web_iri(article.url))))
        except Unusable:
            pass  # ingest reported it (E014); an Article made by hand may still carry one
    add_labelled(graph, outlet, KG.Outlet, outlet_label(article))


def to_graph(merged: Merged, base: str = DEFAULT_BASE) -> Graph:
    """The knowledge graph of a merged corpus."""
    graph = bind(Graph())
    articles = {a.id: a for a in merged.articles}
    for article in merged.articles:
        add_article(graph, base, article)
    for actor in merged.actors.values():
        graph.add((URIRef(base + actor.key), RDF.type, KG.Actor))
    for actor in [*merged.actors.values(), *merged.entities.values()]:
        node = URIRef(base + actor.key)
        graph.add((node, RDF.type, ACTOR_TYPES[actor.kind]))
        graph.add((node, SKOS.prefLabel, Literal(actor.label)))
        for variant in actor.variants:
            if variant != actor.label:
                graph.add((node, SKOS.altLabel, Literal(variant)))
        for role in actor.roles:
            graph.add((node, SCHEMA.jobTitle, Literal(role)))
        for number, (variant, other, rule, score) in enumerate(actor.reasons):
            decision = URIRef(f"{base}{actor.key}/merge/{number}")
            graph.add((node, KG.merge, decision))
            graph.add((decision, RDF.type, KG.Merge))
            graph.add((decision, KG.variant, Literal(variant)))
            graph.add((decision, KG.mergedWith, Literal(other)))
            graph.add((decision, KG.rule, Literal(rule)))
            graph.add((decision, KG.score, Literal(Decimal(str(score)))))
    for claim in merged.claims.values():
        node = URIRef(base + claim.key)
        graph.add((node, RDF.type, KG.Claim))
        graph.add((node, SCHEMA.text, Literal(claim.text)))
        graph.add((node, KG.contested, Literal(claim.contested)))
        graph.add((node, KG.laundered, Literal(claim.laundered)))
        graph.add((node, KG.outletCount, Literal(len(claim.outlets))))
        if claim.first_seen:
            graph.add((node, KG.firstSeen, Literal(claim.first_seen, datatype=XSD.date)))
    for claim_key, about in zip(merged.claim_of, merged.about_of):  # what each claim is about
        for entity_key in about:
            graph.add((URIRef(base + claim_key), SCHEMA.about, URIRef(base + entity_key)))
    rows = zip(merged.attributions, merged.actor_of, merged.claim_of, merged.claim_links)
    for n, (attribution, actor_key, claim_key, link) in enumerate(rows):
        node = attribution_iri(base, attribution)
        for rejected, _ in merged.rejects.get(n, []):
            graph.add((node, KG.rejects, URIRef(base + rejected)))
        graph.add((node, RDF.type, KG.Attribution))
        graph.add((node, KG.article, article_iri(base, articles[attribution.article])))
        graph.add((node, KG.actor, URIRef(base + actor_key)))
        graph.add((node, KG.claim, URIRef(base + claim_key)))
        graph.add((node, KG.content, Literal(attribution.wording)))
        if attribution.cue:
            graph.add((node, KG.cue, Literal(attribution.cue.text)))
        if attribution.voice:
            graph.add((node, KG.ownVoice, Literal(attribution.voice)))
        if attribution.in_title:
            graph.add((node, KG.inTitle, Literal(True)))
        graph.add((node, KG.stance, STANCE[attribution.stance]))
        graph.add((node, KG.direct, Literal(attribution.direct)))
        graph.add((node, KG.hedged, Literal(attribution.hedged)))
        if attribution.quote:
            graph.add((node, KG.quote, Literal(attribution.quote)))
        if attribution.via:
            channel = URIRef(f"{base}channel/{name_slug(attribution.via)}")
            graph.add((node, KG.via, channel))
            add_labelled(graph, channel, KG.Channel, attribution.via)
        if attribution.date:
            graph.add((node, KG.date, typed_date(attribution.date)))
        graph.add((node, KG.evidence, Literal(attribution.evidence.text)))
        graph.add((node, KG.charStart, Literal(attribution.evidence.start)))
        graph.add((node, KG.charEnd, Literal(attribution.evidence.end)))
        if attribution.source:
            graph.add((node, KG.sourceText, Literal(attribution.source.text)))
        graph.add((node, KG.resolvedBy, Literal(attribution.actor.resolved_by if attribution.actor else "own voice")))
        graph.add((node, KG.confidence, Literal(Decimal(str(attribution.confidence)))))
        graph.add((node, KG.claimRule, Literal(link.rule)))
        graph.add((node, KG.claimScore, Literal(Decimal(str(link.score)))))
    return graph


def to_turtle(graph: Graph) -> str:
    """Turtle in sorted order: the same graph always gives the same bytes.

    rdflib writes the N-Triples, which are sorted and then pretty-printed by Oxigraph (about 8x
    faster than rdflib's own Turtle writer on a 50,000-triple graph)."""
    # One triple a line: split on "\n" alone, since rdflib writes a form feed, U+0085 or U+2028
    # inside a literal as it is, and splitlines() would cut the triple there.
    lines = sorted(set(graph.serialize(format="nt").split("\n")) - {""})
    triples = pyoxigraph.parse("\n".join(lines), format=pyoxigraph.RdfFormat.N_TRIPLES)
    return pyoxigraph.serialize(triples, format=pyoxigraph.RdfFormat.TURTLE, prefixes=PREFIXES).decode("utf-8")
