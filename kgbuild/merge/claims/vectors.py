"""Wordings as sentence vectors (``encoder``), each encoded when first needed, the corpus mean
partly taken out; each wording's nearest by meaning (``nearest_pairs``): by the exact product in a
small corpus, from an approximate index (faiss's HNSW) in a large one."""

from __future__ import annotations

import numpy as np

from ...runtime import available_cores
from .encoder import Encoder

NEIGHBOURS = 10  # each wording is compared with this many others nearest to it by meaning
PROBES_AT_ONCE = 1024  # probes whose products with every target are made at once: a chunk of some 100 MB
SCORES_AT_ONCE = PROBES_AT_ONCE * 30_000  # fewer probes at once against more targets than 30,000
PAIRS_AT_ONCE = 1 << 15  # pairs whose vectors are gathered at once for their cosines
# probes x targets up to which the exact product is cheap: 21 CPU seconds at 30,000 x 30,000, some
# of them on the second core while the actors are matched, against the index's 11; beyond, the
# product grows with the square (docs/performance.md, section 4)
EXACT_UP_TO = 30_000 * 30_000
INDEX_LINKS, INDEX_BUILD_BREADTH, INDEX_SEARCH_BREADTH = 16, 100, 64  # HNSW's M, efConstruction, efSearch

CENTRE_PRIOR = 50  # wordings: how many it takes before the corpus mean counts for half


class Meanings:
    """The wordings' sentence vectors, each encoded when first needed (the encoder is the costly
    part: an own body sentence that shares no words with any attributed claim is never encoded).
    The corpus mean is taken out of them, as IDF does for words: what every wording shares (one
    story's subject) stops counting as likeness. The mean of a few wordings is mostly those
    wordings, so it is taken in part, n / (n + CENTRE_PRIOR), over the wordings encoded first."""

    def __init__(self, texts: list[str], encoder: Encoder, first: list[int]):
        self.texts, self.encoder = texts, encoder
        self.done = np.zeros(len(texts), dtype=bool)
        self.vectors: np.ndarray | None = None
        raw = encoder([texts[i] for i in first]) if first else None
        share = len(first) / (len(first) + CENTRE_PRIOR) if first else 0.0
        self.mean = share * raw.mean(axis=0) if raw is not None else 0.0
        if raw is not None:
            self.store(np.array(first), raw)

    def store(self, indices: np.ndarray, raw: np.ndarray) -> None:
        if self.vectors is None:
            self.vectors = np.zeros((len(self.texts), raw.shape[1]), dtype=np.float32)
        shifted = raw - self.mean
        self.vectors[indices] = shifted / np.clip(np.linalg.norm(shifted, axis=1, keepdims=True), 1e-9, None)
        self.done[indices] = True

    def __getitem__(self, indices: np.ndarray) -> np.ndarray:
        self.encode_missing(indices)
        return self.vectors[indices]

    def encode_missing(self, indices: np.ndarray) -> None:
        missing = np.unique(indices[~self.done[indices]])
        if len(missing):
            self.store(missing, self.encoder([self.texts[i] for i in missing]))

    def cosines(self, first: np.ndarray, second: np.ndarray, chunk: int = PAIRS_AT_ONCE) -> np.ndarray:
        """The cosine of each pair (first[k], second[k]), a chunk of pairs at a time: the vectors
        of 300,000 pairs at once are 900 MB to gather, which takes longer than the products."""
        if len(first) == 0:
            return np.zeros(0, dtype=np.float32)
        self.encode_missing(np.concatenate([first, second]))
        return np.concatenate([np.einsum("ij,ij->i", self.vectors[first[k : k + chunk]], self.vectors[second[k : k + chunk]])
                               for k in range(0, len(first), chunk)])


