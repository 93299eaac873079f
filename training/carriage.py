"""A trained model of how a headline carries its news, studied against the rules (issue 23):
as fact ("for"), reported without taking a side ("observing": attributed, hedged, asked) or
denied ("against").

The rules (``kgbuild/extract/headlines.py``, ``voice.py``, the attribution rules) give each
headline a reading: a denial, a refutation or a negated statement is against; a source other than
the outlet, a hedge or a question observing; the rest fact. ``CarriageModel``, one-vs-rest
logistic regressions (``kgbuild.logistic.fit``), weighs that reading with traits any headline
has: hedging and denying words, modal verbs, the parse's negated or modal root, a verb of saying
with a subject of its own, the cue of an attributed statement, quotation marks, a question mark,
a colon. Where it disagrees with the rules by more than its margin, the headline's attributions
would be changed to read its way (``carried``: the outlet's own statement hedged or not, denying
or not; a named source never dropped). Cross-validated by ``stance_folds.py model``, it does not
beat the rules (docs/evaluation.md), so the pipeline does not use it; this module is the study.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, replace

from spacy.tokens import Span

from kgbuild.records import Attribution

CLASSES = ("for", "observing", "against")
REJECTING = frozenset({"denies", "refutes"})
ASSERTING = frozenset({"asserts", "confirms"})  # negated, the merge makes either a denial
# single words whose presence the model weighs (lower case, as spaCy tokenizes them)
WORDS = (
    "could", "may", "might", "will", "would", "can", "should", "to", "reportedly", "allegedly", "apparently",
    "report", "reports", "reported", "rumor", "rumors", "rumour", "rumours", "rumored", "claims", "claim", "claimed",
    "says", "say", "said", "sources", "according", "not", "no", "never", "n't", "hoax", "fake", "false", "debunked",
    "denies", "deny", "denied", "confirms", "confirmed", "officially", "set", "expected", "plans", "possible",
    "possibly", "likely", "believed", "suspected", "why", "how", "what", "really", "actually", "truth", "after",
    "video", "photo", "photos", "watch", "new", "first", "real", "dead", "alive", "killed", "just", "here",
    "alleged", "talks", "working", "coming", "reveals", "revealed", "leak", "leaked", "identified", "says", "soon",
)


def rule_reading(attributions: list[Attribution]) -> str:
    """The headline's carriage as its attributions say it (as ``shared/eval/claims/stance.py``
    reads them after the merge): a denial or refutation is against, and so is a negated
    statement or confirmation (the merge makes it a denial of the claim it contradicts); a
    source other than the outlet, a hedge or a question observing; else for."""
    if any(a.stance in REJECTING or a.negated and a.stance in ASSERTING for a in attributions):
        return "against"
    if any(a.voice is None and a.source is not None for a in attributions):
        return "observing"
    if any(a.hedged or a.stance == "questions" for a in attributions):
        return "observing"
    return "for"


def features(headline: Span, attributions: list[Attribution]) -> dict[str, float]:
    """The traits the model weighs, by name (a missing name counts as 0). ``attributions``: what
    the rules found in the headline, attributed and the outlet's own."""
    from kgbuild.extract.headlines import quotes_words
    from kgbuild.extract.voice import DEBUNKING, DENIAL_OPENING, is_question, negated, rejects_something, reports_someone

    own = [a for a in attributions if a.voice is not None]
    sourced = [a for a in attributions if a.voice is None and a.source is not None]
    words = {t.lower_ for t in headline}
    root = headline.root
    modals = [c for c in root.children if c.tag_ == "MD"]
    found = {
        f"rules={rule_reading(attributions)}": 1.0,
        "sourced": float(bool(sourced)),
        "sourced by colon": float(any(a.cue is not None and a.cue.text == ":" for a in sourced)),
        "own hedged": float(any(a.hedged for a in own)),
        "own negated": float(any(a.negated for a in own)),
        "attributed negated": float(any(a.negated for a in sourced)),
        "denies": float(any(a.stance == "denies" for a in attributions)),
        "refutes": float(any(a.stance == "refutes" for a in attributions)),
        "question": float(is_question(headline)),
        "question mark": float("?" in headline.text),
        "colon": float(":" in headline.text),
        "quotation marks": float(quotes_words(headline)),
        "no verb": float(not any(t.pos_ in {"VERB", "AUX"} for t in headline)),
        "alleged someone": float(any(t.lower_ in {"alleged", "suspected", "reported"} and t.dep_ == "amod" for t in headline)),
        "debunking word": float(bool(DEBUNKING.search(headline.text))),
        "denial opening": float(bool(DENIAL_OPENING.search(headline.text))),
        "rejecting verb": float(rejects_something(headline)),
        "negated": float(negated(headline)),
        "reports someone": float(reports_someone(headline)),
        "root modal": float(bool(modals)),
        "root may": float(any(m.lower_ in {"may", "might", "could"} for m in modals)),
        "root will": float(any(m.lower_ in {"will", "'ll", "would"} for m in modals)),
        "root infinitive": float(any(c.dep_ == "aux" and c.lower_ == "to" for c in root.children)),
        "root past": float(root.tag_ == "VBD"),
        "root noun": float(root.pos_ in {"NOUN", "PROPN"}),
        "words": min(sum(1 for t in headline if not t.is_punct), 20) / 20,
    }
    for a in sourced:
        found[f"cue={a.cue.text.lower().split()[-1] if a.cue is not None and a.cue.text.split() else None}"] = 1.0
    for word in WORDS:
        if word in words:
            found[f"word={word}"] = 1.0
    return found


