"""Which wordings are compared at all, so the cost follows the overlap, not all pairs: those that
share a concept used by at most BLOCKING_TERM_LIMIT of the wordings compared (``blocks``), and
each wording's NEIGHBOURS nearest by meaning (``nearest_by_meaning``); and the claims a probe (a
denial, a restatement) matches among them (``best_matches``)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Callable, Iterator, Sequence

import numpy as np

from .similarity import ClaimSimilarity
from .vectors import nearest_pairs
from .words import Wordings

RESTATE_WORDS = 0.4  # a restatement shares at least this much of its words (TF-IDF cosine) with what it restates
RIVALS = slice(2, 6)  # a rejected claim stands out from the third to sixth best (the second may be its other wording)
BLOCKING_TERM_LIMIT = 50  # a concept used by more of the compared wordings than this proposes no candidate pairs


@dataclass(frozen=True)
class ScoredPairs:
    """Pairs (first[k], second[k]), first < second, in order, each with a score: arrays, where a
    dictionary of tuples took most of a million wordings' 20 GB."""

    first: np.ndarray
    second: np.ndarray
    scores: np.ndarray

    @classmethod
    def of(cls, scores: dict[tuple[int, int], float]) -> ScoredPairs:
        ordered = sorted(scores)
        pairs = np.array(ordered, dtype=np.int64).reshape(-1, 2)
        return cls(pairs[:, 0], pairs[:, 1], np.array([scores[p] for p in ordered], dtype=float))

    def get(self, i: int, j: int, default: float = 0.0) -> float:
        """The score of the pair (i, j), i < j."""
        start, end = np.searchsorted(self.first, [i, i + 1])
        k = start + int(np.searchsorted(self.second[start:end], j))
        return float(self.scores[k]) if k < end and self.second[k] == j else default

    def items(self) -> Iterator[tuple[tuple[int, int], float]]:
        return zip(zip(self.first.tolist(), self.second.tolist()), self.scores.tolist())


def blocks(wordings: Wordings, items: list[int]) -> dict[str, list[int]]:
    """The items using each concept that at most BLOCKING_TERM_LIMIT of the items use: only
    wordings that share such a concept are ever compared. Counted among the items, not the
    corpus: the outlets' own sentences that name Gill Rosenberg a hundred times do not stop her
    dozen claims from being compared (a corpus-wide count made the claims of a rumour split once
    a large corpus was run with it)."""
    by_concept: dict[str, list[int]] = defaultdict(list)
    for i in items:
        for concept in wordings.concepts[i]:
            by_concept[concept].append(i)
    return {c: members for c, members in by_concept.items() if len(members) <= BLOCKING_TERM_LIMIT}


def nearest_by_meaning(similarity: ClaimSimilarity, probes: list[int], targets: list[int]) -> set[tuple[int, int]]:
    """(probe, target) for each probe's NEIGHBOURS nearest targets by the encoder: wordings of one
    claim that share no rare word ("Crabzilla" / "giant crab measuring 50ft") are still compared."""
    if similarity.meanings is None or not probes or not targets:
        return set()
    if probes == targets:
        return set(similarity.neighbours(probes).result())
    return nearest_pairs(similarity.meanings[np.array(probes)], similarity.meanings[np.array(targets)], probes, targets,
                         similarity.indexes)


def pair_keys(pairs: np.ndarray, size: int) -> np.ndarray:
    """Pairs (rows i, j) as sorted, distinct keys i * size + j with i < j."""
    ordered = np.sort(pairs.reshape(-1, 2), axis=1)
    return np.unique(ordered[:, 0] * size + ordered[:, 1])


def sharing_a_concept(similarity: ClaimSimilarity, items: list[int]) -> np.ndarray:
    """The keys (``pair_keys``) of the pairs of items that share a blocking concept (``blocks``)."""
    shared = [(i, j) for members in blocks(similarity.words, items).values() for x, i in enumerate(members)
              for j in members[x + 1 :]]
    return pair_keys(np.array(shared, dtype=np.int64), len(similarity.attributions))


def candidate_pairs(similarity: ClaimSimilarity, items: list[int]) -> tuple[np.ndarray, np.ndarray]:
    """The pairs (first[k] < second[k]) of items that share a blocking concept (see ``blocks``)
    or are near neighbours by meaning, each once, in order."""
    size = len(similarity.attributions)
    near = np.array(list(nearest_by_meaning(similarity, items, items)), dtype=np.int64)
    keys = np.union1d(sharing_a_concept(similarity, items), pair_keys(near, size))
    return keys // size, keys % size


