"""L2-regularised logistic regression by Newton's method, for the training scripts (training/) of the
trained filters (the attribution filter, the proposition model):
deterministic, so the same data gives the same weights."""

from __future__ import annotations

import numpy as np


def fit(X: np.ndarray, y: np.ndarray, l2: float = 1.0, weights: np.ndarray | None = None) -> np.ndarray:
    """The weights of a logistic regression; the last column of ``X`` is the bias (not shrunk).
    ``weights``: each row's weight in the likelihood (default 1)."""
    w = np.zeros(X.shape[1])
    weights = np.ones(len(y)) if weights is None else weights
    penalty = l2 * np.eye(X.shape[1])
    penalty[-1, -1] = 0.0
    for _ in range(100):
        p = 1 / (1 + np.exp(-X @ w))
        step = np.linalg.solve((X * (weights * p * (1 - p))[:, None]).T @ X + penalty,
                               X.T @ (weights * (p - y)) + penalty @ w)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    return w


def with_bias(X: np.ndarray) -> np.ndarray:
    return np.hstack([X, np.ones((len(X), 1))])


def probabilities(X: np.ndarray, w: np.ndarray) -> np.ndarray:
    return 1 / (1 + np.exp(-with_bias(X) @ w))
