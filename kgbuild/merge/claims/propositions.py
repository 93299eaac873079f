"""Whether two wordings state one proposition, not only one topic: a logistic regression over a
pair's traits (``pair_traits``): how alike their meanings and words are, and whether what they
state agrees: the numbers ("32 million" / "four million" differ), the people, organizations and
places they name, who says them, and whether one negates what the other states.

A topic is shared by many claims ("Sanders' path to victory is virtually impossible" / "we have a
path to victory"); a proposition by the few wordings that say the same thing of the same
subjects. The weights are data (``data/proposition_model.json``), trained by
``training/train_proposition_model.py`` on pairs of a many-story corpus judged blind, with the
cut-off chosen by cross-validation; retrain when the traits change.

The claim merge uses it as a veto (``ClaimSimilarity.claim_scores``): two wordings below the
cut-off are never one claim, except two headlines given alone (articles of one line, as Emergent
gives them). For those, cross-validated on Emergent dev, every cut-off lowers the fold-mean
B-cubed F1 (0.901 with none, 0.893 at 0.05; this model as the veto, 0.60): nothing below a bare headline says which of its
story's propositions it stands for, and the traits cannot tell two bare headlines of one rumour
from two of one subject (docs/evaluation.md). Laundering, which accuses an outlet, asks the model
itself for every other pair (``ClaimSimilarity.one_proposition``).
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

import numpy as np

from ...logistic import probabilities
from ...records import Attribution, Mention
from .wording import last_word
from .words import ascii_text

MODEL_FILE = "proposition_model.json"
TRAITS = (
    "meaning", "words", "meaning_x_words", "rarest_shared", "numbers_differ", "numbers_agree", "places_differ",
    "names_differ", "names_agree", "speakers_differ", "same_speaker", "polarity_differs", "short", "own_voice",
)
SHORT_WORDS = 6  # a wording of fewer words ("Democratic candidates went further") rarely states a whole proposition
SCALES = {"thousand": 1e3, "k": 1e3, "million": 1e6, "m": 1e6, "mn": 1e6, "billion": 1e9, "bn": 1e9, "b": 1e9,
          "trillion": 1e12, "tn": 1e12}
NUMBER_WORDS = {w: float(i) for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen twenty".split())} | {"thirty": 30.0, "forty": 40.0, "fifty": 50.0, "hundred": 100.0,
                                                     "dozen": 12.0, "dozens": 12.0, "hundreds": 100.0}
NUMBER = re.compile(
    r"(?<![\w.])(\d[\d,]*(?:\.\d+)?|" + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True)) + r")"
    r"(?:\s*(thousand|million|billion|trillion|mn|bn|tn|[kmb])\b)?", re.IGNORECASE)


def numbers(text: str) -> frozenset[float]:
    """The quantities a wording states, scaled: "19M" and "19 million" are 19e6, "four million" 4e6;
    a lone "one" or "a" is no quantity."""
    found = set()
    for value, scale in NUMBER.findall(ascii_text(text)):
        word = value.lower()
        if word in {"one", "zero"} and not scale:
            continue
        number = NUMBER_WORDS[word] if word in NUMBER_WORDS else float(value.replace(",", "") or 0)
        found.add(round(number * SCALES.get(scale.lower(), 1.0), 3))
    return frozenset(found)


def places(attribution: Attribution) -> frozenset[str]:
    """The places a wording names: "a drone struck Kursk" names Kursk."""
    return frozenset(ascii_text(m.name).lower() for m in attribution.about if m.kind == "place")


def name_key(mention: Mention) -> str | None:
    """A person by surname ("Mr Blair" / "Tony Blair"), anything else by its whole name; None for
    a blank name."""
    if not mention.name.split():
        return None
    return last_word(mention.name) if mention.kind == "person" else ascii_text(mention.name).lower()


def names(attribution: Attribution) -> frozenset[str]:
    """Whom and what a wording names: its people, organizations and places."""
    return frozenset(key for m in attribution.about if (key := name_key(m)) is not None)


def speaker(attribution: Attribution) -> str | None:
    """Who says it; None for the outlet's own voice or no one known."""
    if attribution.voice is not None or attribution.actor is None:
        return None
    return name_key(attribution.actor)


