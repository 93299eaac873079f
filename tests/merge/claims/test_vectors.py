"""Each wording's nearest by meaning (kgbuild/merge/claims/vectors.py): exact in a small corpus,
from the approximate index in a large one, nearly the same neighbours, the same on every run."""

from __future__ import annotations

import numpy as np

from kgbuild.merge.claims import vectors
from kgbuild.merge.claims.vectors import NeighbourIndexes, exact_nearest_pairs, nearest_pairs


def unit_rows(count: int, seed: int = 3, groups: int = 60) -> np.ndarray:
    """Rows around ``groups`` directions, as wordings gather around their claims."""
    rng = np.random.default_rng(seed)
    centres = rng.normal(size=(groups, 32))
    rows = centres[rng.integers(0, groups, count)] + 0.6 * rng.normal(size=(count, 32))
    return (rows / np.linalg.norm(rows, axis=1, keepdims=True)).astype(np.float32)


def test_a_small_corpus_gets_the_exact_neighbours():
    rows, items = unit_rows(500), list(range(500))
    assert len(items) ** 2 <= vectors.EXACT_UP_TO
    assert nearest_pairs(rows, rows.copy(), items, items) == exact_nearest_pairs(rows, rows.copy(), items, items)


def not_exact(*_):
    raise AssertionError("the exact product above EXACT_UP_TO")


def test_above_the_size_the_index_finds_nearly_the_exact_neighbours(monkeypatch):
    rows, items = unit_rows(3000), [2 * i + 1 for i in range(3000)]  # ids that are not row numbers
    exact = exact_nearest_pairs(rows, rows.copy(), items, items)
    monkeypatch.setattr(vectors, "EXACT_UP_TO", 1000)
    monkeypatch.setattr(vectors, "exact_nearest_pairs", not_exact)
    found = nearest_pairs(rows, rows.copy(), items, items)
    assert all(i != j for i, j in found) and {i for i, _ in found} == set(items)
    assert len(found & exact) >= 0.95 * len(exact)


def test_the_index_gives_the_same_neighbours_on_every_run(monkeypatch):
    rows, items = unit_rows(4000, seed=8), list(range(4000))
    monkeypatch.setattr(vectors, "EXACT_UP_TO", 1000)
    monkeypatch.setattr(vectors, "exact_nearest_pairs", not_exact)
    first = nearest_pairs(rows, rows.copy(), items, items)
    assert all(nearest_pairs(rows, rows.copy(), items, items) == first for _ in range(2))


def test_rejections_are_looked_up_in_the_assertions_index_made_once(monkeypatch):
    rows = unit_rows(2000, seed=4)
    asserting, rejecting = list(range(1500)), list(range(1500, 2000))
    exact = exact_nearest_pairs(rows[rejecting], rows[asserting], rejecting, asserting)
    monkeypatch.setattr(vectors, "EXACT_UP_TO", 1000)
    monkeypatch.setattr(vectors, "exact_nearest_pairs", not_exact)
    indexes = NeighbourIndexes()
    among = nearest_pairs(rows[asserting], rows[asserting], asserting, asserting, indexes)
    answered = nearest_pairs(rows[rejecting], rows[asserting], rejecting, asserting, indexes)
    assert len(indexes.made) == 1 and {j for _, j in among | answered} <= set(asserting)
    assert len(answered & exact) >= 0.95 * len(exact)


def test_against_many_targets_fewer_probes_are_compared_at_once_with_the_same_neighbours(monkeypatch):
    rows = unit_rows(1200, seed=6)
    probes, targets = list(range(200)), list(range(200, 1200))
    whole = exact_nearest_pairs(rows[probes], rows[targets], probes, targets)
    monkeypatch.setattr(vectors, "SCORES_AT_ONCE", 7 * len(targets))  # 7 probes at a time
    assert exact_nearest_pairs(rows[probes], rows[targets], probes, targets) == whole
    nearest = np.argsort(-(rows[probes] @ rows[targets].T), axis=1)[:, : vectors.NEIGHBOURS + 1] + 200
    assert whole == {(i, int(j)) for i, row in zip(probes, nearest) for j in row}