@dataclass(frozen=True)
class CarriageModel:
    """One logistic regression per class (one-vs-rest): a class's score is its probability."""

    weights: dict[str, dict[str, float]]
    bias: dict[str, float]
    margin: float  # the model overrules the rules only when its class is this much likelier

    def probabilities(self, found: dict[str, float]) -> dict[str, float]:
        result = {}
        for c in CLASSES:
            score = self.bias[c] + sum(self.weights[c].get(name, 0.0) * value for name, value in found.items())
            result[c] = 1 / (1 + math.exp(-max(-30.0, min(30.0, score))))
        return result

    def reading(self, found: dict[str, float], rules: str) -> str:
        """The model's class, or the rules' where the model is not surer by its margin."""
        p = self.probabilities(found)
        best = max(CLASSES, key=lambda c: (p[c], c == rules))
        return best if p[best] - p[rules] > self.margin else rules

    def to_json(self, **provenance) -> str:
        return json.dumps(
            {**provenance, "margin": self.margin, "bias": self.bias,
             "weights": {c: dict(sorted(w.items())) for c, w in self.weights.items()}},
            indent=1,
        )


def achievable(wanted: str, attributions: list[Attribution]) -> str:
    """What the headline reads as once ``carried`` has done what it can towards ``wanted``."""
    return rule_reading(carried(wanted, attributions))


def carried(wanted: str, attributions: list[Attribution]) -> list[Attribution]:
    """The headline's attributions changed so that they read as ``wanted``: the outlet's own
    statements hedged or unhedged, denying or not; an attributed statement negated or not (an
    attributed denial, "Kurds deny ...", stays one). A named source is never dropped."""
    rules = rule_reading(attributions)
    if wanted == rules:
        return attributions
    result = []
    for a in attributions:
        if wanted == "against":
            if a.voice is not None and a.stance in {"asserts", "confirms", "questions"}:
                a = replace(a, stance="denies")
            elif a.stance in ASSERTING:
                a = replace(a, negated=True)
        else:
            if a.voice is not None and a.stance in REJECTING:
                a = replace(a, stance="asserts")
            a = replace(a, negated=False) if a.negated and a.stance in ASSERTING else a
        if a.voice is not None and wanted == "observing" and a.stance != "questions":
            a = replace(a, hedged=True)
        elif a.voice is not None and wanted == "for":
            a = replace(a, hedged=False)
        result.append(a)
    return result


def in_headline(headline: Span, a: Attribution) -> bool:
    return headline.start_char <= a.evidence.start and a.evidence.end <= headline.end_char


def carry_headline(headline: Span, attributions: list[Attribution], own: list[Attribution],
                   model: CarriageModel) -> tuple[list[Attribution], list[Attribution]]:
    """``attributions`` and ``own`` (the outlet's own statements) with those of the headline
    changed to read as the model reads the headline."""
    found = [a for a in attributions if in_headline(headline, a)] + [a for a in own if in_headline(headline, a)]
    if not found:
        return attributions, own
    rules = rule_reading(found)
    wanted = model.reading(features(headline, found), rules)
    if wanted == rules:
        return attributions, own
    changed = {id(a): b for a, b in zip(found, carried(wanted, found))}
    return [changed.get(id(a), a) for a in attributions], [changed.get(id(a), a) for a in own]
