"""How alike two wordings are: the cosine of their sentence vectors (``vectors``) blended with the
TF-IDF cosine of their words (``words``), ENCODER_WEIGHT to the encoder; without an encoder, the
word similarity of Mihalcea et al. blended with the same over predicate-argument cores. Wordings
that name only different places (and, for clustering, people) count ENTITY_CONFLICT as much."""

from __future__ import annotations

from concurrent.futures import Future, ThreadPoolExecutor
from functools import cached_property

import numpy as np

from ...records import Attribution
from .encoder import Encoder
from .propositions import Sets, WordingFacts, both_alone, disjoint, pair_traits, places, shipped_model
from .vectors import Meanings, NeighbourIndexes, nearest_pairs
from .wording import compared_wording, encoded_first, last_word, roles
from .words import Wordings, WordVectors

ENTITY_CONFLICT = 0.5  # the share of their likeness left to wordings that name only different places
ENCODER_WEIGHT = 0.7  # share of the similarity that comes from the sentence encoder, when there is one
CORE_WEIGHT = 0.5  # share of the similarity that comes from the predicate-argument cores
MIN_CLAIM_WORDS = 3  # "the attack", "the claim": too short to be matched by wording
MIN_CORE_WORDS = 2  # a core of fewer words (a lone predicate or name) is not compared


def surnames(attribution: Attribution) -> frozenset[str]:
    """The people a wording names, by surname."""
    return frozenset(last_word(m.name) for m in attribution.about if m.kind == "person" and m.name.split())


def neighbours_found_ahead(meanings: Meanings | None, indexes: NeighbourIndexes, items: list[int]) -> Future:
    """``nearest_pairs`` of the items among themselves, started on a thread of its own."""
    if meanings is None or not items:
        nothing: Future = Future()
        nothing.set_result(set())
        return nothing
    # two arrays, as ``nearest_by_meaning`` makes them: numpy computes a product of an array with its
    # own transpose another way (syrk), whose last bits, and so whose ties, can differ
    queries, candidates = meanings[np.array(items)], meanings[np.array(items)]
    executor = ThreadPoolExecutor(max_workers=1)
    future = executor.submit(nearest_pairs, queries, candidates, items, items, indexes)
    executor.shutdown(wait=False)  # the thread ends with its one task
    return future


