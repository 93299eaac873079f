"""``attributions.jsonl``: one JSON line per extracted attribution, with the actor, claim and
rejections the merge gave it. The evaluation interface: its keys are stable."""

from __future__ import annotations

import json
from typing import Iterator

from ..records import Extraction, Merged
from .rdf import attribution_iri


def span_json(span) -> dict | None:
    return {"text": span.text, "start": span.start, "end": span.end} if span else None


def attribution_records(extractions: list[Extraction], merged: Merged, base: str) -> Iterator[str]:
    """One JSON line per extracted attribution, with its line feed, in extraction order; one the
    merge left out of the graph has no actor, claim or IRI."""
    in_graph = {id(a): n for n, a in enumerate(merged.extracted)}
    for extraction in extractions:
        for extracted in extraction.attributions:
            n = in_graph.get(id(extracted))
            a = merged.attributions[n] if n is not None else extracted
            actor = merged.actors[merged.actor_of[n]] if n is not None else None
            record = {
                "article": a.article,
                "source": span_json(a.source),
                "cue": span_json(a.cue),
                "content": span_json(a.content),
                "actor": base + actor.key if actor else None,
                "actor_label": actor.label if actor else (a.actor.name if a.actor else None),
                "claim": base + merged.claim_of[n] if n is not None else None,
                "rejects": [base + key for key, _ in merged.rejects.get(n, [])] if n is not None else [],
                "about": [base + key for key in merged.about_of[n]] if n is not None else [],
                "stance": a.stance,
                "direct": a.direct,
                "via": a.via,
                "date": a.date,
                "attribution": str(attribution_iri(base, a)) if n is not None else None,
                "hedged": a.hedged,
                "speech": a.speech,
                "voice": a.voice,
                "in_title": a.in_title,
            }
            yield json.dumps(record, ensure_ascii=False, sort_keys=True) + "\n"
