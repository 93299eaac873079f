"""A trained filter over the rules' candidates: how likely each one is a real attribution.

The rules find candidates; a logistic regression over a few of each candidate's traits (its cue
word, whether its source is a name or a pronoun, its content's shape, ...) estimates how likely
human annotators would mark it as an attribution. That probability becomes the attribution's
``confidence``, and candidates below the model's threshold are dropped. The weights are data
(``attribution_model.json``), trained by ``training/train_attribution_model.py`` on PolNeAR's
train split from this package's own candidates: retrain it when the rules change.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import cache
from importlib import resources

from ..records import Attribution

MODEL_FILE = "attribution_model.json"
PRONOUNS = frozenset({"he", "she", "they", "it", "i", "we", "you", "him", "her", "them", "who", "which", "that"})
QUOTE_MARKS = ('"', "\u201c", "\u201d", "''")
# Two traits of the trained model (changing either means training it again):
SOURCE_WORDS = 10  # a source of this many words or more counts as long
SHORT_CONTENT = 25  # a content of fewer characters is short


def features(a: Attribution) -> dict[str, float]:
    """The traits the model weighs, by name (a missing name counts as 0)."""
    words = a.cue.text.lower().split()
    found = {
        f"cue={words[-1]}": 1.0,
        f"stance={a.stance}": 1.0,
        f"form={a.form}": 1.0,
        "cue words": min(len(words), 4) / 4,
        "no source": float(a.source is None),
        "no actor": float(a.actor is None),
        "direct": float(a.direct),
        "speech": float(a.speech),
        "hedged": float(a.hedged),
        "channel": float(a.via is not None),
        "anaphoric": float(a.anaphoric),
    }
    if a.actor is not None:
        found[f"actor={a.actor.kind}"] = 1.0
    if a.source is not None:
        source = a.source.text
        found["source pronoun"] = float(source.lower() in PRONOUNS)
        found["source capitalized"] = float(source[:1].isupper())
        found["source words"] = min(len(source.split()), SOURCE_WORDS) / SOURCE_WORDS
    if a.content is not None:
        content = a.content.text
        found["content length"] = math.log1p(len(content)) / 8
        found["content short"] = float(len(content) < SHORT_CONTENT)
        found["content before cue"] = float(a.content.start < a.cue.start)
        found["content that"] = float(content.lower().startswith("that "))
        found["content to"] = float(content.lower().startswith("to "))
        found["content quoted"] = float(any(mark in content for mark in QUOTE_MARKS))
    return found


@dataclass(frozen=True)
class AttributionModel:
    weights: dict[str, float]
    bias: float
    threshold: float

    def probability(self, a: Attribution) -> float:
        score = self.bias + sum(self.weights.get(name, 0.0) * value for name, value in features(a).items())
        return 1 / (1 + math.exp(-score))

    def to_json(self, **provenance) -> str:
        return json.dumps(
            {**provenance, "threshold": self.threshold, "bias": self.bias, "weights": dict(sorted(self.weights.items()))},
            indent=1,
        )


@cache
def shipped_model() -> AttributionModel:
    data = json.loads(resources.files(__package__).joinpath(MODEL_FILE).read_text("utf-8"))
    return AttributionModel(data["weights"], data["bias"], data["threshold"])
