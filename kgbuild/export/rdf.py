"""Merged records -> the graph in the kgbuild vocabulary, written as deterministic Turtle.

Every node is an IRI minted under ``base`` from a normalized name or a content hash, so the
same input always gives the same graph. The graph is never held whole: ``statements`` makes
each subject's triples when the writer reaches it, as N-Triples lines in sorted order (the
order of the whole graph's sorted N-Triples, since a subject's lines all start with its IRI),
and Oxigraph pretty-prints them into Turtle as they come. Memory is that of the merged
records and one IRI a subject, not that of an rdflib ``Graph`` (some 49 KB an attribution).
"""

from __future__ import annotations

import hashlib
import heapq
import os
from collections import defaultdict
from decimal import Decimal
from functools import lru_cache
from itertools import chain, groupby, islice
from operator import itemgetter
from pathlib import Path
from typing import Callable, Iterable, Iterator
from urllib.parse import quote

import pyoxigraph
from rdflib import RDF, RDFS, XSD, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, SKOS
from rdflib.plugins.serializers.nt import _quoteLiteral

from ..extract.dates import xsd_type
from ..graph.vocab import CHANGE, DEFAULT_BASE, KG, PREFIXES, SCHEMA, STANCE, bind
from ..ingest.fields import Unusable, web_iri
from ..merge.keys import name_slug, outlet_key, outlet_label
from ..records import Actor, Article, Attribution, Claim, Merged

LINES_AT_ONCE = 4096  # N-Triples lines handed to Oxigraph's parser at a time
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


def typed_date(lexical: str) -> Literal:
    return Literal(lexical, datatype=XSD[xsd_type(lexical)])


# --- N-Triples terms, spelled as rdflib's N-Triples writer spells them ---------------------------


def iri(value: str) -> str:
    """An IRI as an N-Triples term (``URIRef.n3()``, which refuses what no parser would read)."""
    return URIRef(value).n3()


def minted(value: str) -> str:
    """An IRI kgbuild minted (``base`` checked once, then slugs, percent-encoded ids and hashes,
    none of which holds a character ``iri`` refuses) as an N-Triples term."""
    return f"<{value}>"


_BOOLEAN, _INTEGER, _DECIMAL = (f"^^<{XSD[name]}>" for name in ("boolean", "integer", "decimal"))


def text(value: str) -> str:
    """A plain literal: backslash, line feed, quote and carriage return escaped, the rest as it is."""
    return '"' + value.replace("\\", "\\\\").replace("\n", "\\n").replace('"', '\\"').replace("\r", "\\r") + '"'


def literal(value: object) -> str:
    """``Literal(value)`` as an N-Triples term: the common types here, rdflib for the rest."""
    kind = type(value)
    if kind is str:
        return text(value)
    if kind is bool:
        return ('"true"' if value else '"false"') + _BOOLEAN
    if kind is int:
        return f'"{value}"' + _INTEGER
    if kind is Decimal:
        return f'"{value:f}"' + _DECIMAL
    return _quoteLiteral(Literal(value))


def decimal(value: float) -> str:
    """``Literal(Decimal(str(value)))``: a score as written, not as a binary fraction."""
    return literal(Decimal(str(value)))


@lru_cache(maxsize=4096)
def date(lexical: str, datatype: str | None = None) -> str:
    """A date literal, normalized as rdflib normalizes it (a form it cannot read is kept)."""
    return _quoteLiteral(Literal(lexical, datatype=XSD[datatype]) if datatype else typed_date(lexical))


TYPE, LABEL, PREF, ALT = iri(RDF.type), iri(RDFS.label), iri(SKOS.prefLabel), iri(SKOS.altLabel)
P = {name: iri(KG[name]) for name in KG.__annotations__}  # kg: terms by name, as N-Triples
S = {name: iri(SCHEMA[name]) for name in ("publisher", "headline", "datePublished", "url", "jobTitle", "text", "about")}
IDENTIFIER = iri(DCTERMS.identifier)
STANCES = {name: iri(node) for name, node in STANCE.items()}
CHANGES = {name: iri(node) for name, node in CHANGE.items()}
KINDS = {kind: iri(node) for kind, node in ACTOR_TYPES.items()}

