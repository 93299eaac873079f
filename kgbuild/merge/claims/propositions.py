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
from typing import Sequence

import numpy as np
import scipy.sparse as sparse

from ...logistic import probabilities
from ...records import Attribution, Mention
from .wording import last_word
from .words import ascii_text

MODEL_FILE = "proposition_model.json"
TRAITS = (
    "meaning", "words", "meaning_x_words", "rarest_shared", "numbers_differ", "numbers_agree", "places_differ",
    "names_differ", "names_agree", "speakers_differ", "same_speaker", "polarity_differs", "short", "own_voice",
)
PAIRS_AT_ONCE = 1 << 18  # pairs whose sets are intersected at once
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


class Sets:
    """One set per wording (its numbers, names or concepts) as a sparse membership matrix, so
    that a million pairs are intersected in scipy, a chunk of PAIRS_AT_ONCE at a time, not one by
    one in Python."""

    def __init__(self, sets: Sequence[frozenset]):
        vocabulary: dict = {}
        columns = np.array([vocabulary.setdefault(x, len(vocabulary)) for members in sets for x in members], dtype=np.int64)
        rows = np.repeat(np.arange(len(sets)), [len(members) for members in sets])
        shape = (len(sets), max(len(vocabulary), 1))
        self.members = sparse.csr_matrix((np.ones(len(columns)), (rows, columns)), shape=shape)
        self.sizes = np.diff(self.members.indptr)
        self.counts = np.bincount(columns, minlength=shape[1])  # how many sets hold each member

    def shared(self, first: np.ndarray, second: np.ndarray) -> np.ndarray:
        """How many members each pair (first[k], second[k]) shares."""
        return by_chunks(lambda a, b: self.members[a].multiply(self.members[b]).sum(axis=1), first, second)

    def disjoint(self, first: np.ndarray, second: np.ndarray) -> np.ndarray:
        """Both hold some, and none in common (``disjoint``, pair by pair)."""
        return (self.sizes[first] > 0) & (self.sizes[second] > 0) & (self.shared(first, second) == 0)

    def conflicting(self, first: np.ndarray, second: np.ndarray) -> np.ndarray:
        """Each holds a member the other lacks: "500, gold 5,000" against "500, gold 4,000" (one
        holding all of the other's, "5,000" in "500, gold at 5,000", does not conflict)."""
        shared = self.shared(first, second)
        return (shared < self.sizes[first]) & (shared < self.sizes[second])

    def agreement(self, first: np.ndarray, second: np.ndarray) -> np.ndarray:
        """Shared over held (Jaccard); 0 unless both hold some."""
        shared = self.shared(first, second)
        held = self.sizes[first] + self.sizes[second] - shared
        both = (self.sizes[first] > 0) & (self.sizes[second] > 0)
        return np.where(both, shared / np.maximum(held, 1), 0.0)

    def largest_shared(self, first: np.ndarray, second: np.ndarray, value: np.ndarray) -> np.ndarray:
        """The largest ``value`` (one per member, none negative) among the members a pair shares; 0 if none."""
        valued = self.members.copy()
        valued.data = value[valued.indices]
        return by_chunks(lambda a, b: valued[a].multiply(self.members[b]).max(axis=1).toarray(), first, second)


def by_chunks(pairwise, first: np.ndarray, second: np.ndarray) -> np.ndarray:
    """``pairwise(first, second)`` (a column per pair), PAIRS_AT_ONCE pairs at a time: the rows of
    every pair at once would be gigabytes."""
    parts = [np.asarray(pairwise(first[k : k + PAIRS_AT_ONCE], second[k : k + PAIRS_AT_ONCE])).ravel()
             for k in range(0, len(first), PAIRS_AT_ONCE)]
    return np.concatenate(parts) if parts else np.zeros(0)


class WordingFacts:
    """What each wording states, read once: numbers, names, places, concepts, speaker, size."""

    def __init__(self, attributions: list[Attribution], texts: list[str], named_places: Sets,
                 concepts: list[frozenset[str]]):
        self.numbers = Sets([numbers(t) for t in texts])
        self.names = Sets([names(a) for a in attributions])
        self.places = named_places  # ``places`` of each
        self.concepts = Sets(concepts)
        total = len(concepts)  # a concept's rarity: its IDF over the wordings, 0 to 1
        self.rarity = np.array([math.log(total / n) / math.log(total) if total > 1 and n else 0.0
                                for n in self.concepts.counts.tolist()])
        codes: dict[str, int] = {}
        self.speakers = np.array([-1 if (who := speaker(a)) is None else codes.setdefault(who, len(codes))
                                  for a in attributions], dtype=np.int64)
        self.negated = np.array([a.negated for a in attributions], dtype=bool)
        self.short = np.array([len(t.split()) < SHORT_WORDS for t in texts], dtype=bool)
        with_body = {a.article for a in attributions if not a.headline}
        self.alone = np.array([a.headline and a.article not in with_body for a in attributions], dtype=bool)
        self.own = np.array([a.voice is not None for a in attributions], dtype=bool)

    def rarest_shared(self, first: np.ndarray, second: np.ndarray) -> np.ndarray:
        """How rare the rarest concept each pair shares is: its IDF over the wordings', 0 to 1
        ("Crabzilla" in two headlines says more than "Apple")."""
        return self.concepts.largest_shared(first, second, self.rarity)


def pair_traits(facts: WordingFacts, first: np.ndarray, second: np.ndarray, meaning: np.ndarray,
                words: np.ndarray) -> np.ndarray:
    """One row of TRAITS per pair (first[k], second[k]), given the cosines of their meanings and
    of their words."""
    speaking, heard = facts.speakers[first], facts.speakers[second]
    columns = {
        "meaning": meaning, "words": words, "meaning_x_words": meaning * words,
        "rarest_shared": facts.rarest_shared(first, second),
        "numbers_differ": facts.numbers.disjoint(first, second),
        "numbers_agree": facts.numbers.shared(first, second) > 0,
        "places_differ": facts.places.disjoint(first, second),
        "names_differ": facts.names.disjoint(first, second),
        "names_agree": facts.names.agreement(first, second),
        "speakers_differ": (speaking >= 0) & (heard >= 0) & (speaking != heard),
        "same_speaker": (speaking >= 0) & (speaking == heard),
        "polarity_differs": facts.negated[first] != facts.negated[second],
        "short": facts.short[first] | facts.short[second],
        "own_voice": facts.own[first] | facts.own[second],
    }
    return np.column_stack([np.asarray(columns[t], dtype=float) for t in TRAITS]).reshape(len(first), len(TRAITS))


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
