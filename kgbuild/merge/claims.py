"""Claim clustering: the same claim, worded differently by several outlets, becomes one claim.

Similarity of two wordings is the text similarity of Mihalcea, Corley & Strapparava (AAAI 2006):
each content word is aligned with its best match in the other wording, matches are weighted by
IDF, and the two directions are averaged. A word matches its own stem exactly (British spellings
folded first: "epicentre" = "epicenter") or another word through the pipeline's word vectors
("aircraft" ~ "helicopter", "strike" ~ "attack") when their cosine reaches ``SYNONYM_COSINE``.

Assertions are clustered greedily in reading order, each joining the claim whose members it is
most similar to on average (candidates share a content word, so cost follows the overlap, not
all pairs). A rejection (denies / refutes) then points at the claim it rejects:

- "denied the allegations" (``anaphoric``): the nearest assertion shortly before it, in its article;
- otherwise the most similar asserted claim, if similar enough; else it is a claim of its own.
"""

from __future__ import annotations

import heapq
import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Callable

import numpy as np
import snowballstemmer
from spacy.lang.en.stop_words import STOP_WORDS
from unidecode import unidecode

from ..records import Attribution

ASSERT_THRESHOLD = 0.6
REJECT_THRESHOLD = 0.45
SAME_ACTOR_BONUS = 0.15  # one actor's statement, carried by several outlets, is likely one claim
SYNONYM_COSINE = 0.6
MEMBERS_COMPARED = 8  # average link over at most this many members of a claim
BLOCKING_TERM_LIMIT = 200  # a word used by more wordings than this proposes no candidate pairs
ANAPHORA_WINDOW = 600  # characters: how far back "the allegations" may point
REJECTING = frozenset({"denies", "refutes"})
BRITISH = ((r"tre$", "ter"), (r"([^e])ence$", r"\1ense"), (r"our$", "or"), (r"is(e|ed|es|ing|ation)$", r"iz\1"))
EXTRA_STOP_WORDS = frozenset({"said", "says", "told", "according", "reportedly", "allegedly", "supposedly"})

WordVectors = Callable[[str], "np.ndarray | None"]
_stemmer = snowballstemmer.stemmer("english")


def content_words(text: str) -> list[str]:
    """Lower-cased content words of a text, British spellings folded."""
    words = re.findall(r"[a-z0-9]+", unidecode(text).lower())
    kept = [w for w in words if w not in STOP_WORDS and w not in EXTRA_STOP_WORDS and len(w) > 1]
    folded = []
    for word in kept:
        for pattern, replacement in BRITISH:
            word = re.sub(pattern, replacement, word)
        folded.append(word)
    return folded


@dataclass
class Wordings:
    """Every attribution's content words, with what the similarity needs precomputed."""

    words: list[list[str]]
    vector_of: WordVectors | None = None
    stems: list[list[str]] = field(init=False)
    frequency: Counter = field(init=False)  # stem -> how many wordings use it
    idf: dict[str, float] = field(init=False)
    _vectors: dict[str, np.ndarray] = field(init=False, default_factory=dict)

    def __post_init__(self):
        self.stems = [_stemmer.stemWords(ws) for ws in self.words]
        self.frequency = Counter(s for stems in self.stems for s in set(stems))
        total = len(self.stems)
        self.idf = {s: math.log((1 + total) / (1 + n)) + 1 for s, n in self.frequency.items()}
        if self.vector_of is not None:
            for word in {w for ws in self.words for w in ws}:
                vector = self.vector_of(word)
                if vector is not None and np.any(vector):
                    self._vectors[word] = vector / np.linalg.norm(vector)

    def matrix(self, i: int) -> np.ndarray:
        dims = next(iter(self._vectors.values())).shape[0] if self._vectors else 1
        zero = np.zeros(dims, dtype=np.float32)
        return np.array([self._vectors.get(w, zero) for w in self.words[i]], dtype=np.float32)

    def similarity(self, i: int, j: int) -> float:
        """Mihalcea et al. (2006): IDF-weighted best-match alignment, averaged both ways."""
        a, b = self.stems[i], self.stems[j]
        if not a or not b:
            return 0.0
        exact = np.array([[x == y for y in b] for x in a], dtype=np.float32)
        if self._vectors:
            cosines = self.matrix(i) @ self.matrix(j).T
            exact = np.maximum(exact, np.where(cosines >= SYNONYM_COSINE, cosines, 0.0))
        weight_a = np.array([self.idf[x] for x in a])
        weight_b = np.array([self.idf[y] for y in b])
        forward = float(weight_a @ exact.max(axis=1)) / float(weight_a.sum())
        backward = float(weight_b @ exact.max(axis=0)) / float(weight_b.sum())
        return round(min(1.0, (forward + backward) / 2), 6)


def anaphora_target(item: Attribution, earlier: list[tuple[int, Attribution]]) -> int | None:
    """For "denied the allegations": the latest assertion in the same article shortly before."""
    candidates = [
        i
        for i, other in earlier
        if other.article == item.article
        and other.stance not in REJECTING
        and 0 <= item.cue.start - other.evidence.end <= ANAPHORA_WINDOW
    ]
    return candidates[-1] if candidates else None