Lines = list[str]  # one subject's N-Triples lines, each "<s> <p> o ." without its line feed


def article_lines(s: str, base: str, article: Article) -> Lines:
    lines = [f"{s} {TYPE} {P['Article']} .", f"{s} {IDENTIFIER} {literal(article.id)} .",
             f"{s} {S['publisher']} {minted(outlet_iri(base, article))} .",
             f"{s} {P['contentHash']} {literal(article.content_hash)} ."]
    if article.title:
        lines.append(f"{s} {S['headline']} {literal(article.title)} .")
    if article.date and len(article.date) >= 10:
        lines.append(f"{s} {S['datePublished']} {date(article.date[:10], 'date')} .")
    if article.url:
        try:
            lines.append(f"{s} {S['url']} {iri(web_iri(article.url))} .")
        except Unusable:
            pass  # ingest reported it (E014); an Article made by hand may still carry one
    return lines


def labelled_lines(s: str, kinds_and_label: tuple[set[str], str]) -> Lines:
    """A node typed once a kind and labelled once: two spellings with one slug keep the first label."""
    kinds, label = kinds_and_label
    return [f"{s} {TYPE} {kind} ." for kind in kinds] + [f"{s} {LABEL} {text(label)} ."]


def actor_lines(s: str, base: str, actor: Actor, speaks: bool) -> Lines:
    lines = [f"{s} {TYPE} {P['Actor']} ."] if speaks else []
    lines += [f"{s} {TYPE} {KINDS[actor.kind]} .", f"{s} {PREF} {literal(actor.label)} ."]
    lines += [f"{s} {ALT} {literal(v)} ." for v in actor.variants if v != actor.label]
    lines += [f"{s} {S['jobTitle']} {literal(role)} ." for role in actor.roles]
    lines += [f"{s} {P['merge']} {minted(f'{base}{actor.key}/merge/{n}')} ." for n in range(len(actor.reasons))]
    return lines


def merge_lines(s: str, reason: tuple[str, str, str, float]) -> Lines:
    variant, other, rule, score = reason
    return [f"{s} {TYPE} {P['Merge']} .", f"{s} {P['variant']} {literal(variant)} .",
            f"{s} {P['mergedWith']} {literal(other)} .", f"{s} {P['rule']} {literal(rule)} .",
            f"{s} {P['score']} {decimal(score)} ."]


def claim_lines(s: str, claim: Claim) -> Lines:
    lines = [f"{s} {TYPE} {P['Claim']} .", f"{s} {S['text']} {literal(claim.text)} .",
             f"{s} {P['contested']} {literal(claim.contested)} .", f"{s} {P['laundered']} {literal(claim.laundered)} .",
             f"{s} {P['outletCount']} {literal(len(claim.outlets))} ."]
    if claim.first_seen:
        lines.append(f"{s} {P['firstSeen']} {date(claim.first_seen, 'date')} .")
    return lines


def about_lines(s: str, entities: Iterable[str]) -> Lines:
    return [f"{s} {S['about']} {entity} ." for entity in entities]


