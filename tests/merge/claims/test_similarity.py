"""How alike two wordings are, and what the proposition model allows of them before they are encoded."""

from __future__ import annotations

import numpy as np

from kgbuild.merge.claims.similarity import ClaimSimilarity
from kgbuild.merge.claims.wording import compared_wording
from tests.builders import attribution, own

DAM = [
    attribution("a", "the dam at Nova Kakhovka was blown up by Russian troops", actor="Officials", kind="collective"),
    attribution("c", "Russian troops blew up the dam at Nova Kakhovka on Tuesday", actor="Zelensky"),
    own("b", "The dam at Nova Kakhovka was blown up by Russian troops", voice="body"),
    own("b", "Russian troops were seen near the dam on Monday", voice="body", at=100),
    own("b", "The dam was blown up", voice="body", at=200),
    own("b", "Water from the dam at Nova Kakhovka flooded villages after it was blown up", voice="body", at=300),
]


def test_what_the_proposition_model_could_allow_bounds_what_it_allows_at_any_meaning():
    first, second = np.triu_indices(len(DAM), k=1)
    allowed_somewhere = np.zeros(len(first), dtype=bool)
    for seed in range(20):
        rng = np.random.default_rng(seed)
        vectors = rng.normal(size=(len(DAM), 4)) + rng.normal(size=4) * rng.uniform(0, 5)  # some draws make all alike
        vector_of = {compared_wording(a): v for a, v in zip(DAM, vectors.astype(np.float32))}
        similarity = ClaimSimilarity(DAM, encoder=lambda texts: np.array([vector_of[t] for t in texts]))
        allowed = similarity.one_proposition(first, second)
        assert not (allowed & ~similarity.may_be_one_proposition(first, second)).any()
        allowed_somewhere |= allowed
    # in the draws that make them alike, the claim's two attributions and its restatement word for word
    assert [(int(i), int(j)) for i, j in zip(first[allowed_somewhere], second[allowed_somewhere])] == [(0, 1), (0, 2)]


def test_a_body_sentence_that_shares_some_words_but_too_few_for_any_meaning_is_ruled_out_unencoded():
    similarity = ClaimSimilarity(DAM, encoder=lambda texts: np.ones((len(texts), 4), dtype=np.float32))
    first, second = np.array([0, 0, 0]), np.array([2, 4, 5])  # the same words; a fragment; a flood after it
    assert (similarity.words.cosines(first, second) >= 0.4).all()
    assert similarity.may_be_one_proposition(first, second).tolist() == [True, False, False]
    assert not similarity.meanings.done[[4, 5]].any()  # own body sentences are encoded only when asked for