class ClaimSimilarity:
    """All content words and the predicate-argument cores, blended: "Putin's helicopter was at the
    epicentre of the attack" is closer to "the aircraft was in the epicenter" than to "forces
    attempted to assassinate Putin in a drone attack", though the last shares more words."""

    def __init__(self, attributions: list[Attribution], vector_of: WordVectors | None = None,
                 encoder: Encoder | None = None):
        self.texts = texts = [compared_wording(a) for a in attributions]
        first = [i for i, a in enumerate(attributions) if encoded_first(a)]
        self.meanings = Meanings(texts, encoder, first) if encoder is not None else None
        self.roles = roles(attributions)
        self.indexes = NeighbourIndexes()  # a large corpus's approximate nearest-neighbour indexes
        self.prefetched = self.roles[0], neighbours_found_ahead(self.meanings, self.indexes, self.roles[0])
        self.words = Wordings(texts, vector_of)
        self.places = [places(a) for a in attributions]
        self.named_places, self.named_people = Sets(self.places), Sets([surnames(a) for a in attributions])
        self.attributions, self.vector_of = attributions, vector_of
        # "refuted the fake about X": the core of a nominal object is a claim noun, not the claim
        # and a one-word core ("blair", "plan") says nothing about what is claimed
        self.has_core = np.array([len(a.core) >= MIN_CORE_WORDS and a.form != "object" for a in attributions])
        self.long_enough = np.array([len(c) >= MIN_CLAIM_WORDS for c in self.words.concepts])

    def neighbours(self, items: list[int]) -> Future:
        """The items' nearest neighbours by meaning among themselves (a set of pairs, as
        ``nearest_pairs`` gives them), found on another thread: the product, ``argpartition`` and
        faiss let go of the GIL, so the second core finds them while this one works on. The
        assertions' are started as this is made (``prefetched``), while the actors are matched
        and the words analysed."""
        if self.prefetched is not None and self.prefetched[0] == items:
            return self.prefetched[1]
        return neighbours_found_ahead(self.meanings, self.indexes, items)

    @cached_property
    def cores(self) -> Wordings:
        """The predicate-argument cores as wordings (only the similarity without an encoder uses them)."""
        return Wordings([" ".join(a.core) for a in self.attributions], self.vector_of)

    def may_restate(self, i: int, j: int) -> bool:
        """Whether i may restate j at all: both long enough, and not naming only different places
        (the dam at Dnipro is not the dam at Nova Kakhovka)."""
        return bool(self.long_enough[i] and self.long_enough[j]) and not disjoint(self.places[i], self.places[j])

    @cached_property
    def facts(self) -> WordingFacts:
        return WordingFacts(self.attributions, self.texts, self.named_places, self.words.concepts)

    def traits(self, first: np.ndarray, second: np.ndarray, meaning: np.ndarray | None = None) -> np.ndarray:
        """The pairs' ``propositions.TRAITS`` (an encoder is needed), at the cosines of their
        meanings or, given, at ``meaning``."""
        words = self.words.cosines(first, second)
        meaning = np.clip(self.meanings.cosines(first, second), 0.0, 1.0) if meaning is None else meaning
        return pair_traits(self.facts, first, second, meaning, words)

    def one_proposition(self, first: np.ndarray, second: np.ndarray) -> np.ndarray:
        """Whether each pair (first[k], second[k]) states one proposition, by the proposition
        model (``propositions``); never for a wording too short to compare. Without an encoder
        the model, which weighs sentence vectors, cannot judge: every pair may be one."""
        if len(first) == 0:
            return np.zeros(0, dtype=bool)
        if self.meanings is None:
            return np.ones(len(first), dtype=bool)
        model = shipped_model()
        return (model.probabilities(self.traits(first, second)) >= model.threshold) & self.long_enough[first] & self.long_enough[second]

    def may_be_one_proposition(self, first: np.ndarray, second: np.ndarray) -> np.ndarray:
        """Whether ``claim_scores`` could leave each pair more than 0, whatever the cosine of their
        meanings, known before either is encoded: the model's traits are linear in the cosine (from
        0 to 1), so its probability is highest at one end. A body sentence that could restate
        nothing is then never encoded."""
        if self.meanings is None or len(first) == 0:
            return np.ones(len(first), dtype=bool)
        model = shipped_model()
        highest = np.maximum(*(model.probabilities(self.traits(first, second, np.full(len(first), end)))
                               for end in (0.0, 1.0)))
        return both_alone(self.facts, first, second) | (highest >= model.threshold)

    def claim_scores(self, first: np.ndarray, second: np.ndarray, alike: np.ndarray | None = None) -> np.ndarray:
        """How alike the pairs are (``alike``, else ``similarities`` with people), where the
        proposition model does not rule out one proposition ("32 million broadband connections" /
        "almost four million broadband users"): a pair of two headlines given alone it does not
        judge (see ``propositions``)."""
        alike = self.similarities(first, second, people=True) if alike is None else alike
        judged = ~both_alone(self.facts, first, second)
        return np.where(judged & ~self.one_proposition(first, second), 0.0, alike)

    def similarities(self, first: np.ndarray, second: np.ndarray, people: bool = False) -> np.ndarray:
        """With an encoder: the sentence vectors' cosine blended with the words' TF-IDF cosine.
        Without: Mihalcea et al. over the words, blended with the same over the cores. Wordings
        that name only different places (and, with ``people``, only different people) count
        ENTITY_CONFLICT as much."""
        if len(first) == 0:
            return np.zeros(0)
        if self.meanings is not None:
            meaning = np.clip(self.meanings.cosines(first, second), 0.0, 1.0)
            score = (1 - ENCODER_WEIGHT) * self.words.cosines(first, second) + ENCODER_WEIGHT * meaning
        else:
            words = self.words.similarities(first, second)
            both = self.has_core[first] & self.has_core[second]
            blended = (1 - CORE_WEIGHT) * words + CORE_WEIGHT * self.cores.similarities(first, second)
            score = np.where(both, blended, words)
        apart = self.named_places.disjoint(first, second)
        if people:
            apart |= self.named_people.disjoint(first, second)
        score = np.where(apart, ENTITY_CONFLICT * score, score)
        return np.round(np.where(self.long_enough[first] & self.long_enough[second], score, 0.0), 6)