class Statements:
    """The graph of a merged corpus, subject by subject in sorted order, never held whole.

    ``subjects()`` yields each subject's N-Triples lines, sorted and without duplicates; joined,
    they are exactly the sorted lines of rdflib's N-Triples of the same graph. Nodes other than
    attributions (articles, outlets, actors, claims, channels: a fraction of the triples) are
    indexed by IRI with what makes their triples; an attribution's triples are made from the
    merged records when its turn comes."""

    def __init__(self, merged: Merged, base: str = DEFAULT_BASE):
        self.merged, self.base = merged, base
        iri(base + "attribution/")  # a base no parser would read fails here; every node after it is ``minted``
        makers: dict[str, list[Callable[[str], Lines]]] = defaultdict(list)
        labelled: dict[str, tuple[set[str], str]] = {}  # node -> (kinds, first label)

        def label(node: str, kind: str, name: str) -> None:
            kinds, _ = labelled.setdefault(node, (set(), name))
            kinds.add(kind)

        for article in merged.articles:
            makers[minted(article_iri(base, article))].append(lambda s, a=article: article_lines(s, base, a))
            label(minted(outlet_iri(base, article)), P["Outlet"], outlet_label(article))
        for actors, speaks in ((merged.actors, True), (merged.entities, False)):
            for actor in actors.values():
                makers[minted(base + actor.key)].append(lambda s, a=actor, k=speaks: actor_lines(s, base, a, k))
                for n, reason in enumerate(actor.reasons):
                    makers[minted(f"{base}{actor.key}/merge/{n}")].append(lambda s, r=reason: merge_lines(s, r))
        for claim in merged.claims.values():
            makers[minted(base + claim.key)].append(lambda s, c=claim: claim_lines(s, c))
        about: dict[str, set[str]] = defaultdict(set)
        for claim_key, entity_keys in zip(merged.claim_of, merged.about_of):
            about[claim_key].update(entity_keys)
        for claim_key, entity_keys in about.items():
            if entity_keys:
                targets = [minted(base + k) for k in entity_keys]
                makers[minted(base + claim_key)].append(lambda s, t=targets: about_lines(s, t))
        self.channels = {via: minted(f"{base}channel/{name_slug(via)}") for via in
                         dict.fromkeys(a.via for a in merged.attributions if a.via)}
        for via, node in self.channels.items():
            label(node, P["Channel"], via)
        for node, kinds_and_label in labelled.items():
            makers[node].append(lambda s, k=kinds_and_label: labelled_lines(s, k))
        self.makers = makers
        self.article_node = {a.id: minted(article_iri(base, a)) for a in merged.articles}
        self.nodes = sorted((minted(attribution_iri(base, a)), n) for n, a in enumerate(merged.attributions))

    def attribution_lines(self, s: str, n: int) -> Lines:
        """An attribution's lines; a field the attribution lacks (no cue, no quote...) has none.
        Their order does not matter: ``subjects`` sorts them."""
        merged, base, a = self.merged, self.base, self.merged.attributions[n]
        link = merged.claim_links[n]
        objects = [("rejects", minted(base + rejected)) for rejected, _ in merged.rejects.get(n, [])]
        objects += [
            ("article", self.article_node[a.article]),
            ("actor", minted(base + merged.actor_of[n])),
            ("claim", minted(base + merged.claim_of[n])),
            ("content", literal(a.wording)),
            ("cue", a.cue and literal(a.cue.text)),
            ("ownVoice", a.voice and literal(a.voice)),
            ("inTitle", a.in_title and literal(True)),
            ("stance", STANCES[a.stance]),
            ("direct", literal(a.direct)),
            ("hedged", literal(a.hedged)),
            ("quote", a.quote and literal(a.quote)),
            ("via", a.via and self.channels[a.via]),
            ("date", a.date and date(a.date)),
            ("evidence", literal(a.evidence.text)),
            ("charStart", literal(a.evidence.start)),
            ("charEnd", literal(a.evidence.end)),
            ("sourceText", a.source and literal(a.source.text)),
            ("resolvedBy", literal(a.actor.resolved_by if a.actor else "own voice")),
            ("confidence", decimal(a.confidence)),
            ("claimRule", literal(link.rule)),
            ("claimScore", decimal(link.score)),
            ("spreadRank", n in merged.spread and literal(merged.spread[n])),
        ]
        objects += [("restatesAsFact", minted(attribution_iri(base, merged.attributions[m])))
                    for m in merged.restates.get(n, ())]
        if drift := merged.drift.get(n):
            objects += [("driftFrom", minted(attribution_iri(base, merged.attributions[drift.earliest])))]
            objects += [("change", CHANGES[change]) for change in drift.changes]
            objects += [("dropped", literal(words)) for words in drift.pieces("-")]
            objects += [("added", literal(words)) for words in drift.pieces("+")]
        return [f"{s} {TYPE} {P['Attribution']} ."] + [f"{s} {P[name]} {o} ." for name, o in objects if o]

    def subjects(self) -> Iterator[Lines]:
        """Each subject's lines, subjects in the order of their ``<iri> `` (which is the order of
        their lines: a valid IRI holds no ``>`` or space)."""
        others = ((s + " ", s, None) for s in sorted(self.makers, key=lambda s: s + " "))
        attributions = ((s + " ", s, n) for s, n in self.nodes)
        first = itemgetter(0)
        for _, group in groupby(heapq.merge(others, attributions, key=first), key=first):
            lines: set[str] = set()
            for _, s, n in group:
                if n is None:
                    for make in self.makers[s]:
                        lines.update(make(s))
                else:
                    lines.update(self.attribution_lines(s, n))
            yield sorted(lines)

    def lines(self) -> Iterator[str]:
        """The graph's N-Triples, one line a triple (no line feed), sorted."""
        return chain.from_iterable(self.subjects())


