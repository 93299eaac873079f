"""The logistic regression the training scripts fit."""

from __future__ import annotations

import numpy as np

from kgbuild.logistic import fit, probabilities


def test_fit_learns_which_trait_predicts_the_label():
    rng = np.random.default_rng(0)
    x = rng.integers(0, 2, size=(400, 2)).astype(float)
    y = np.where(rng.random(400) < 0.1, 1 - x[:, 0], x[:, 0])  # the first trait, 10% noise
    w = fit(np.hstack([x, np.ones((400, 1))]), y)
    assert w[0] > 1 and abs(w[1]) < 0.5
    assert probabilities(np.array([[1.0, 0.0]]), w)[0] > 0.8 > 0.2 > probabilities(np.array([[0.0, 0.0]]), w)[0]


def test_row_weights_count_a_row_as_that_many_copies():
    x = np.array([[0.0, 1.0], [1.0, 1.0], [1.0, 1.0], [0.0, 1.0], [1.0, 1.0]])
    y = np.array([0.0, 1.0, 0.0, 0.0, 1.0])
    weighted = fit(x[:3], y[:3], weights=np.array([2.0, 2.0, 1.0]))
    assert np.allclose(weighted, fit(x, y), atol=1e-6)
