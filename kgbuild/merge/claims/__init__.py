"""Claim clustering: the same claim, worded differently by several outlets, becomes one claim.

A wording is compared as ``wording.compared_wording`` gives it; two wordings are alike by the
cosine of their sentence vectors (``encoder``, ``vectors``) blended with the TF-IDF cosine of
their words (``words``), see ``similarity``; only the pairs ``pairs`` proposes are compared.
``clustering.cluster_claims`` runs the steps: assertions linked into claims (``linkage``),
rejections pointed at what they reject (``rejection``), the outlet's own restatements kept, each
claim's wording chosen.

Promises: deterministic (ties broken by position); the cost follows the overlap between
wordings, not the square of their number; without an encoder it still works, on words alone.
"""

from .clustering import Clustering, cluster_claims
from .similarity import ClaimSimilarity
from .wording import REJECTING, canonical_text, compared_wording, in_claims, keeps_distance, states_as_fact, wordings_encoded_first
from .words import WordVectors, word_vectors

__all__ = [
    "REJECTING", "ClaimSimilarity", "Clustering", "WordVectors", "canonical_text", "cluster_claims", "compared_wording",
    "in_claims", "keeps_distance", "states_as_fact", "word_vectors", "wordings_encoded_first",
]