class Stream:
    """N-Triples lines as a byte stream for Oxigraph's parser, read as it goes ("\\n" after each
    line, not splitlines(): a form feed, U+0085 or U+2028 inside a literal is written as it is).
    ``count`` is the number of lines read so far."""

    def __init__(self, lines: Iterable[str], every: int = LINES_AT_ONCE):
        self.lines, self.every, self.count = iter(lines), every, 0
        self.buffer, self.offset = b"", 0

    def read(self, size: int | None = -1) -> bytes:
        while self.offset >= len(self.buffer):
            batch = list(islice(self.lines, self.every))
            if not batch:
                return b""
            self.count += len(batch)
            self.buffer, self.offset = ("\n".join(batch) + "\n").encode("utf-8"), 0
        end = len(self.buffer) if size is None or size < 0 else self.offset + size
        piece = self.buffer[self.offset : end]
        self.offset += len(piece)
        return piece


def write_turtle(lines: Iterable[str], path: str | Path) -> int:
    """Sorted N-Triples lines -> pretty-printed Turtle in ``path``, streamed (Oxigraph parses the
    lines and groups each subject's predicates and objects as they come); returns the number of
    triples."""
    stream = Stream(lines)
    triples = pyoxigraph.parse(stream, format=pyoxigraph.RdfFormat.N_TRIPLES)
    pyoxigraph.serialize(triples, os.fspath(path), format=pyoxigraph.RdfFormat.TURTLE, prefixes=PREFIXES)
    return stream.count


def to_graph(merged: Merged, base: str = DEFAULT_BASE) -> Graph:
    """The knowledge graph of a merged corpus as an rdflib ``Graph`` (held whole: for tests
    and small corpora; the pipeline writes it with ``Statements`` and ``write_turtle``)."""
    return bind(Graph()).parse(data="\n".join(Statements(merged, base).lines()), format="nt")


def to_turtle(graph: Graph) -> str:
    """Turtle in sorted order: the same graph always gives the same bytes (the bytes the
    pipeline writes for the same triples)."""
    # One triple a line: split on "\n" alone, since rdflib writes a form feed, U+0085 or U+2028
    # inside a literal as it is, and splitlines() would cut the triple there.
    lines = sorted(set(graph.serialize(format="nt").split("\n")) - {""})
    triples = pyoxigraph.parse("\n".join(lines), format=pyoxigraph.RdfFormat.N_TRIPLES)
    return pyoxigraph.serialize(triples, format=pyoxigraph.RdfFormat.TURTLE, prefixes=PREFIXES).decode("utf-8")
