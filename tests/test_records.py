from __future__ import annotations

import json
from dataclasses import fields

from kgbuild.records import Attribution, Mention, Span


def test_an_attribution_with_every_field_set_survives_the_cache_format():
    text = "Trump, he added, is a liar"
    attribution = Attribution(
        article="a",
        cue=Span("added", 10, 15),
        content=Span(text, 0, len(text)),
        source=Span("he", 7, 9),
        actor=Mention("Joe Biden", "person", roles=("president",), variants=("Biden", "Joe Biden")),
        stance="asserts",
        direct=False,
        quote="Trump is a liar",
        via="a TV interview",
        date="2024-05-01",
        evidence=Span(text, 0, len(text)),
        hedged=True,
        anaphoric=True,
        form="quote",
        core=("trump", "liar"),
        confidence=0.8,
        speech=False,
        aside=Span(", he added,", 5, 16),
        about=(Mention("Donald Trump", "person", variants=("Trump",)), Mention("Ukraine", "place", variants=("Ukraine",))),
    )
    restored = Attribution.from_json(json.loads(json.dumps(attribution.to_json())))
    assert restored == attribution
    assert {f.name for f in fields(Attribution)} <= set(attribution.to_json())
    assert restored.wording == attribution.wording