@dataclass(frozen=True)
class ClaimLink:
    """Why an attribution belongs to its claim."""

    rule: str
    score: float


def candidate_pairs(wordings: Wordings, items: list[int], actors: list[str]) -> dict[tuple[int, int], float]:
    """Similarities of the pairs that share a word used by at most BLOCKING_TERM_LIMIT wordings,
    raised by SAME_ACTOR_BONUS when both attributions have the same actor."""
    by_stem: dict[str, list[int]] = defaultdict(list)
    for i in items:
        for stem in set(wordings.stems[i]):
            if wordings.frequency[stem] <= BLOCKING_TERM_LIMIT:
                by_stem[stem].append(i)
    pairs = {(i, j) for members in by_stem.values() for x, i in enumerate(members) for j in members[x + 1 :]}
    return {
        (i, j): min(1.0, wordings.similarity(i, j) + SAME_ACTOR_BONUS * (actors[i] == actors[j]))
        for i, j in sorted(pairs)
    }


def average_link(items: list[int], pairs: dict[tuple[int, int], float], threshold: float) -> list[list[int]]:
    """Agglomerative clustering, average linkage, over a sparse similarity graph (absent pairs
    count as 0): merge the two closest clusters while their average similarity reaches ``threshold``."""
    members = {i: [i] for i in items}
    sums: dict[int, dict[int, float]] = defaultdict(dict)
    for (i, j), score in pairs.items():
        sums[i][j] = sums[j][i] = score
    heap = [(-score, i, j) for (i, j), score in pairs.items() if score >= threshold]
    heapq.heapify(heap)
    while heap:
        negative, a, b = heapq.heappop(heap)
        if a not in members or b not in members:
            continue
        current = sums[a].get(b, 0.0) / (len(members[a]) * len(members[b]))
        if abs(current + negative) > 1e-9:  # stale entry
            continue
        members[a] += members.pop(b)
        for c, score in sums.pop(b).items():
            sums[c].pop(b, None)
            if c != a:
                sums[a][c] = sums[c][a] = sums[a].get(c, 0.0) + score
        for c, total in sums[a].items():
            average = total / (len(members[a]) * len(members[c]))
            if average >= threshold:
                heapq.heappush(heap, (-average, min(a, c), max(a, c)))
    return sorted(sorted(group) for group in members.values())


def cluster_claims(
    attributions: list[Attribution], actors: list[str], vector_of: WordVectors | None = None
) -> tuple[list[int], list[ClaimLink], list[int]]:
    """Attributions and their actors' keys -> (a claim number for each, the rule and score that
    put it there, and for each claim the attribution whose wording stands for it: the assertion
    most like the others)."""
    wordings = Wordings([content_words(a.content.text if a.content else "") for a in attributions], vector_of)
    asserting = [i for i, a in enumerate(attributions) if a.stance not in REJECTING]
    rejecting = [i for i, a in enumerate(attributions) if a.stance in REJECTING]
    pairs = candidate_pairs(wordings, asserting, actors)
    clusters = average_link(asserting, pairs, ASSERT_THRESHOLD)
    assignment = [-1] * len(attributions)
    links = [ClaimLink("own claim", 1.0)] * len(attributions)
    for k, group in enumerate(clusters):
        for i in group:
            assignment[i] = k
            best = max((pairs.get((min(i, j), max(i, j)), 0.0) for j in group if j != i), default=None)
            if best is not None:
                links[i] = ClaimLink("similar wording", round(best, 3))
    for i in rejecting:
        item = attributions[i]
        target = anaphora_target(item, [(j, attributions[j]) for j in asserting]) if item.anaphoric else None
        if target is not None:
            assignment[i], links[i] = assignment[target], ClaimLink("rejects the claim it refers back to", 1.0)
            continue
        scored = [(float(np.mean([wordings.similarity(i, j) for j in group[:MEMBERS_COMPARED]])), -k) for k, group in enumerate(clusters)]
        best, k = max(scored, default=(0.0, 0))
        if best >= REJECT_THRESHOLD:
            assignment[i], links[i] = -k, ClaimLink("rejects a similar claim", round(best, 3))
        else:
            clusters.append([])
            assignment[i] = len(clusters) - 1
        clusters[assignment[i]].append(i)
    representatives = []
    for group in clusters:
        voices = [i for i in group if attributions[i].stance not in REJECTING] or group
        centrality = {i: sum(wordings.similarity(i, j) for j in voices[:MEMBERS_COMPARED]) for i in voices}
        sentence_like = {i: attributions[i].form != "object" for i in voices}  # not "accused X of Y"
        representatives.append(max(voices, key=lambda i: (sentence_like[i], round(centrality[i], 6), -i)))
    return assignment, links, representatives


def canonical_text(attribution: Attribution) -> str:
    """An attribution's content as a claim's wording: quote marks and a leading "that" off."""
    text = attribution.content.text.strip() if attribution.content else ""
    text = re.sub(r"^that\s+", "", text.strip("\"\u201c\u201d "), flags=re.I).rstrip(",;: ")
    return text[:1].upper() + text[1:]
