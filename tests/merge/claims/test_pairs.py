"""Which wordings are compared: the same pairs however they are computed."""

def test_the_neighbours_computed_ahead_are_those_computed_in_place():
    import numpy as np

    from kgbuild.merge.claims import ClaimSimilarity
    from kgbuild.merge.claims.pairs import nearest_by_meaning
    from kgbuild.records import Attribution, Span

    rng = np.random.default_rng(5)
    base = rng.normal(size=(40, 16)).astype(np.float32)
    # ties: many wordings share a text, so their similarities are equal
    texts = [f"wording number {i % 23} about the same story" for i in range(300)]

    def encoder(batch):
        return np.array([base[int(t.split()[2])] + (0.0 if "the same" in t else 1.0) for t in batch], dtype=np.float32)

    def attribution(n, text):
        return Attribution(article=f"a{n % 7}", cue=None, content=Span(text, 0, len(text)), source=None, actor=None,
                           stance="asserts", direct=False, quote=None, via=None, date=None, evidence=Span(text, 0, len(text)))

    items = [attribution(n, t) for n, t in enumerate(texts)]
    similarity = ClaimSimilarity(items, None, encoder)
    asserting = list(range(len(items)))
    assert similarity.prefetched is not None and similarity.prefetched[0] == asserting
    ahead = nearest_by_meaning(similarity, asserting, asserting)
    similarity.prefetched = None
    assert ahead == nearest_by_meaning(similarity, asserting, asserting) and len(ahead) > len(items)


def test_a_term_the_outlets_own_sentences_use_often_still_pairs_the_few_claims_that_share_it():
    from kgbuild.merge.claims.pairs import BLOCKING_TERM_LIMIT, blocks
    from kgbuild.merge.claims.words import Wordings

    # two claims about Rosenberg among many body sentences that name her: only the claims are compared
    body = [f"Rosenberg sentence number {n} of the outlet's own account" for n in range(BLOCKING_TERM_LIMIT + 5)]
    texts = ["Gill Rosenberg captured by ISIS", "ISIS kidnaps Gill Rosenberg", *body]
    by_concept = blocks(Wordings(texts), [0, 1])
    assert by_concept["rosenberg"] == [0, 1]
    assert "rosenberg" not in blocks(Wordings(texts), list(range(len(texts))))  # all of them: too common to block on