def nearest_pairs(queries: np.ndarray, candidates: np.ndarray, probes: list[int], targets: list[int],
                  indexes: NeighbourIndexes | None = None) -> set[tuple[int, int]]:
    """(probe, target) for each probe's NEIGHBOURS nearest targets, from the probes' and targets'
    unit vectors (rows in their order): exactly while probes x targets is at most EXACT_UP_TO
    (``exact_nearest_pairs``), above from an approximate index of the targets (``NeighbourIndex``;
    taken from ``indexes`` when given, so that it is made once for one list of targets)."""
    if len(probes) * len(targets) <= EXACT_UP_TO:
        return exact_nearest_pairs(queries, candidates, probes, targets)
    index = indexes.of(candidates, targets) if indexes is not None else NeighbourIndex(candidates, targets)
    return index.nearest_pairs(queries, probes)


def exact_nearest_pairs(queries: np.ndarray, candidates: np.ndarray, probes: list[int], targets: list[int]) -> set[tuple[int, int]]:
    """``nearest_pairs`` by the dense product of every probe with every target, PROBES_AT_ONCE
    probes at a time (fewer against many targets: SCORES_AT_ONCE products at most, a few rejections
    against a million assertions would take gigabytes). The chunk size is part of the result: it
    fixes the products' last bits, and so ``argpartition``'s choice among ties."""
    found = set()
    k = min(NEIGHBOURS + 1, len(targets))
    at_once = min(PROBES_AT_ONCE, max(1, SCORES_AT_ONCE // len(targets)))
    probe_ids, target_ids = np.asarray(probes, dtype=int), np.asarray(targets, dtype=int)
    for start in range(0, len(probes), at_once):
        scores = queries[start : start + at_once] @ candidates.T
        np.negative(scores, out=scores)  # in place: a chunk is some 100 MB
        nearest = target_ids[np.argpartition(scores, k - 1, axis=1)[:, :k]].ravel()
        chunk = np.repeat(probe_ids[start : start + at_once], k)
        apart = nearest != chunk
        found.update(zip(chunk[apart].tolist(), nearest[apart].tolist()))
    return found


class NeighbourIndex:
    """The targets' unit vectors in a faiss HNSW graph by inner product, inserted on one thread:
    the graph, and so every answer, is then the same on every run (its levels are drawn from a
    fixed seed). Queries run on every core; each is answered alone, the same way."""

    def __init__(self, candidates: np.ndarray, targets: list[int]):
        import faiss

        self.target_ids = np.asarray(targets, dtype=np.int64)
        self.index = faiss.IndexHNSWFlat(candidates.shape[1], INDEX_LINKS, faiss.METRIC_INNER_PRODUCT)
        self.index.hnsw.efConstruction, self.index.hnsw.efSearch = INDEX_BUILD_BREADTH, INDEX_SEARCH_BREADTH
        faiss.omp_set_num_threads(1)  # inserted in parallel, the graph would depend on the threads' timing
        self.index.add(np.ascontiguousarray(candidates, dtype=np.float32))

    def nearest_pairs(self, queries: np.ndarray, probes: list[int]) -> set[tuple[int, int]]:
        """(probe, target) for each probe's NEIGHBOURS + 1 nearest targets found, but itself (as
        ``exact_nearest_pairs`` takes them)."""
        import faiss

        k = min(NEIGHBOURS + 1, len(self.target_ids))
        faiss.omp_set_num_threads(available_cores())
        _, rows = self.index.search(np.ascontiguousarray(queries, dtype=np.float32), k)
        found = rows >= 0  # -1: fewer than k found
        nearest = self.target_ids[rows[found]]
        chunk = np.repeat(np.asarray(probes, dtype=np.int64), k)[found.ravel()]
        apart = nearest != chunk
        return set(zip(chunk[apart].tolist(), nearest[apart].tolist()))


class NeighbourIndexes:
    """Each list of targets' ``NeighbourIndex``, made once: the assertions' serves their
    neighbours among themselves, then each rejection's among them."""

    def __init__(self):
        self.made: dict[tuple[int, ...], NeighbourIndex] = {}

    def of(self, candidates: np.ndarray, targets: list[int]) -> NeighbourIndex:
        key = tuple(targets)
        if key not in self.made:
            self.made[key] = NeighbourIndex(candidates, targets)
        return self.made[key]