def scored_pairs(similarity: ClaimSimilarity, items: list[int]) -> tuple[ScoredPairs, ScoredPairs]:
    """Two scores of each candidate pair (``candidate_pairs``): how alike it is, and as much where
    the proposition model does not rule it out (``ClaimSimilarity.claim_scores``), 0 where it does;
    the first clusters topics, the second claims. The pairs that share a concept are scored while
    another thread still looks for the neighbours by meaning, then the neighbours that share none;
    a pair's scores are its own, so they are the same either way."""
    size = len(similarity.attributions)
    neighbours = similarity.neighbours(items)
    sharing = sharing_a_concept(similarity, items)
    scored = [(sharing, *pair_scores(similarity, sharing // size, sharing % size))]
    near = pair_keys(np.array(list(neighbours.result()), dtype=np.int64), size)
    only_near = np.setdiff1d(near, sharing, assume_unique=True)
    scored.append((only_near, *pair_scores(similarity, only_near // size, only_near % size)))
    keys, alike, claim = (np.concatenate(column) for column in zip(*scored))
    order = np.argsort(keys)
    first, second = keys[order] // size, keys[order] % size
    return ScoredPairs(first, second, alike[order].astype(float)), ScoredPairs(first, second, claim[order].astype(float))


def pair_scores(similarity: ClaimSimilarity, first: np.ndarray, second: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """How alike each pair is, and as much where the proposition model does not rule it out."""
    # one claim is about the same people; a denial often names its denier instead (not so there)
    alike = similarity.similarities(first, second, people=True)
    return alike, similarity.claim_scores(first, second, alike)


def best_matches(
    similarity: ClaimSimilarity, probes: list[int], targets: list[int], assignment: Sequence[int], threshold: float,
    restatement: bool = False, allowed: Callable[[int, int], bool] | None = None, standing_out: float = 0.0,
) -> dict[int, list[tuple[int, float]]]:
    """For each probe, the claims (by number) of the targets it resembles at ``threshold`` or more,
    most similar first; only targets that share a blocking concept with it, or are its near
    neighbours by meaning, are compared, by ``ClaimSimilarity.similarities``. A restatement is scored
    as claims are (``ClaimSimilarity.claim_scores``), and must share words with what it restates
    (TF-IDF cosine RESTATE_WORDS): the many body sentences that share none, or too few for the
    proposition model to allow at any meaning, are never encoded.
    With ``standing_out``, a probe's best claim must stand out from its rivals (see ``stands_out``)
    or hold a name the probe shares with none of them (``named_only_by``)."""
    by_concept = blocks(similarity.words, targets)
    pairs = {(i, j) for i in probes for c in similarity.words.concepts[i] for j in by_concept.get(c, ())}
    if restatement:  # only pairs that may reach the threshold: their body sentences are encoded
        ordered = np.array(list(pairs), dtype=np.int64).reshape(-1, 2)
        ordered = ordered[similarity.words.cosines(ordered[:, 0], ordered[:, 1]) >= RESTATE_WORDS]
        ordered = ordered[similarity.may_be_one_proposition(ordered[:, 0], ordered[:, 1])]
        pairs = {(i, j) for i, j in ordered.tolist() if similarity.may_restate(i, j)}
    else:
        pairs |= nearest_by_meaning(similarity, probes, targets)
    pairs = sorted(p for p in pairs if allowed is None or allowed(*p))
    first, second = np.array([p[0] for p in pairs], dtype=int), np.array([p[1] for p in pairs], dtype=int)
    scores: dict[int, dict[int, float]] = defaultdict(dict)
    shared: dict[int, dict[int, set[str]]] = defaultdict(lambda: defaultdict(set))  # the names probe and claim share
    concepts, names = similarity.words.concepts, similarity.words.names
    scorer = similarity.claim_scores if restatement else similarity.similarities
    for (i, j), score in zip(pairs, scorer(first, second)):
        if similarity.long_enough[j]:
            claim = assignment[j]
            scores[i][claim] = max(scores[i].get(claim, 0.0), float(score))
            if standing_out:
                shared[i][claim] |= concepts[i] & concepts[j] & names
    found = {}
    for i, by_claim in scores.items():
        ranked = sorted(by_claim.items(), key=lambda pair: (-pair[1], pair[0]))
        if ranked[0][1] >= threshold and (stands_out([score for _, score in ranked], standing_out)
                                          or standing_out and named_only_by(shared[i], ranked, threshold)):
            found[i] = [(claim, score) for claim, score in ranked if score >= threshold]
    return found


def named_only_by(shared: dict[int, set[str]], ranked: list[tuple[int, float]], threshold: float) -> bool:
    """Whether the probe shares a name (``shared``: the names it shares with each claim compared)
    with its best claim (``ranked``: claims and scores, best first) that it shares with no other
    it may answer (at ``threshold`` or more): "Internet report of Ebola outbreak in Purdon not
    true" names Purdon, which only the Purdon rumour's wordings hold, though the corpus's other
    debunked rumours score as high. A claim too far from the probe to be what it answers is no
    rival, whatever names it shares ("Judd Nelson rebuffs rumours" and a corpus's Nelson
    Mandela). A common word shared with one claim alone is chance."""
    best = ranked[0][0]
    others = set().union(*(shared[claim] for claim, score in ranked[1:] if score >= threshold))
    return bool(shared[best] - others)


def stands_out(ranked: list[float], margin: float) -> bool:
    """Whether the best of a probe's claim similarities (highest first) exceeds its RIVALS (the
    third to sixth best: the second may be the same claim's wordings left unmerged) by ``margin``
    on average. A denial that answers a claim resembles it far more than anything else; one that
    only shares its subject resembles many claims of that subject about as much."""
    width = RIVALS.stop - RIVALS.start
    rivals = (ranked[RIVALS] + [0.0] * width)[:width]
    return ranked[0] - sum(rivals) / width >= margin