def disjoint(a: frozenset[str], b: frozenset[str]) -> bool:
    """Both name some, and none in common: two claims about different places (or people)."""
    return bool(a) and bool(b) and not a & b


def agreement(a: frozenset, b: frozenset) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


class WordingFacts:
    """What each wording states, read once: numbers, names, speaker, size."""

    def __init__(self, attributions: list[Attribution], texts: list[str], named_places: list[frozenset[str]]):
        self.numbers = [numbers(t) for t in texts]
        self.names = [names(a) for a in attributions]
        self.places = named_places  # ``places`` of each
        self.speakers = [speaker(a) for a in attributions]
        self.negated = np.array([a.negated for a in attributions], dtype=bool)
        self.short = np.array([len(t.split()) < SHORT_WORDS for t in texts], dtype=bool)
        with_body = {a.article for a in attributions if not a.headline}
        self.alone = np.array([a.headline and a.article not in with_body for a in attributions], dtype=bool)
        self.own = np.array([a.voice is not None for a in attributions], dtype=bool)


def rarest_shared(concepts: list[frozenset[str]], frequency: dict[str, int], i: int, j: int) -> float:
    """How rare the rarest concept two wordings share is: its IDF over the corpus's, 0 to 1
    ("Crabzilla" in two headlines says more than "Apple")."""
    total = len(concepts)
    shared = concepts[i] & concepts[j]
    if not shared or total < 2:
        return 0.0
    return max(math.log(total / frequency[c]) for c in shared) / math.log(total)


def pair_traits(facts: WordingFacts, first: np.ndarray, second: np.ndarray, meaning: np.ndarray,
                words: np.ndarray, rarest: np.ndarray) -> np.ndarray:
    """One row of TRAITS per pair (first[k], second[k]), given the cosines of their meanings and
    of their words, and the rarity of the rarest concept they share."""
    pairs = list(zip(first.tolist(), second.tolist()))
    speakers = [(facts.speakers[i], facts.speakers[j]) for i, j in pairs]
    columns = {
        "meaning": meaning, "words": words, "meaning_x_words": meaning * words, "rarest_shared": rarest,
        "numbers_differ": [disjoint(facts.numbers[i], facts.numbers[j]) for i, j in pairs],
        "numbers_agree": [bool(facts.numbers[i] & facts.numbers[j]) for i, j in pairs],
        "places_differ": [disjoint(facts.places[i], facts.places[j]) for i, j in pairs],
        "names_differ": [disjoint(facts.names[i], facts.names[j]) for i, j in pairs],
        "names_agree": [agreement(facts.names[i], facts.names[j]) for i, j in pairs],
        "speakers_differ": [p is not None and q is not None and p != q for p, q in speakers],
        "same_speaker": [p is not None and p == q for p, q in speakers],
        "polarity_differs": facts.negated[first] != facts.negated[second],
        "short": facts.short[first] | facts.short[second],
        "own_voice": facts.own[first] | facts.own[second],
    }
    return np.column_stack([np.asarray(columns[t], dtype=float) for t in TRAITS]).reshape(len(pairs), len(TRAITS))


def both_alone(facts: WordingFacts, first: np.ndarray, second: np.ndarray) -> np.ndarray:
    """Pairs of two headlines given alone: nothing of either article is read below it."""
    return facts.alone[first] & facts.alone[second]


@dataclass(frozen=True)
class PropositionModel:
    weights: tuple[float, ...]  # one per TRAITS
    bias: float
    threshold: float  # the cut-off chosen by cross-validation: at or above it, one proposition

    def probabilities(self, traits: np.ndarray) -> np.ndarray:
        return probabilities(traits, np.array([*self.weights, self.bias]))

    def to_json(self, **provenance) -> str:
        return json.dumps({"traits": dict(zip(TRAITS, self.weights)), "bias": self.bias, "threshold": self.threshold,
                           **provenance}, indent=2)


@cache
def shipped_model() -> PropositionModel:
    data = json.loads(resources.files(__package__).joinpath("data", MODEL_FILE).read_text("utf-8"))
    return PropositionModel(tuple(data["traits"][t] for t in TRAITS), data["bias"], data["threshold"])
