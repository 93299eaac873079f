"""Merged records -> a self-contained interactive HTML graph (pyvis + vis-network, inlined).

The page answers "which outlets attribute which claims to whom": outlets (left), claims
(middle) and actors (right) are three kinds of node in three columns; an edge per outlet,
claim and stance, and per claim, actor and stance, coloured by stance. Contested claims are
drawn with a red border. A side panel shows the wordings, evidence, cue, channel and date; for a
claim, how it spread from outlet to outlet (a timeline) and each wording's difference from the
earliest, word by word.

pyvis' own template loads Bootstrap from a CDN even with ``cdn_resources="in_line"``, so the
page is rendered from kgbuild's template, which inlines vis-network from pyvis' package and
fetches nothing. The page, not Python, turns the data into vis-network nodes and edges: it keeps
only what the filters show, at most ``MAX_CLAIMS`` claims at once (contested and most carried
first), so a graph of thousands of articles opens as fast as the seeds' (pyvis' ``add_edge``
also scans a list of every node per edge, which is quadratic). Article text only ever reaches the page as JSON inside a script (Jinja's
``tojson`` escapes ``<``, ``>``, ``&`` and quotes) and is put on screen with ``textContent``.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from pathlib import Path

import pyvis
from jinja2 import ChoiceLoader, Environment, FileSystemLoader
from pyvis.network import Network

from ..merge.keys import outlet_label
from ..merge.spread import how_carried
from ..records import Actor, Drift, Merged
from .colours import KIND_STYLE, STANCE_COLORS

BUSY_VIEW = 15  # with more claims than this, the first view shows the shared or contested ones
MAX_CLAIMS = 50  # at most this many claims on screen: the most carried (and contested) first
TEMPLATE = "graph.html.j2"


def entity_node(kind: str, actor: Actor, weight: int) -> dict:
    """An actor ("actor", drawn) or an entity only spoken about ("entity", listed) for the page."""
    return {
        "kind": kind,
        "label": actor.label,
        "weight": weight,
        "actorKind": actor.kind,
        "aliases": [v for v in actor.variants if v != actor.label],
        "roles": list(actor.roles),
    }


def drift_data(drift: Drift | None) -> dict | None:
    """How a wording differs from its claim's earliest (a row's id), for the page's word diff."""
    if drift is None:
        return None
    return {"from": drift.earliest, "changes": list(drift.changes), "diff": [list(piece) for piece in drift.diff]}


def graph_data(merged: Merged) -> dict:
    """Nodes, edges and attribution details as plain data for the page."""
    articles = {a.id: a for a in merged.articles}
    rows = []
    about_of = merged.about_of or [()] * len(merged.attributions)
    for n, (a, actor, claim, about) in enumerate(zip(merged.attributions, merged.actor_of, merged.claim_of, about_of)):
        article = articles[a.article]
        rejects = [key for key, _ in merged.rejects.get(n, [])]
        rows.append(
            {
                "id": n,
                "article": article.id,
                "title": article.title or "",
                "outlet": "outlet:" + outlet_label(article),
                "claims": sorted({claim, *rejects}),  # a rejection may reject several claims
                "actor": "outlet:" + outlet_label(article) if a.voice else actor,
                "voice": a.voice or "",
                "hedged": a.hedged,
                "about": list(about),  # the entities (actors too) its content names
                "stance": a.stance,
                "cue": a.cue.text if a.cue else "",
                "content": a.wording,
                "source": a.source.text if a.source else "",
                "via": a.via or "",
                "date": a.date or "",
                "published": (article.date or "")[:10],
                "direct": a.direct,
                "evidence": a.evidence.text,
                "start": a.evidence.start,
                "end": a.evidence.end,
                "claim": claim,  # the claim it carries; "claims" adds those a rejection rejects too
                "rank": merged.spread.get(n),  # set on each outlet's first carrying of its claim
                "how": how_carried(a),
                "drift": drift_data(merged.drift.get(n)),
            }
        )
        if n in merged.restates:  # the attributed or hedged wordings it states as fact (most rows have none)
            rows[-1]["restates"] = list(merged.restates[n])
    outlets = Counter(r["outlet"] for r in rows)  # attributions per outlet
    per_actor = Counter(r["actor"] for r in rows)
    nodes = {}
    for key in sorted(outlets):
        nodes[key] = {"kind": "outlet", "label": key.removeprefix("outlet:"), "weight": outlets[key]}
    for key, claim in sorted(merged.claims.items()):
        nodes[key] = {
            "kind": "claim",
            "label": claim.text,
            "weight": len(claim.outlets),
            "contested": claim.contested,
            "laundered": claim.laundered,
            "outlets": list(claim.outlets),
        }
    for key, actor in sorted(merged.actors.items()):
        if actor.kind == "outlet":
            continue  # an outlet speaking in its own voice is its node on the left
        nodes[key] = entity_node("actor", actor, per_actor[key])
    tell_apart(nodes, rows)
    spoken_about = Counter(key for r in rows for key in r["about"])
    for key, entity in sorted(merged.entities.items()):  # named in claims, never speaking: not drawn
        nodes[key] = entity_node("entity", entity, spoken_about[key])
    edges = defaultdict(list)
    for r in rows:
        for claim in r["claims"]:
            edges[(r["outlet"], claim, r["stance"])].append(r["id"])
            if not r["voice"]:
                edges[(claim, r["actor"], r["stance"])].append(r["id"])
    return {
        "nodes": nodes,
        "edges": [{"from": f, "to": t, "stance": s, "rows": ids} for (f, t, s), ids in sorted(edges.items())],
        "rows": rows,
    }


def tell_apart(nodes: dict[str, dict], rows: list[dict]) -> None:
    """Actors that share a label (the "officials" of each article: ``merge.actors.local_actors``)
    are labelled with the article they speak in, the first of them if several, for the list of
    actors and the graph."""
    articles = defaultdict(set)
    for r in rows:
        articles[r["actor"]].add(r["article"])
    by_label = defaultdict(list)
    for key, node in nodes.items():
        if node["kind"] == "actor":
            by_label[node["label"]].append(key)
    for label, keys in by_label.items():
        for key in keys if len(keys) > 1 else ():
            first, *more = sorted(articles[key]) or ["no article"]
            nodes[key]["label"] = f"{label} ({first}" + (" \u2026)" if more else ")")


def network_options() -> str:
    """pyvis' vis-network options, physics off: the page places the nodes itself (three columns)."""
    net = Network(height="100%", width="100%", directed=True, cdn_resources="in_line")
    net.toggle_physics(False)
    return net.options.to_json()


def render(merged: Merged) -> str:
    """The whole page as one string, with no external resources."""
    data = graph_data(merged)
    environment = Environment(
        loader=ChoiceLoader(
            [FileSystemLoader(Path(__file__).parent), FileSystemLoader(Path(pyvis.__file__).parent / "templates")]
        ),
        autoescape=True,
    )
    return environment.get_template(TEMPLATE).render(
        options=network_options(),
        details=data,
        stance_colors=STANCE_COLORS,
        kind_style=KIND_STYLE,
        max_claims=MAX_CLAIMS,
        busy=len(merged.claims) > BUSY_VIEW,
        summary={
            "articles": len(merged.articles),
            "attributions": len(merged.attributions),
            "claims": len(merged.claims),
            "contested": sum(c.contested for c in merged.claims.values()),
            "actors": len(merged.actors),
        },
    )
